/**
 * Limits when things break (issue #12 findings 6 and 7), against production builds: a frozen or absent Redis
 * refuses at once instead of hanging; a Redis run as the README asks (append-only file) keeps the day's spend
 * through a crash; a reservation of an instance killed mid-generation lapses after its lease; in-memory limits
 * rebuild the day's spend from the audit log after a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, type TestServer } from '../helpers/server';
import { CHEAP, CHEAP_USD, generate, startRedis, type RedisServer } from './limits-helpers';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let cleanup: (() => Promise<unknown> | void)[] = [];
test.afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function server(env: Record<string, string>): Promise<TestServer> {
  const s = await startServer({ OFFLINE_SERVE_RETIRED: '1', AUDIT_LOG: 'off', ...env });
  cleanup.push(() => s.stop());
  return s;
}

async function redis(opts: Parameters<typeof startRedis>[0] = {}): Promise<RedisServer> {
  const r = await startRedis(opts);
  cleanup.push(() => r.stop());
  return r;
}

const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const started = Date.now();
  const v = await f();
  return [v, Date.now() - started];
};

test('a frozen Redis makes requests refused within about a second, not held for the freeze; they run again when it thaws', async () => {
  const r = await redis();
  const app = await server({ REDIS_URL: r.url, RATE_LIMIT_USER_PER_MIN: '100' });
  expect((await generate(app.url, { fields: CHEAP })).ok).toBe(true);
  process.kill(r.pid, 'SIGSTOP');
  try {
    const [refused, ms] = await timed(() => generate(app.url, { fields: CHEAP }));
    console.log(`frozen Redis: refused in ${ms} ms`);
    expect(refused).toMatchObject({ ok: false, code: 'limits_unavailable' });
    expect(ms).toBeLessThan(3000);
  } finally {
    process.kill(r.pid, 'SIGCONT');
  }
  await expect.poll(async () => (await generate(app.url, { fields: CHEAP })).ok, { timeout: 10_000 }).toBe(true);
});

test('with Redis gone, every request is refused at once (was about 10 s each)', async () => {
  const r = await redis();
  const app = await server({ REDIS_URL: r.url, RATE_LIMIT_USER_PER_MIN: '100' });
  expect((await generate(app.url, { fields: CHEAP })).ok).toBe(true);
  await r.stop();
  for (let i = 0; i < 3; i++) {
    const [refused, ms] = await timed(() => generate(app.url, { fields: CHEAP }));
    console.log(`Redis down: refused in ${ms} ms`);
    expect(refused).toMatchObject({ ok: false, code: 'limits_unavailable' });
    expect(ms).toBeLessThan(800);
  }
});

test("run as the README asks (append-only file), Redis keeps the day's spend through a crash; without it the server warns", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'redis-aof-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  let r = await redis({ aof: dir });
  const env = { SPEND_CAP_TOTAL_USD: String(CHEAP_USD * 1.5) };
  let app = await server({ ...env, REDIS_URL: r.url });
  expect((await generate(app.url, { fields: CHEAP })).ok).toBe(true);
  process.kill(r.pid, 'SIGKILL');
  r = await redis({ aof: dir, port: r.port });
  // The same instance after its Redis came back, and a new one: the spend is still there.
  await expect.poll(async () => (await generate(app.url, { fields: CHEAP })).code, { timeout: 10_000 }).toBe('spend_cap_reached');
  app = await server({ ...env, REDIS_URL: r.url });
  expect(await generate(app.url, { fields: CHEAP })).toMatchObject({ ok: false, code: 'spend_cap_reached' });

  const bare = await redis();
  const warned = await server({ ...env, REDIS_URL: bare.url });
  await generate(warned.url, { fields: CHEAP });
  await expect.poll(() => warned.output()).toMatch(/Redis runs without appendonly/);
  expect(app.output()).not.toMatch(/without appendonly/);
});

test('the reservation of an instance killed mid-generation lapses after its lease, instead of holding the cap all day', async () => {
  const r = await redis();
  const env = { REDIS_URL: r.url, SPEND_CAP_TOTAL_USD: String(CHEAP_USD * 1.5), SPEND_LEASE_MS: '3000' };
  const [a, b] = await Promise.all([server(env), server(env)]);
  // A long generation on A holds a reservation of about the whole cap.
  const long = fetchLong(a.url);
  await new Promise((res) => setTimeout(res, 1500));
  expect(await generate(b.url, { fields: CHEAP })).toMatchObject({ ok: false, code: 'spend_cap_reached' });
  process.kill(a.pid(), 'SIGKILL');
  await long.catch(() => {});
  const started = Date.now();
  await expect.poll(async () => (await generate(b.url, { fields: CHEAP })).ok, { timeout: 15_000, intervals: [500] }).toBe(true);
  console.log(`a killed instance's reservation lapsed ${Date.now() - started} ms after the kill (lease 3000 ms)`);
});

/** A generation that takes 20 s on the offline API (simulated latency). */
async function fetchLong(url: string) {
  const { callAction } = await import('../helpers/actions');
  return callAction(url, 'generate', [{ provider: 'offline', fields: CHEAP, simulate: { latencyMs: 20_000 } }]);
}

test("in-memory limits rebuild the day's spend from the audit log, so a restart does not reset the daily cap", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const env = { SPEND_CAP_TOTAL_USD: String(CHEAP_USD * 1.5), AUDIT_LOG: join(dir, 'audit.jsonl') };
  const first = await server(env);
  expect((await generate(first.url, { fields: CHEAP })).ok).toBe(true);
  await first.stop();
  const again = await server(env);
  const refused = await generate(again.url, { fields: CHEAP });
  expect(refused).toMatchObject({ ok: false, code: 'spend_cap_reached' });
});
