import { describe, expect, it } from 'vitest';
import { accessConfig } from './config';
import { signingKey, verifySession } from './session';
import { attemptSignIn } from './sign-in';
import { safeNext } from './next-path';
import { pageCsp } from './csp';

describe('signing in', () => {
  it('gives a session for the right code, naming the invitee', () => {
    const config = accessConfig({ PLAYGROUND_INVITES: 'alice:wonderland', SESSION_MAX_AGE_HOURS: '1' });
    const r = attemptSignIn(config, ' wonderland ', 'client-1', 1000);
    expect(r).toMatchObject({ ok: true, userId: 'invite:alice', expiresAt: 1000 + 3_600_000 });
    if (r.ok) expect(verifySession(r.cookie, config, signingKey(config), 2000)).toEqual({ id: 'invite:alice', name: 'alice' });
  });

  it('refuses even the right code while locked, and says when to try again', () => {
    const config = accessConfig({ PLAYGROUND_PASSCODE: 'right', LOGIN_LOCKOUT_MS: '60000' });
    let now = 0;
    for (let i = 0; i < 10; i++) {
      const r = attemptSignIn(config, 'wrong', 'client-2', now);
      expect(r.ok).toBe(false);
      if (!r.ok && /Wait (\d+) second/.test(r.error)) now += 1000 * Number(/Wait (\d+) second/.exec(r.error)![1]);
    }
    const locked = attemptSignIn(config, 'right', 'client-2', now + 1);
    expect(locked).toMatchObject({ ok: false });
    if (!locked.ok) expect(locked.error).toMatch(/locked for this device\. Try again in 1 minutes|Try again in 60 seconds/);
    expect(attemptSignIn(config, 'right', 'client-2', now + 60_000).ok).toBe(true);
    expect(attemptSignIn(config, 'right', 'client-3', now).ok).toBe(true);
  });

  it("a flood of wrong codes from many addresses does not slow anyone else's right code", () => {
    const config = accessConfig({ PLAYGROUND_PASSCODE: 'right-code-for-flood' });
    for (let i = 0; i < 2000; i++) expect(attemptSignIn(config, `guess-${i}`, `10.0.${i >> 8}.${i & 255}`, i).ok).toBe(false);
    expect(attemptSignIn(config, 'right-code-for-flood', '192.168.1.20', 2000).ok).toBe(true);
  });

  it('names the field when the passcode is missing or absurdly long', () => {
    const config = accessConfig({ PLAYGROUND_PASSCODE: 'p' });
    expect(attemptSignIn(config, null, 'c', 0)).toEqual({ ok: false, error: 'Passcode: enter the passcode you were given (1 to 1000 characters).' });
    expect(attemptSignIn(config, 'x'.repeat(1001), 'c', 0).ok).toBe(false);
  });

  it('goes back only to a path on this site', () => {
    expect(safeNext('/chat?x=1')).toBe('/chat?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', '/login', '/login?next=/', null]) expect(safeNext(bad)).toBe('/');
  });

  it('allows scripts only with the nonce and forbids framing', () => {
    const csp = pageCsp('abc');
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(pageCsp('abc', { dev: true })).toContain("'unsafe-eval'");
  });
});
