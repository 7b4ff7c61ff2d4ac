import { describe, expect, it } from 'vitest';
import { spendFromAudit } from './rebuild.server';

const now = Date.UTC(2026, 11, 3, 15, 0);
const line = (o: object) => JSON.stringify({ time: '2026-12-03T10:00:00.000Z', user: { id: 'invite:alice', name: 'alice' }, key: 'server', actualUsd: 0.042, status: 'ok', ...o });

describe("today's spend rebuilt from the audit log", () => {
  it("adds up today's settled requests paid with the server's key, per person and for the team", () => {
    const text = [
      line({}),
      line({ actualUsd: 0.011 }),
      line({ user: { id: 'team', name: 'team' }, actualUsd: 0.1 }),
      line({ time: '2026-12-02T23:59:59.000Z' }), // yesterday
      line({ key: 'user' }), // the person's own key: not charged to the caps
      line({ actualUsd: null, status: 'refused' }),
      'not json',
      '',
    ].join('\n');
    const spent = spendFromAudit(text, now);
    expect(spent.get('spend:2026-12-03:user:invite:alice')).toBe(53_000);
    expect(spent.get('spend:2026-12-03:user:team')).toBe(100_000);
    expect(spent.get('spend:2026-12-03:total')).toBe(153_000);
    expect(spent.size).toBe(3);
  });
});
