/**
 * What a person sets in Settings and the playground honours: the studio's starting point (provider, model, size,
 * quality, format) and how long history is kept. Plain data and rules; kept in localStorage by
 * preferences-store.client.ts. Runs in the browser and in tests.
 */
import { controlOptions } from '../models/options';
import type { CapsNarrowing } from '../models/caps';

export interface StudioDefaults {
  provider: string;
  model: string;
  size: string;
  quality: string;
  outputFormat: string;
}

export interface Retention {
  /** Keep entries this many days; null: no age limit. */
  maxAgeDays: number | null;
  /** Keep at most this many entries, newest first; null: no count limit. */
  maxEntries: number | null;
}

export const DEFAULT_RETENTION: Retention = { maxAgeDays: null, maxEntries: null };
export const RETENTION_DAYS = [null, 90, 30, 7] as const;
export const RETENTION_COUNTS = [null, 1000, 200, 50, 10] as const;

/** The model's generate options, to offer only what it takes (and to check saved defaults against). */
export function defaultChoices(model: string, narrowing?: CapsNarrowing) {
  const o = controlOptions(model, 'generate', narrowing);
  return o ? { sizes: o.sizes, qualities: o.qualities, formats: o.outputFormats ?? [] } : undefined;
}

/** Defaults made valid for their model: a value the model does not take falls back to its default. */
export function validDefaults(d: StudioDefaults, narrowing?: CapsNarrowing): StudioDefaults {
  const o = controlOptions(d.model, 'generate', narrowing);
  if (!o) return d;
  const pick = (v: string, allowed: readonly string[] | undefined, fallback: string | undefined) => (allowed?.includes(v) ? v : (fallback ?? allowed?.[0] ?? v));
  return {
    ...d,
    size: pick(d.size, o.sizes, o.defaults.size),
    quality: pick(d.quality, o.qualities, o.defaults.quality),
    outputFormat: pick(d.outputFormat, o.outputFormats, o.defaults.outputFormat),
  };
}

/** Which entries retention drops, newest kept first: older than maxAgeDays, or past maxEntries. */
export function expired<T extends { id: string; createdAt: number }>(entries: readonly T[], r: Retention, now: number): string[] {
  const sorted = [...entries].sort((a, b) => b.createdAt - a.createdAt);
  const cutoff = r.maxAgeDays === null ? -Infinity : now - r.maxAgeDays * 86_400_000;
  return sorted.filter((e, i) => e.createdAt < cutoff || (r.maxEntries !== null && i >= r.maxEntries)).map((e) => e.id);
}
