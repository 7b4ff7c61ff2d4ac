/**
 * The door's configuration from the environment: a shared passcode (user `team`), named invite codes (user
 * `invite:<name>`), the session's lifetime and signing secret, and the sign-in lockout. Pure: tests pass an env.
 */
export type Env = Record<string, string | undefined>;

export interface AccessCode {
  /** `team` for the shared passcode, `invite:<name>` for an invite. */
  userId: string;
  name: string;
  code: string;
}

export interface AccessConfig {
  /** False when neither PLAYGROUND_PASSCODE nor PLAYGROUND_INVITES is set: the playground is open. */
  enabled: boolean;
  codes: AccessCode[];
  /** A misconfiguration; the door then stays shut (fail closed) and the sign-in page says why. */
  error?: string;
  sessionMaxAgeMs: number;
  /** SESSION_SECRET, or '' to derive the signing key from the codes alone. */
  secret: string;
  trustProxy: boolean;
  lockout: { delayAfter: number; lockAfter: number; lockMs: number; baseDelayMs: number };
}

const NAME = /^[A-Za-z0-9._-]{1,40}$/;
const HOUR_MS = 3_600_000;

function positive(env: Env, key: string, fallback: number): { value: number; error?: string } {
  const raw = env[key]?.trim();
  if (!raw) return { value: fallback };
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) return { value: fallback, error: `${key}: '${raw}' is not a positive number.` };
  return { value: n };
}

/** "alice:code1,bob:code2" → invites; every problem names the entry and what is allowed. */
export function parseInvites(raw: string): { codes: AccessCode[]; error?: string } {
  const codes: AccessCode[] = [];
  for (const entry of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf(':');
    const name = at < 0 ? '' : entry.slice(0, at).trim();
    const code = at < 0 ? '' : entry.slice(at + 1).trim();
    if (!NAME.test(name) || !code) {
      // Never echo the code itself: only the part before the colon.
      return { codes, error: `PLAYGROUND_INVITES: entry '${(at < 0 ? '(no name)' : name).slice(0, 40)}' is not name:code (a name of letters, digits, '.', '_' or '-', up to 40, then a non-empty code).` };
    }
    if (codes.some((c) => c.name === name)) return { codes, error: `PLAYGROUND_INVITES: the name '${name}' appears twice.` };
    codes.push({ userId: `invite:${name}`, name, code });
  }
  return { codes };
}

export function accessConfig(env: Env = process.env): AccessConfig {
  const passcode = env.PLAYGROUND_PASSCODE?.trim() ?? '';
  const invites = parseInvites(env.PLAYGROUND_INVITES ?? '');
  const codes: AccessCode[] = [...(passcode ? [{ userId: 'team', name: 'team', code: passcode }] : []), ...invites.codes];
  const hours = positive(env, 'SESSION_MAX_AGE_HOURS', 12);
  const lockMs = positive(env, 'LOGIN_LOCKOUT_MS', 15 * 60_000);
  const backoff = positive(env, 'LOGIN_BACKOFF_MS', 1000);
  const enabled = codes.length > 0 || Boolean(invites.error);
  return {
    enabled,
    codes,
    error: invites.error ?? hours.error ?? lockMs.error ?? backoff.error,
    sessionMaxAgeMs: hours.value * HOUR_MS,
    secret: env.SESSION_SECRET ?? '',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    lockout: { delayAfter: 5, lockAfter: 10, lockMs: lockMs.value, baseDelayMs: backoff.value },
  };
}
