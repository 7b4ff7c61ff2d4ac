/**
 * Where request counts and spend live: in this process (memory.ts) or in Redis (redis.ts) so several server
 * instances share them. Both make each call atomic, so caps hold exactly under concurrency.
 */

/** At most `limit` requests in any `windowMs` under `key`. */
export interface RateRule {
  key: string;
  limit: number;
}

export type RateResult = { ok: true } | { ok: false; index: number; retryAfterMs: number };

/** A day's spend under `key`; `capMicros` null records without a cap. */
export interface SpendScope {
  key: string;
  capMicros: number | null;
}

export interface SpendState {
  spentMicros: number;
  reservedMicros: number;
}

export interface Lease {
  id: string;
  ms: number;
}

export type ReserveResult = { ok: true } | ({ ok: false; index: number } & SpendState);

export interface LimitStore {
  /** Count one request under every rule, or none if any rule is full (then which, and when it frees). */
  hit(rules: RateRule[], windowMs: number, id: string): Promise<RateResult>;
  /**
   * Reserve `micros` under every scope as the lease `lease`, or none if any cap would be passed. A lease not
   * renewed within `leaseMs` is released by the store itself: an instance that died mid-request does not hold
   * its reservation for the rest of the day.
   */
  reserve(scopes: SpendScope[], micros: number, ttlSeconds: number, lease: Lease): Promise<ReserveResult>;
  /** The request still runs: keep its lease another `leaseMs`. */
  renew(keys: string[], lease: Lease): Promise<void>;
  /** Release the lease's reservation (if the store has not already) and record what was actually spent. */
  settle(keys: string[], lease: Lease, actualMicros: number): Promise<void>;
  read(key: string): Promise<SpendState>;
}
