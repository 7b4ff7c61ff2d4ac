/**
 * One sign-in attempt: lockout first (even the right code is refused while locked), then the code in constant
 * time, then a signed session. Pure but for the in-process lockout state; the server action only moves data.
 */
import { matchCode } from './codes';
import type { AccessConfig } from './config';
import { Lockout, lockoutMessage, type Verdict } from './lockout';
import { signingKey, signSession } from './session';

export const MAX_PASSCODE_LENGTH = 1000;

export type SignInResult =
  | { ok: true; userId: string; cookie: string; expiresAt: number }
  | { ok: false; error: string };

// One lockout table per process (kept across hot reloads in dev).
const g = globalThis as unknown as { __signInLockout?: { perClient: Lockout; key: string } };

/**
 * Backoff and lockout per client address only. There is no shared bucket: one slowed every sign-in once others
 * failed enough, so a flood of wrong codes from many addresses kept the team out (0 of 54 right codes got in).
 * Forged addresses all share one bucket (clientAddress), so forging buys no fresh attempts.
 */
export function lockouts(config: AccessConfig): { perClient: Lockout } {
  const key = JSON.stringify(config.lockout);
  if (g.__signInLockout?.key !== key) g.__signInLockout = { perClient: new Lockout(config.lockout), key };
  return g.__signInLockout;
}

function refused(v: Verdict, now: number): string | null {
  return v.allowed ? null : lockoutMessage(v, now);
}

export function attemptSignIn(config: AccessConfig, passcode: unknown, client: string, now = Date.now()): SignInResult {
  if (config.error) return { ok: false, error: `Sign-in is not available: ${config.error}` };
  const { perClient } = lockouts(config);
  const blocked = refused(perClient.check(client, now), now);
  if (blocked) return { ok: false, error: blocked };
  if (typeof passcode !== 'string' || !passcode.trim() || passcode.length > MAX_PASSCODE_LENGTH) {
    return { ok: false, error: `Passcode: enter the passcode you were given (1 to ${MAX_PASSCODE_LENGTH} characters).` };
  }
  const key = signingKey(config);
  const match = matchCode(config.codes, passcode.trim(), key);
  if (!match) {
    const v = perClient.fail(client, now);
    const wait = refused(v, now);
    return { ok: false, error: wait ? `Wrong passcode. ${wait}` : 'Wrong passcode. Check it with whoever invited you and try again.' };
  }
  perClient.succeed(client);
  const expiresAt = now + config.sessionMaxAgeMs;
  return { ok: true, userId: match.userId, cookie: signSession({ id: match.userId, name: match.name }, key, expiresAt), expiresAt };
}
