/**
 * Limits from the environment. Every one is optional; a bad value is refused with the variable named.
 *   RATE_LIMIT_USER_PER_MIN, RATE_LIMIT_GLOBAL_PER_MIN  requests in any 60 s (sliding window)
 *   SPEND_CAP_USER_USD, SPEND_CAP_TOTAL_USD              dollars per UTC day, estimated before, actual after
 */
export interface LimitsConfig {
  userPerMin?: number;
  globalPerMin?: number;
  userCapUsd?: number;
  totalCapUsd?: number;
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string, integer: boolean): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const v = Number(text);
  if (!Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
    throw new Error(`${name}: '${text}' is not ${integer ? 'a whole number of requests' : 'an amount in dollars'} (0 or more).`);
  }
  return v;
}

export function limitsFromEnv(env: Env = process.env): LimitsConfig {
  return {
    userPerMin: read(env, 'RATE_LIMIT_USER_PER_MIN', true),
    globalPerMin: read(env, 'RATE_LIMIT_GLOBAL_PER_MIN', true),
    userCapUsd: read(env, 'SPEND_CAP_USER_USD', false),
    totalCapUsd: read(env, 'SPEND_CAP_TOTAL_USD', false),
  };
}

/** Integer micro-dollars: sums and comparisons stay exact in JS and in Redis (HINCRBY). */
export const toMicros = (usd: number): number => Math.round(usd * 1e6);
/** Reservations round up, so a reserved estimate never falls short of the dollars it stands for. */
export const toMicrosUp = (usd: number): number => Math.ceil(usd * 1e6 - 1e-6);
export const fromMicros = (micros: number): number => micros / 1e6;

/** The UTC day a spend belongs to: `2026-11-02`. */
export const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** Seconds until the next UTC midnight, when the daily caps start over. */
export function secondsToUtcMidnight(at: number): number {
  const d = new Date(at);
  return Math.ceil((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - at) / 1000);
}
