import { describe, expect, it } from 'vitest';
import { accessConfig } from './config';
import { matchCode, sameSecret } from './codes';
import { cookieValue, signingKey, signSession, verifySession } from './session';

const env = { PLAYGROUND_PASSCODE: 'team-pass', PLAYGROUND_INVITES: 'alice:alice-code' };
const config = accessConfig(env);
const key = signingKey(config);
const alice = { id: 'invite:alice', name: 'alice' };

describe('passcodes', () => {
  it('finds which code was given and nothing for a near miss, a prefix or an empty string', () => {
    expect(matchCode(config.codes, 'alice-code', key)?.userId).toBe('invite:alice');
    expect(matchCode(config.codes, 'team-pass', key)?.userId).toBe('team');
    for (const wrong of ['alice-cod', 'alice-code ', 'team-pas', '', 'TEAM-PASS']) expect(matchCode(config.codes, wrong, key)).toBeNull();
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(sameSecret('a', 'a much longer secret', key)).toBe(false);
    expect(sameSecret('same', 'same', key)).toBe(true);
  });
});

describe('session cookie', () => {
  it('round-trips a user until it expires', () => {
    const cookie = signSession(alice, key, 10_000);
    expect(verifySession(cookie, config, key, 9_999)).toEqual(alice);
    expect(verifySession(cookie, config, key, 10_000)).toBeNull();
  });

  it('refuses a validly signed cookie that claims to live longer than the server gives sessions', () => {
    const now = 1_000_000;
    expect(verifySession(signSession(alice, key, now + config.sessionMaxAgeMs), config, key, now)).toEqual(alice);
    expect(verifySession(signSession(alice, key, now + 10 * config.sessionMaxAgeMs), config, key, now)).toBeNull();
  });

  it('refuses a cookie whose payload was changed (another user, a later expiry)', () => {
    const cookie = signSession(alice, key, 10_000);
    const [v, , sig] = cookie.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'team', name: 'team', exp: 10_000 })).toString('base64url');
    expect(verifySession(`${v}.${forged}.${sig}`, config, key, 0)).toBeNull();
    expect(verifySession(cookie.slice(0, -2), config, key, 0)).toBeNull();
    expect(verifySession('v1..', config, key, 0)).toBeNull();
    expect(verifySession('garbage', config, key, 0)).toBeNull();
  });

  it('signs everyone out when a code changes, and an invite that was removed no longer opens', () => {
    const cookie = signSession(alice, key, 10_000);
    const changed = accessConfig({ ...env, PLAYGROUND_PASSCODE: 'new-pass' });
    expect(verifySession(cookie, changed, signingKey(changed), 0)).toBeNull();
    // With a fixed SESSION_SECRET too: the key still depends on the codes.
    const a = accessConfig({ ...env, SESSION_SECRET: 's' });
    const b = accessConfig({ PLAYGROUND_PASSCODE: 'team-pass', SESSION_SECRET: 's' });
    expect(verifySession(signSession(alice, signingKey(a), 10_000), b, signingKey(b), 0)).toBeNull();
  });

  it('agrees across instances with the same environment and depends on SESSION_SECRET', () => {
    expect(signingKey(accessConfig(env)).equals(key)).toBe(true);
    expect(signingKey(accessConfig({ ...env, SESSION_SECRET: 'x' })).equals(key)).toBe(false);
  });

  it('reads its value from a Cookie header', () => {
    expect(cookieValue('a=1; playground_session=v1.x.y; b=2')).toBe('v1.x.y');
    expect(cookieValue(null)).toBeUndefined();
    expect(cookieValue('xplayground_session=1')).toBeUndefined();
  });
});
