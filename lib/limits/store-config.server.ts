import 'server-only';
/** This process's limit store and configuration: Redis when REDIS_URL is set, else memory (one instance only). */
import { limitsFromEnv, type LimitsConfig } from './config';
import { MemoryLimitStore } from './memory';
import { RedisLimitStore } from './redis.server';
import type { LimitStore } from './store';
import { spendFromAuditLog } from './rebuild.server';

const g = globalThis as unknown as { __limitStore?: { url: string; store: LimitStore } };

export function limitStore(env: Record<string, string | undefined> = process.env): LimitStore {
  const url = env.REDIS_URL?.trim() ?? '';
  if (g.__limitStore?.url !== url) g.__limitStore = { url, store: url ? new RedisLimitStore(url) : memoryStore(env) };
  return g.__limitStore.store;
}

/** In memory: today's spend comes back from the audit log, so a restart does not reset the daily caps. */
function memoryStore(env: Record<string, string | undefined>): MemoryLimitStore {
  const store = new MemoryLimitStore();
  for (const [key, micros] of spendFromAuditLog(env)) store.addSpent(key, micros, 2 * 86_400);
  return store;
}

export function limitsConfig(): { config: LimitsConfig } | { error: string } {
  try {
    return { config: limitsFromEnv(process.env) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** True when no limit is configured: admission then needs no store round trip. */
export function noLimits(c: LimitsConfig): boolean {
  return c.userPerMin === undefined && c.globalPerMin === undefined && c.userCapUsd === undefined && c.totalCapUsd === undefined;
}
