import { describe, expect, it } from 'vitest';
import { accessConfig, parseInvites } from './config';

describe('access configuration', () => {
  it('leaves the playground open when no code is set', () => {
    expect(accessConfig({}).enabled).toBe(false);
  });

  it('makes the shared passcode the user "team" and each invite "invite:<name>"', () => {
    const c = accessConfig({ PLAYGROUND_PASSCODE: 'open sesame', PLAYGROUND_INVITES: 'alice:a-code, bob:b:code' });
    expect(c.enabled).toBe(true);
    expect(c.codes.map((x) => [x.userId, x.code])).toEqual([['team', 'open sesame'], ['invite:alice', 'a-code'], ['invite:bob', 'b:code']]);
  });

  it('closes the door on a malformed invite list and names the entry without echoing a code', () => {
    const c = accessConfig({ PLAYGROUND_INVITES: 'alice:ok,secretcode' });
    expect(c.enabled).toBe(true);
    expect(c.error).toMatch(/PLAYGROUND_INVITES: entry '\(no name\)' is not name:code/);
    expect(c.error).not.toContain('secretcode');
    expect(parseInvites('a:1,a:2').error).toMatch(/'a' appears twice/);
  });

  it('reads the session lifetime and lockout duration, with defaults of 12 hours and 15 minutes', () => {
    expect(accessConfig({}).sessionMaxAgeMs).toBe(12 * 3_600_000);
    expect(accessConfig({}).lockout.lockMs).toBe(15 * 60_000);
    const c = accessConfig({ PLAYGROUND_PASSCODE: 'x', SESSION_MAX_AGE_HOURS: '0.5', LOGIN_LOCKOUT_MS: '2000', TRUST_PROXY: '1' });
    expect(c.sessionMaxAgeMs).toBe(1_800_000);
    expect(c.lockout.lockMs).toBe(2000);
    expect(c.trustProxy).toBe(true);
    expect(accessConfig({ SESSION_MAX_AGE_HOURS: 'soon' }).error).toBe("SESSION_MAX_AGE_HOURS: 'soon' is not a positive number.");
  });
});
