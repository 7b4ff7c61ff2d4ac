/**
 * How long an image usually takes, for the streaming tile's progress estimate. What this browser measured wins:
 * the median latency of its last runs of the same provider, model and quality (kept in history). Before any,
 * the offline API's simulated latency (what it is told, or its default), else a first guess by quality.
 */

/** A finished image as history keeps it: enough to match it to a request. */
export interface PastRun {
  provider: string;
  model: string;
  quality?: string;
  latencyMs?: number;
}

/** How many recent runs the median is taken over: enough to damp one slow call, few enough to follow a change. */
const RECENT = 8;

/**
 * First guesses, in ms, for a provider this browser has no runs of. OpenAI's image generation guide says only that
 * complex prompts "may take up to 2 minutes"; these are that ceiling scaled down by quality, rounded, and replaced
 * by measured figures after the first run.
 */
export const FIRST_GUESS_MS: Record<string, number> = { low: 15_000, medium: 30_000, high: 60_000, xhigh: 90_000, max: 120_000, auto: 30_000 };

/** OFFLINE_LATENCY_MS's default (README): the offline API's time per image when the studio sets none. */
export const OFFLINE_DEFAULT_MS = 1500;

export interface DurationQuery {
  provider: string;
  model: string;
  quality?: string;
  /** The offline API's simulated latency for this request, when it goes there (null: its default). */
  offlineLatencyMs?: number | null;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Typical milliseconds for one image of this request. `past` is newest first. */
export function typicalDurationMs(q: DurationQuery, past: readonly PastRun[]): number {
  const offline = q.offlineLatencyMs !== undefined;
  // A set simulated latency is exact; measured runs would lag behind a change of the setting.
  if (offline && q.offlineLatencyMs != null) return Math.max(q.offlineLatencyMs, 300);
  const same = past.filter((r) => r.provider === q.provider && r.model === q.model && (r.quality ?? 'auto') === (q.quality ?? 'auto') && r.latencyMs);
  if (same.length) return median(same.slice(0, RECENT).map((r) => r.latencyMs!));
  if (offline) return OFFLINE_DEFAULT_MS;
  return FIRST_GUESS_MS[q.quality ?? 'auto'] ?? FIRST_GUESS_MS.auto;
}

/** Share done, 0–0.95: never "done" on a guess, only when the image is. */
export function estimatedProgress(elapsedMs: number, typicalMs: number): number {
  return Math.min(0.95, Math.max(0, elapsedMs / typicalMs));
}
