/**
 * Sign-in backoff per client: after `delayAfter` failures each further attempt must wait a growing delay
 * (1 s, 2 s, 4 s … capped at a minute; LOGIN_BACKOFF_MS sets the first), after `lockAfter` the client is locked out for `lockMs`, even with the
 * right code. A success clears the client's record. In memory, bounded; one instance's view (a team demo's
 * scale: a shared store is the limits module's job).
 */
export interface LockoutRules {
  delayAfter: number;
  lockAfter: number;
  lockMs: number;
  /** The first delay; each further failure doubles it (capped at a minute). */
  baseDelayMs: number;
}

interface Record_ {
  failures: number;
  /** No attempt is looked at before this time (epoch ms). */
  nextAttemptAt: number;
  lastFailureAt: number;
}

export type Verdict = { allowed: true } | { allowed: false; retryAt: number; locked: boolean };

const MAX_CLIENTS = 10_000;
/** Failures older than this are forgotten when the client is not locked. */
const FORGET_MS = 60 * 60_000;

export class Lockout {
  private readonly clients = new Map<string, Record_>();

  constructor(private readonly rules: LockoutRules) {}

  check(client: string, now = Date.now()): Verdict {
    const r = this.current(client, now);
    if (!r || now >= r.nextAttemptAt) return { allowed: true };
    return { allowed: false, retryAt: r.nextAttemptAt, locked: r.failures >= this.rules.lockAfter };
  }

  /** Counts a wrong code and says when the next attempt may come. */
  fail(client: string, now = Date.now()): Verdict {
    const r = this.current(client, now) ?? { failures: 0, nextAttemptAt: 0, lastFailureAt: now };
    r.failures += 1;
    r.lastFailureAt = now;
    const { delayAfter, lockAfter, lockMs, baseDelayMs } = this.rules;
    if (r.failures >= lockAfter) r.nextAttemptAt = now + lockMs;
    else if (r.failures >= delayAfter) r.nextAttemptAt = now + Math.min(60_000, baseDelayMs * 2 ** (r.failures - delayAfter));
    this.clients.delete(client);
    this.clients.set(client, r);
    this.prune();
    return r.nextAttemptAt > now ? { allowed: false, retryAt: r.nextAttemptAt, locked: r.failures >= lockAfter } : { allowed: true };
  }

  succeed(client: string): void {
    this.clients.delete(client);
  }

  private current(client: string, now: number): Record_ | undefined {
    const r = this.clients.get(client);
    if (!r) return undefined;
    // A served lockout starts over; stale failures are forgotten.
    if ((r.failures >= this.rules.lockAfter && now >= r.nextAttemptAt) || (now >= r.nextAttemptAt && now - r.lastFailureAt > FORGET_MS)) {
      this.clients.delete(client);
      return undefined;
    }
    return r;
  }

  /** Oldest records go first (the map keeps insertion order and a failure re-inserts its client). */
  private prune(): void {
    for (const [client] of this.clients) {
      if (this.clients.size <= MAX_CLIENTS) break;
      this.clients.delete(client);
    }
  }
}

/** What a refused attempt is told: when to try again, in words and as a clock time. */
export function lockoutMessage(v: Extract<Verdict, { allowed: false }>, now = Date.now()): string {
  const seconds = Math.max(1, Math.ceil((v.retryAt - now) / 1000));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} second${seconds === 1 ? '' : 's'}`;
  const at = new Date(v.retryAt).toISOString().slice(11, 19);
  return v.locked
    ? `Too many wrong passcodes: sign-in is locked for this device. Try again in ${wait} (at ${at} UTC).`
    : `Too many wrong passcodes. Wait ${wait} before the next try (until ${at} UTC).`;
}

/** The socket's address, stamped on every request by peer.ts (a client's own value is overwritten). */
export const PEER_HEADER = 'x-playground-peer';

/** Every sign-in whose address could not be seen (no socket address was stamped) shares this one bucket. */
export const UNSEEN_ADDRESS = 'unseen-address';

/**
 * Who is signing in, for the lockout: behind a trusted proxy (TRUST_PROXY=1) the address that proxy appended
 * last to X-Forwarded-For; otherwise the socket's own address (peer.ts), never a header the client wrote, so a
 * client that forges X-Forwarded-For cannot lock out the address it names.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return forwarded.at(-1) ?? headers.get('x-real-ip') ?? 'unknown';
  }
  return headers.get(PEER_HEADER) ?? UNSEEN_ADDRESS;
}
