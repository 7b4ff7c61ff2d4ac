import { describe, expect, it } from 'vitest';
import { clientAddress, Lockout, lockoutMessage, PEER_HEADER, UNSEEN_ADDRESS } from './lockout';

const rules = { delayAfter: 5, lockAfter: 10, lockMs: 15 * 60_000, baseDelayMs: 1000 };

describe('sign-in lockout', () => {
  it('lets four failures through, then makes each attempt wait longer (1 s, 2 s, 4 s …)', () => {
    const l = new Lockout(rules);
    for (let i = 0; i < 4; i++) expect(l.fail('ip', 0)).toEqual({ allowed: true });
    expect(l.fail('ip', 0)).toEqual({ allowed: false, retryAt: 1000, locked: false });
    expect(l.check('ip', 999).allowed).toBe(false);
    expect(l.check('ip', 1000).allowed).toBe(true);
    expect(l.fail('ip', 1000)).toMatchObject({ retryAt: 3000 });
    expect(l.fail('ip', 3000)).toMatchObject({ retryAt: 7000 });
  });

  it('locks out for the configured time after ten failures, then starts over', () => {
    const l = new Lockout(rules);
    let t = 0;
    for (let i = 0; i < 9; i++) {
      const v = l.fail('ip', t);
      if (!v.allowed) t = v.retryAt;
    }
    expect(l.fail('ip', t)).toEqual({ allowed: false, retryAt: t + rules.lockMs, locked: true });
    expect(l.check('ip', t + rules.lockMs - 1)).toMatchObject({ allowed: false, locked: true });
    expect(l.check('ip', t + rules.lockMs)).toEqual({ allowed: true });
    expect(l.fail('ip', t + rules.lockMs)).toEqual({ allowed: true });
  });

  it('keeps clients apart and forgets a client that signs in', () => {
    const l = new Lockout(rules);
    for (let i = 0; i < 5; i++) l.fail('a', 0);
    expect(l.check('a', 0).allowed).toBe(false);
    expect(l.check('b', 0).allowed).toBe(true);
    l.succeed('a');
    expect(l.check('a', 0).allowed).toBe(true);
  });

  it('says when to try again', () => {
    expect(lockoutMessage({ allowed: false, retryAt: Date.UTC(2030, 0, 1, 12, 15), locked: true }, Date.UTC(2030, 0, 1, 12, 0))).toBe(
      'Too many wrong passcodes: sign-in is locked for this device. Try again in 15 minutes (at 12:15:00 UTC).',
    );
    expect(lockoutMessage({ allowed: false, retryAt: 4000, locked: false }, 0)).toMatch(/^Too many wrong passcodes\. Wait 4 seconds/);
  });

  it('trusts X-Forwarded-For only from a configured proxy, and then the entry it appended', () => {
    const h = new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' });
    expect(clientAddress(h, true)).toBe('10.0.0.7');
  });

  it("without a trusted proxy, takes the socket's address and never a header the client wrote", () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '127.0.0.1', [PEER_HEADER]: '10.1.2.3' }), false)).toBe('10.1.2.3');
    // No stamped address (the hook did not run): one shared bucket, whatever X-Forwarded-For claims.
    expect(clientAddress(new Headers({ 'x-forwarded-for': '127.0.0.1' }), false)).toBe(UNSEEN_ADDRESS);
  });
});
