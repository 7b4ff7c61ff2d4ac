import { describe, expect, it } from 'vitest';
import { admit } from './admit';
import { limitsFromEnv } from './config';
import { MemoryLimitStore } from './memory';

const alice = { id: 'invite:alice', name: 'alice' };
const bob = { id: 'invite:bob', name: 'bob' };

function clock(start = Date.UTC(2026, 10, 2, 12, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('rate limits', () => {
  it('admits exactly the limit in a minute, then says when to come back', async () => {
    const c = clock();
    const store = new MemoryLimitStore(c.now);
    const results = await Promise.all(Array.from({ length: 50 }, () => admit(store, { userPerMin: 7 }, { user: alice, estimateUsd: 0.01, charged: true, now: c.now() })));
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    const refused = results.find((r) => !r.ok)!;
    expect(refused.ok || refused.error).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 60 });
    expect(refused.ok || refused.error.message).toMatch(/allows 7 a minute per user \(alice\)\. Try again in 60 s/);
  });

  it('is a sliding window: a slot frees a minute after its request', async () => {
    const c = clock();
    const store = new MemoryLimitStore(c.now);
    const go = () => admit(store, { userPerMin: 2 }, { user: alice, estimateUsd: 0, charged: true });
    expect((await go()).ok).toBe(true);
    c.advance(30_000);
    expect((await go()).ok).toBe(true);
    const third = await go();
    expect(third.ok || third.error.retryAfter).toBe(30);
    c.advance(30_001);
    expect((await go()).ok).toBe(true);
  });

  it('counts users apart and everyone together', async () => {
    const store = new MemoryLimitStore(clock().now);
    const config = { userPerMin: 2, globalPerMin: 3 };
    const run = (user: typeof alice) => admit(store, config, { user, estimateUsd: 0, charged: true });
    expect([(await run(alice)).ok, (await run(alice)).ok, (await run(alice)).ok]).toEqual([true, true, false]);
    expect((await run(bob)).ok).toBe(true);
    const r = await run(bob);
    expect(r.ok || r.error.message).toMatch(/allows 3 a minute for everyone together/);
  });

  it("does not use a user's slot when the global limit refuses", async () => {
    const c = clock();
    const store = new MemoryLimitStore(c.now);
    const config = { userPerMin: 1, globalPerMin: 1 };
    await admit(store, config, { user: bob, estimateUsd: 0, charged: true });
    expect((await admit(store, config, { user: alice, estimateUsd: 0, charged: true })).ok).toBe(false);
    c.advance(60_001);
    expect((await admit(store, config, { user: alice, estimateUsd: 0, charged: true })).ok).toBe(true);
  });

  it('applies to requests with their own key too', async () => {
    const store = new MemoryLimitStore(clock().now);
    await admit(store, { userPerMin: 1 }, { user: alice, estimateUsd: 1, charged: false });
    expect((await admit(store, { userPerMin: 1 }, { user: alice, estimateUsd: 1, charged: false })).ok).toBe(false);
  });
});

