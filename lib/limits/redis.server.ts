import 'server-only';
/**
 * Limits in Redis (REDIS_URL), shared by every server instance. Each check-and-count is one Lua script, so
 * Redis runs it whole and caps hold exactly whatever instance a request lands on. Time is Redis's own clock
 * (TIME), so instances with drifting clocks still agree on the window.
 */
import Redis from 'ioredis';
import type { Lease, LimitStore, RateRule, SpendScope, SpendState } from './store';

const PREFIX = 'image-playground:';

// KEYS: one sorted set per rule. ARGV: window ms, request id, then each rule's limit.
// Returns {0, 0} when counted, else {rule index (1-based), ms until its oldest request leaves the window}.
const HIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[2 + i]) then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    if oldest[2] then return {i, tonumber(oldest[2]) + window - now} end
    return {i, window}
  end
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[2])
  redis.call('PEXPIRE', key, window)
end
return {0, 0}
`;

// Leases: each scope hash KEY has KEY..':leases' (a sorted set: lease id -> expiry ms) and KEY..':amounts' (a
// hash: lease id -> micro-dollars). A lease past its expiry is released by the next script that touches the
// scope, so an instance that died mid-request stops holding its reservation after one lease period.
const RELEASE_EXPIRED = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function release_expired(key, now)
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', key .. ':leases', '-inf', now)) do
    local amount = tonumber(redis.call('HGET', key .. ':amounts', id) or '0')
    if redis.call('HINCRBY', key, 'reserved', -amount) < 0 then redis.call('HSET', key, 'reserved', 0) end
    redis.call('HDEL', key .. ':amounts', id)
    redis.call('ZREM', key .. ':leases', id)
  end
end
`;

// KEYS: one hash per scope (fields spent, reserved; integer micro-dollars). ARGV: amount, ttl s, lease id,
// lease ms, then each scope's cap (-1: none). Returns {0,0,0} when reserved, else {scope index (1-based), spent, reserved}.
const RESERVE = `${RELEASE_EXPIRED}
local now = now_ms()
local amount = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  release_expired(key, now)
  local cap = tonumber(ARGV[4 + i])
  local spent = tonumber(redis.call('HGET', key, 'spent') or '0')
  local reserved = tonumber(redis.call('HGET', key, 'reserved') or '0')
  if cap >= 0 and spent + reserved + amount > cap then return {i, spent, reserved} end
end
for _, key in ipairs(KEYS) do
  redis.call('HINCRBY', key, 'reserved', amount)
  redis.call('ZADD', key .. ':leases', now + tonumber(ARGV[4]), ARGV[3])
  redis.call('HSET', key .. ':amounts', ARGV[3], amount)
  for _, k in ipairs({key, key .. ':leases', key .. ':amounts'}) do redis.call('EXPIRE', k, tonumber(ARGV[2])) end
end
return {0, 0, 0}
`;

// KEYS: the scopes' hashes. ARGV: lease id, lease ms. Only a lease still held is extended.
const RENEW = `${RELEASE_EXPIRED}
local now = now_ms()
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key .. ':leases', 'XX', now + tonumber(ARGV[2]), ARGV[1])
end
return 0
`;

// KEYS: the scopes' hashes. ARGV: lease id, actual amount spent.
const SETTLE = `${RELEASE_EXPIRED}
for _, key in ipairs(KEYS) do
  local amount = tonumber(redis.call('HGET', key .. ':amounts', ARGV[1]) or '0')
  if redis.call('HINCRBY', key, 'reserved', -amount) < 0 then redis.call('HSET', key, 'reserved', 0) end
  redis.call('HDEL', key .. ':amounts', ARGV[1])
  redis.call('ZREM', key .. ':leases', ARGV[1])
  redis.call('HINCRBY', key, 'spent', tonumber(ARGV[2]))
end
return 0
`;

type Scripted = Redis & {
  limitsHit(...args: (string | number)[]): Promise<[number, number]>;
  limitsReserve(...args: (string | number)[]): Promise<[number, number, number]>;
  limitsSettle(...args: (string | number)[]): Promise<number>;
  limitsRenew(...args: (string | number)[]): Promise<number>;
};

