/**
 * Limits in this process. Each call runs to the end without awaiting, so JavaScript's single thread makes it
 * atomic. Kept on globalThis: Next may bundle this module more than once (pages, actions), one store for all.
 * Leases need no expiry here: a process that dies takes its reservations with it.
 */
import type { Lease, LimitStore, RateRule, SpendScope, SpendState } from './store';

interface Spend extends SpendState {
  expires: number;
  leases: Map<string, number>;
}

export class MemoryLimitStore implements LimitStore {
  private readonly hits = new Map<string, number[]>();
  private readonly spend = new Map<string, Spend>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(rules: RateRule[], windowMs: number): Promise<{ ok: true } | { ok: false; index: number; retryAfterMs: number }> {
    const now = this.now();
    const lists = rules.map((r) => {
      const kept = (this.hits.get(r.key) ?? []).filter((t) => t > now - windowMs);
      this.hits.set(r.key, kept);
      return kept;
    });
    const full = rules.findIndex((r, i) => lists[i].length >= r.limit);
    if (full >= 0) {
      const oldest = lists[full][0];
      return { ok: false, index: full, retryAfterMs: oldest === undefined ? windowMs : oldest + windowMs - now };
    }
    for (const list of lists) list.push(now);
    return { ok: true };
  }

  private entry(key: string): Spend {
    const e = this.spend.get(key);
    if (e && e.expires > this.now()) return e;
    const fresh = { spentMicros: 0, reservedMicros: 0, expires: Infinity, leases: new Map<string, number>() };
    this.spend.set(key, fresh);
    return fresh;
  }

  async reserve(scopes: SpendScope[], micros: number, ttlSeconds: number, lease: Lease) {
    const entries = scopes.map((s) => this.entry(s.key));
    const over = scopes.findIndex((s, i) => s.capMicros !== null && entries[i].spentMicros + entries[i].reservedMicros + micros > s.capMicros);
    if (over >= 0) return { ok: false as const, index: over, spentMicros: entries[over].spentMicros, reservedMicros: entries[over].reservedMicros };
    for (const e of entries) {
      e.reservedMicros += micros;
      e.leases.set(lease.id, micros);
      e.expires = this.now() + ttlSeconds * 1000;
    }
    return { ok: true as const };
  }

  async renew(): Promise<void> {}

  async settle(keys: string[], lease: Lease, actualMicros: number): Promise<void> {
    for (const key of keys) {
      const e = this.entry(key);
      e.reservedMicros = Math.max(0, e.reservedMicros - (e.leases.get(lease.id) ?? 0));
      e.leases.delete(lease.id);
      e.spentMicros += actualMicros;
    }
  }

  /** Seed a day's spend (rebuilt from the audit log after a restart). */
  addSpent(key: string, micros: number, ttlSeconds: number): void {
    const e = this.entry(key);
    e.spentMicros += micros;
    e.expires = this.now() + ttlSeconds * 1000;
  }

  async read(key: string): Promise<SpendState> {
    const { spentMicros, reservedMicros } = this.entry(key);
    return { spentMicros, reservedMicros };
  }
}