describe('spend caps', () => {
  it('admits exactly floor(cap / estimate) concurrent requests', async () => {
    const store = new MemoryLimitStore(clock().now);
    const results = await Promise.all(Array.from({ length: 50 }, () => admit(store, { totalCapUsd: 1 }, { user: alice, estimateUsd: 0.068, charged: true })));
    expect(results.filter((r) => r.ok)).toHaveLength(14);
  });

  it('says what is left of the day and what the request needs', async () => {
    const c = clock(Date.UTC(2026, 10, 2, 21, 30, 0));
    const store = new MemoryLimitStore(c.now);
    const config = { userCapUsd: 5 };
    const first = await admit(store, config, { user: alice, estimateUsd: 4.58, charged: true, now: c.now() });
    if (!first.ok) throw new Error('first refused');
    const r = await admit(store, config, { user: alice, estimateUsd: 0.68, charged: true, now: c.now() });
    expect(r.ok || r.error).toMatchObject({ status: 429, code: 'spend_cap_reached' });
    expect(r.ok || r.error.message).toBe("Your daily spend cap is reached: $0.42 of today's $5.00 left; this request is estimated at up to $0.68. The cap starts over at 00:00 UTC (in 2 h 30 min).");
  });

  it('settles at the actual cost, freeing what the estimate over-reserved', async () => {
    const c = clock();
    const store = new MemoryLimitStore(c.now);
    const config = { totalCapUsd: 1 };
    const a = await admit(store, config, { user: alice, estimateUsd: 0.6, charged: true, now: c.now() });
    expect((await admit(store, config, { user: bob, estimateUsd: 0.6, charged: true, now: c.now() })).ok).toBe(false);
    if (!a.ok) throw new Error('refused');
    await a.ticket.settle(0.25);
    await a.ticket.settle(0.25); // once only
    expect(await store.read(`spend:2026-11-02:total`)).toEqual({ spentMicros: 250_000, reservedMicros: 0 });
    expect((await admit(store, config, { user: bob, estimateUsd: 0.6, charged: true, now: c.now() })).ok).toBe(true);
  });

  it('keeps per-user caps apart under a shared total', async () => {
    const store = new MemoryLimitStore(clock().now);
    const config = { userCapUsd: 0.5, totalCapUsd: 0.8 };
    const go = (user: typeof alice) => admit(store, config, { user, estimateUsd: 0.3, charged: true });
    expect([(await go(alice)).ok, (await go(alice)).ok, (await go(bob)).ok, (await go(bob)).ok]).toEqual([true, false, true, false]);
    const r = await go(bob);
    expect(r.ok || r.error.message).toMatch(/^Your daily spend cap/);
    const carol = await go({ id: 'invite:carol', name: 'carol' });
    expect(carol.ok || carol.error.message).toMatch(/^The team's daily spend cap is reached: \$0.20 of today's \$0.80 left/);
  });

  it('starts over on a new UTC day', async () => {
    const c = clock(Date.UTC(2026, 10, 2, 23, 59, 0));
    const store = new MemoryLimitStore(c.now);
    const go = () => admit(store, { totalCapUsd: 1 }, { user: alice, estimateUsd: 0.9, charged: true, now: c.now() });
    expect((await go()).ok).toBe(true);
    expect((await go()).ok).toBe(false);
    c.advance(120_000);
    expect((await go()).ok).toBe(true);
  });

  it("does not charge a user's own key", async () => {
    const c = clock();
    const store = new MemoryLimitStore(c.now);
    const r = await admit(store, { totalCapUsd: 0.01 }, { user: alice, estimateUsd: 5, charged: false, now: c.now() });
    expect(r.ok).toBe(true);
    expect(await store.read('spend:2026-11-02:total')).toEqual({ spentMicros: 0, reservedMicros: 0 });
  });

  it('refuses a request it cannot price while a cap applies', async () => {
    const store = new MemoryLimitStore(clock().now);
    const r = await admit(store, { totalCapUsd: 1 }, { user: alice, estimateUsd: null, charged: true });
    expect(r.ok || r.error.code).toBe('cost_unknown');
    expect((await admit(store, {}, { user: alice, estimateUsd: null, charged: true })).ok).toBe(true);
  });
});

describe('limitsFromEnv', () => {
  it('reads the four variables and names a bad one', () => {
    expect(limitsFromEnv({ RATE_LIMIT_USER_PER_MIN: '7', SPEND_CAP_TOTAL_USD: '5.5' })).toEqual({ userPerMin: 7, globalPerMin: undefined, userCapUsd: undefined, totalCapUsd: 5.5 });
    expect(() => limitsFromEnv({ RATE_LIMIT_GLOBAL_PER_MIN: '2.5' })).toThrow("RATE_LIMIT_GLOBAL_PER_MIN: '2.5' is not a whole number");
    expect(() => limitsFromEnv({ SPEND_CAP_USER_USD: '$5' })).toThrow("SPEND_CAP_USER_USD: '$5' is not an amount in dollars");
  });
});
