import 'server-only';
/**
 * Limits in Redis (REDIS_URL), shared by every server instance. Each check-and-count is one Lua script, so
 * Redis runs it whole and caps hold exactly whatever instance a request lands on. Time is Redis's own clock
 * (TIME), so instances with drifting clocks still agree on the window.
 */
import Redis from 'ioredis';
import type { LimitStore, RateRule, SpendScope, SpendState } from './store';

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

// KEYS: one hash per scope (fields spent, reserved; integer micro-dollars). ARGV: amount, ttl s, then each
// scope's cap (-1: none). Returns {0,0,0} when reserved, else {scope index (1-based), spent, reserved}.
const RESERVE = `
local amount = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local cap = tonumber(ARGV[2 + i])
  local spent = tonumber(redis.call('HGET', key, 'spent') or '0')
  local reserved = tonumber(redis.call('HGET', key, 'reserved') or '0')
  if cap >= 0 and spent + reserved + amount > cap then return {i, spent, reserved} end
end
for _, key in ipairs(KEYS) do
  redis.call('HINCRBY', key, 'reserved', amount)
  redis.call('EXPIRE', key, tonumber(ARGV[2]))
end
return {0, 0, 0}
`;

// KEYS: the scopes' hashes. ARGV: reserved amount to release, actual amount spent.
const SETTLE = `
for _, key in ipairs(KEYS) do
  local left = redis.call('HINCRBY', key, 'reserved', -tonumber(ARGV[1]))
  if left < 0 then redis.call('HSET', key, 'reserved', 0) end
  redis.call('HINCRBY', key, 'spent', tonumber(ARGV[2]))
end
return 0
`;

type Scripted = Redis & {
  limitsHit(...args: (string | number)[]): Promise<[number, number]>;
  limitsReserve(...args: (string | number)[]): Promise<[number, number, number]>;
  limitsSettle(...args: (string | number)[]): Promise<number>;
};

export class RedisLimitStore implements LimitStore {
  private readonly redis: Scripted;

  constructor(url: string) {
    // Fail fast while Redis is away, so a request is refused instead of hanging on a queued command.
    const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: true, lazyConnect: false });
    redis.on('error', () => {
      // Reported per request by the failing command; ioredis keeps reconnecting on its own.
    });
    redis.defineCommand('limitsHit', { lua: HIT });
    redis.defineCommand('limitsReserve', { lua: RESERVE });
    redis.defineCommand('limitsSettle', { lua: SETTLE });
    this.redis = redis as Scripted;
  }

  async hit(rules: RateRule[], windowMs: number, id: string) {
    const [index, retryAfterMs] = await this.redis.limitsHit(rules.length, ...rules.map((r) => PREFIX + r.key), windowMs, id, ...rules.map((r) => r.limit));
    return index === 0 ? { ok: true as const } : { ok: false as const, index: index - 1, retryAfterMs };
  }

  async reserve(scopes: SpendScope[], micros: number, ttlSeconds: number) {
    const [index, spentMicros, reservedMicros] = await this.redis.limitsReserve(
      scopes.length, ...scopes.map((s) => PREFIX + s.key), micros, ttlSeconds, ...scopes.map((s) => s.capMicros ?? -1),
    );
    return index === 0 ? { ok: true as const } : { ok: false as const, index: index - 1, spentMicros, reservedMicros };
  }

  async settle(keys: string[], reservedMicros: number, actualMicros: number): Promise<void> {
    await this.redis.limitsSettle(keys.length, ...keys.map((k) => PREFIX + k), reservedMicros, actualMicros);
  }

  async read(key: string): Promise<SpendState> {
    const [spent, reserved] = await this.redis.hmget(PREFIX + key, 'spent', 'reserved');
    return { spentMicros: Number(spent ?? 0), reservedMicros: Number(reserved ?? 0) };
  }
}
