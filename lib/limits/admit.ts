/**
 * Admission and settlement: before an upstream call, count the request against the rate limits and reserve
 * its estimated cost (the estimate's high end) against the daily caps; after it, release the reservation and
 * record what it actually cost. Pure over a LimitStore, so the maths is tested on the memory store.
 */
import { randomUUID } from 'node:crypto';
import { errorFor } from '../errors/codes';
import { formatUsd } from '../cost/estimate';
import type { GenerationError } from '../generation/events';
import { fromMicros, secondsToUtcMidnight, toMicros, toMicrosUp, utcDay, type LimitsConfig } from './config';
import type { LimitStore, RateRule, SpendScope } from './store';

export const RATE_WINDOW_MS = 60_000;
/** Spend keys outlive their day by a day, so a late settlement still finds its reservation. */
const SPEND_TTL_SECONDS = 2 * 86_400;
/** How long a reservation outlives the last sign of life of the instance that made it (SPEND_LEASE_MS). */
const LEASE_MS = Math.max(1000, Number(process.env.SPEND_LEASE_MS) || 60_000);

export interface Caller {
  id: string;
  name: string;
}

export interface AdmitInput {
  user: Caller;
  /** The estimate's high end in dollars; null when the request cannot be priced in advance. */
  estimateUsd: number | null;
  /** False when the user brought their own key: rate-limited, not charged to the caps. */
  charged: boolean;
  now?: number;
}

/** An admitted request: settle it once with what it actually cost. */
export interface Ticket {
  reservedUsd: number;
  settle(actualUsd: number): Promise<void>;
}

export type Admission = { ok: true; ticket: Ticket } | { ok: false; error: GenerationError };

function refusal(code: 'rate_limited' | 'cost_unknown' | 'spend_cap_reached', message: string, retryAfter?: number): Admission {
  return { ok: false, error: { ...errorFor(code, message), ...(retryAfter !== undefined ? { retryAfter } : {}) } };
}

function untilMidnight(now: number): string {
  const s = secondsToUtcMidnight(now);
  const h = Math.floor(s / 3600);
  const m = Math.ceil((s % 3600) / 60);
  return h ? `${h} h ${m} min` : `${m} min`;
}

/** Where a user's and the team's spend for the UTC day of `at` are kept. */
export function spendKeys(userId: string, at: number): { user: string; total: string } {
  const day = utcDay(at);
  return { user: `spend:${day}:user:${userId}`, total: `spend:${day}:total` };
}

export async function admit(store: LimitStore, config: LimitsConfig, input: AdmitInput): Promise<Admission> {
  const now = input.now ?? Date.now();
  const { user } = input;
  const rules: (RateRule & { who: string })[] = [];
  if (config.userPerMin !== undefined) rules.push({ key: `rate:user:${user.id}`, limit: config.userPerMin, who: `per user (${user.name})` });
  if (config.globalPerMin !== undefined) rules.push({ key: 'rate:global', limit: config.globalPerMin, who: 'for everyone together' });
  if (rules.length) {
    const hit = await store.hit(rules, RATE_WINDOW_MS, randomUUID());
    if (!hit.ok) {
      const rule = rules[hit.index];
      const wait = Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
      return refusal('rate_limited', `Too many requests: this server allows ${rule.limit} a minute ${rule.who}. Try again in ${wait} s.`, wait);
    }
  }

  if (!input.charged) return { ok: true, ticket: { reservedUsd: 0, settle: async () => {} } };
  const spend = spendKeys(user.id, now);
  const scopes: (SpendScope & { whose: string })[] = [
    { key: spend.user, capMicros: config.userCapUsd === undefined ? null : toMicros(config.userCapUsd), whose: 'Your' },
    { key: spend.total, capMicros: config.totalCapUsd === undefined ? null : toMicros(config.totalCapUsd), whose: "The team's" },
  ];
  const capped = scopes.some((s) => s.capMicros !== null);
  if (input.estimateUsd === null && capped) {
    return refusal('cost_unknown', 'This request cannot be priced in advance (no price for this model, size or quality), so it cannot be admitted under the daily spend cap. Choose a listed size and a priced model.');
  }
  const reserved = toMicrosUp(input.estimateUsd ?? 0);
  const lease = { id: randomUUID(), ms: LEASE_MS };
  const r = await store.reserve(scopes, reserved, SPEND_TTL_SECONDS, lease);
  if (!r.ok) {
    const scope = scopes[r.index];
    const cap = fromMicros(scope.capMicros!);
    const left = Math.max(0, fromMicros(scope.capMicros! - r.spentMicros - r.reservedMicros));
    return refusal(
      'spend_cap_reached',
      `${scope.whose} daily spend cap is reached: ${formatUsd(left)} of today's ${formatUsd(cap)} left; this request is estimated at up to ${formatUsd(fromMicros(reserved))}. The cap starts over at 00:00 UTC (in ${untilMidnight(now)}).`,
    );
  }
  let settled = false;
  const keys = scopes.map((s) => s.key);
  // While the request runs, its lease is renewed; if this instance dies, the store lets the lease lapse.
  const renewing = setInterval(() => void store.renew(keys, lease).catch(() => {}), LEASE_MS / 3);
  renewing.unref?.();
  return {
    ok: true,
    ticket: {
      reservedUsd: fromMicros(reserved),
      async settle(actualUsd: number) {
        if (settled) return;
        settled = true;
        clearInterval(renewing);
        await store.settle(keys, lease, toMicros(Math.max(0, actualUsd)));
      },
    },
  };
}