export class RedisLimitStore implements LimitStore {
  private readonly redis: Scripted;
  private wasReady = false;

  constructor(url: string) {
    // Fail fast while Redis is away or frozen, so a request is refused at once instead of hanging: no queue of
    // commands while disconnected, one second per command, no retries (ioredis keeps reconnecting on its own).
    const redis = new Redis(url, { maxRetriesPerRequest: 0, connectTimeout: 1000, commandTimeout: 1000, enableOfflineQueue: false, retryStrategy: (n) => Math.min(200 * n, 2000) });
    redis.on('error', () => {
      // Reported per request by the failing command.
    });
    redis.once('ready', () => {
      this.wasReady = true;
      void warnWithoutPersistence(redis);
    });
    redis.defineCommand('limitsHit', { lua: HIT });
    redis.defineCommand('limitsReserve', { lua: RESERVE });
    redis.defineCommand('limitsSettle', { lua: SETTLE });
    redis.defineCommand('limitsRenew', { lua: RENEW });
    this.redis = redis as Scripted;
  }

  /**
   * Commands are not queued while disconnected (a frozen or absent Redis must refuse at once), so the first ones
   * after start-up wait for the connection to come up, at most a second.
   */
  private async connected(): Promise<void> {
    // Once it has been up, a Redis that is not ready now is down: refuse at once rather than wait.
    if (this.redis.status === 'ready' || this.wasReady) return;
    await new Promise<void>((resolve) => {
      const done = () => (clearTimeout(timer), this.redis.off('ready', done), resolve());
      const timer = setTimeout(done, 1000);
      this.redis.once('ready', done);
    });
  }

  async hit(rules: RateRule[], windowMs: number, id: string) {
    await this.connected();
    const [index, retryAfterMs] = await this.redis.limitsHit(rules.length, ...rules.map((r) => PREFIX + r.key), windowMs, id, ...rules.map((r) => r.limit));
    return index === 0 ? { ok: true as const } : { ok: false as const, index: index - 1, retryAfterMs };
  }

  async reserve(scopes: SpendScope[], micros: number, ttlSeconds: number, lease: Lease) {
    await this.connected();
    const [index, spentMicros, reservedMicros] = await this.redis.limitsReserve(
      scopes.length, ...scopes.map((s) => PREFIX + s.key), micros, ttlSeconds, lease.id, lease.ms, ...scopes.map((s) => s.capMicros ?? -1),
    );
    return index === 0 ? { ok: true as const } : { ok: false as const, index: index - 1, spentMicros, reservedMicros };
  }

  async renew(keys: string[], lease: Lease): Promise<void> {
    await this.connected();
    await this.redis.limitsRenew(keys.length, ...keys.map((k) => PREFIX + k), lease.id, lease.ms);
  }

  async settle(keys: string[], lease: Lease, actualMicros: number): Promise<void> {
    await this.connected();
    await this.redis.limitsSettle(keys.length, ...keys.map((k) => PREFIX + k), lease.id, actualMicros);
  }

  async read(key: string): Promise<SpendState> {
    await this.connected();
    const [spent, reserved] = await this.redis.hmget(PREFIX + key, 'spent', 'reserved');
    return { spentMicros: Number(spent ?? 0), reservedMicros: Number(reserved ?? 0) };
  }
}

/**
 * The day's spend lives in Redis: without an append-only file a Redis crash loses it and every cap starts over
 * at $0. Say so once in the log (the README asks for `--appendonly yes`); a Redis that refuses CONFIG is trusted.
 */
async function warnWithoutPersistence(redis: Redis): Promise<void> {
  try {
    const [, value] = (await redis.config('GET', 'appendonly')) as [string, string];
    if (value === 'no') console.warn('limits: Redis runs without appendonly: a Redis crash would erase today\'s spend and restart every cap at $0. Run it with --appendonly yes (README, "Several instances").');
  } catch {
    // CONFIG may be disabled on a managed Redis.
  }
}
