/**
 * Two server instances share limits and spend through a real redis-server that this test starts and stops:
 * 50 concurrent requests split across both, and the caps hold exactly (Lua scripts make each check atomic).
 */
import { expect, test } from '@playwright/test';
import { startServer, type TestServer } from '../helpers/server';
import { CHEAP, CHEAP_USD, count, generate, startRedis, type RedisServer } from './limits-helpers';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let redis: RedisServer | undefined;
let servers: TestServer[] = [];

test.beforeEach(async () => {
  redis = await startRedis();
});

test.afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
  await redis?.stop();
  redis = undefined;
});

async function twoServers(env: Record<string, string>): Promise<TestServer[]> {
  servers = await Promise.all([startServer({ OFFLINE_SERVE_RETIRED: '1', ...env, REDIS_URL: redis!.url, AUDIT_LOG: 'off' }), startServer({ OFFLINE_SERVE_RETIRED: '1', ...env, REDIS_URL: redis!.url, AUDIT_LOG: 'off' })]);
  return servers;
}

/** 50 requests at once, alternating between the two instances. */
function fifty(pair: TestServer[], fields: Record<string, unknown> = CHEAP) {
  return Promise.all(Array.from({ length: 50 }, (_, i) => generate(pair[i % 2].url, { fields })));
}

test('a global rate limit of 7 admits exactly 7 of 50 requests across two instances', async () => {
  const pair = await twoServers({ RATE_LIMIT_GLOBAL_PER_MIN: '7' });
  const outcomes = await fifty(pair);
  expect(count(outcomes)).toEqual({ ok: 7, rate_limited: 43 });
  expect(outcomes.find((o) => !o.ok)!.message).toMatch(/allows 7 a minute for everyone together/);
  // Both instances refused some: the count really is shared, not per process.
  expect(outcomes.filter((o, i) => i % 2 === 0 && !o.ok).length).toBeGreaterThan(0);
  expect(outcomes.filter((o, i) => i % 2 === 1 && !o.ok).length).toBeGreaterThan(0);
});

test('a daily spend cap of 10.5 × the estimate admits exactly 10 of 50 requests across two instances', async () => {
  // The published price of CHEAP, not lib/cost's estimate: a wrong estimate or settlement admits another count.
  const each = CHEAP_USD;
  const pair = await twoServers({ SPEND_CAP_USER_USD: String(Math.round(each * 10.5 * 1e6) / 1e6) });
  const outcomes = await fifty(pair);
  expect(count(outcomes)).toEqual({ ok: 10, spend_cap_reached: 40 });
  expect(outcomes.find((o) => !o.ok)!.message).toMatch(/^Your daily spend cap is reached/);
  // Spend recorded by one instance is seen by the other.
  expect((await generate(pair[0].url, { fields: CHEAP })).code).toBe('spend_cap_reached');
  expect((await generate(pair[1].url, { fields: CHEAP })).code).toBe('spend_cap_reached');
});

test('requests are refused, not let through, while Redis is down', async () => {
  const pair = await twoServers({ RATE_LIMIT_USER_PER_MIN: '100' });
  expect((await generate(pair[0].url, { fields: CHEAP })).ok).toBe(true);
  await redis!.stop();
  const o = await generate(pair[0].url, { fields: CHEAP });
  expect(o.code).toBe('limits_unavailable');
});
