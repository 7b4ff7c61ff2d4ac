/**
 * The spend ledger as pure functions: the UI keeps the entries (it owns storage); these add them up for the
 * session, the local day, per model and per hour (a small chart). Times are epoch ms; "day" and "hour" are
 * the browser's local ones, because that is what a person means by "today".
 */
import type { ModelId } from '../models/types';

export interface SpendEntry {
  /** When the cost was incurred, epoch ms. */
  at: number;
  model: ModelId | string;
  provider: string;
  dollars: number;
}

export interface HourBucket {
  /** Start of the local hour, epoch ms. */
  start: number;
  dollars: number;
}

export interface SpendTotals {
  /** Entries at or after `sessionStart`. */
  session: number;
  /** Entries in the local calendar day containing `now`. */
  today: number;
  /** Every entry given. */
  all: number;
  count: number;
  byModel: Record<string, number>;
  byProvider: Record<string, number>;
  /** The last `hours` local hours, oldest first, ending with the hour containing `now`; empty hours are 0. */
  byHour: HourBucket[];
}

export interface TotalsOptions {
  /** Start of the session, epoch ms; default: every entry counts. */
  sessionStart?: number;
  /** How many hourly buckets; default 24. */
  hours?: number;
}

const HOUR = 3_600_000;

/** Local midnight starting the day that contains `t`. */
export function startOfLocalDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Local midnight ending that day: found through the calendar, not +24 h, so DST days (23 h, 25 h) are right. */
function endOfLocalDay(t: number): number {
  const d = new Date(startOfLocalDay(t));
  d.setDate(d.getDate() + 1);
  return d.getTime();
}

/** Start of the local hour containing `t`. */
export function startOfLocalHour(t: number): number {
  const d = new Date(t);
  d.setMinutes(0, 0, 0);
  return d.getTime();
}

export function totals(entries: readonly SpendEntry[], now: number, options: TotalsOptions = {}): SpendTotals {
  const sessionStart = options.sessionStart ?? -Infinity;
  const hours = Math.max(0, Math.floor(options.hours ?? 24));
  const dayStart = startOfLocalDay(now);
  const dayEnd = endOfLocalDay(now);
  // Hour boundaries are an hour apart in epoch time even across DST, so buckets can step by HOUR.
  const lastHour = startOfLocalHour(now);
  const firstHour = lastHour - (hours - 1) * HOUR;
  const byHour: HourBucket[] = Array.from({ length: hours }, (_, i) => ({ start: firstHour + i * HOUR, dollars: 0 }));

  const out: SpendTotals = { session: 0, today: 0, all: 0, count: 0, byModel: {}, byProvider: {}, byHour };
  for (const e of entries) {
    // A damaged stored entry must not turn every total into NaN.
    if (!Number.isFinite(e.dollars) || !Number.isFinite(e.at)) continue;
    out.all += e.dollars;
    out.count += 1;
    if (e.at >= sessionStart) out.session += e.dollars;
    if (e.at >= dayStart && e.at < dayEnd) out.today += e.dollars;
    out.byModel[e.model] = (out.byModel[e.model] ?? 0) + e.dollars;
    out.byProvider[e.provider] = (out.byProvider[e.provider] ?? 0) + e.dollars;
    const slot = Math.floor((e.at - firstHour) / HOUR);
    if (slot >= 0 && slot < hours) byHour[slot].dollars += e.dollars;
  }
  return out;
}
