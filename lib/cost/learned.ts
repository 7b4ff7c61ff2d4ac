/**
 * What this browser has been billed, per provider, model, size and quality (and 2.6's complexity): the
 * estimator's memory (issue #13 item 8). Published token tables are thin for gpt-image-2.5/2.6 and real
 * models drift from them, so after each call the returned `usage` is kept here and later estimates for the
 * same combination follow what was billed (estimate.ts says so: "from 3 of your calls").
 *
 * Pure and browser-safe (no tokenizer, no storage): learned-store.client.ts keeps the book in localStorage.
 * The book is small and bounded: the last KEEP_PER_COMBO calls of at most MAX_COMBOS combinations.
 */
import type { UsageBlock } from './estimate';

/** localStorage key; the version is part of it and of the stored value, so an old shape is never misread. */
export const LEARNED_VERSION = 1;
export const LEARNED_STORAGE_KEY = `image-playground.cost-learned.v${LEARNED_VERSION}`;
/** Calls kept per combination: recent enough to follow drift, enough for a median. */
export const KEEP_PER_COMBO = 8;
/** Combinations kept; the least recently seen go first. */
export const MAX_COMBOS = 64;

/** What a call was asked: the size and quality as requested (`auto` included), not as resolved. */
export interface Combo {
  provider: string;
  model: string;
  /** `auto` or `WxH`. */
  size: string;
  /** `low` … `max`, or `auto`. */
  quality: string;
  /** gpt-image-2.6 only; left out when not sent. */
  complexity?: string;
}

/** One call, per image where it says so. */
export interface Observation {
  /** When the call finished, epoch ms. */
  at: number;
  /** Output image tokens billed per image (its streamed partial images included). */
  out: number;
  /** What the published table gives for the same image (partials included); null where it gives a range (quality auto on Flare). */
  table: number | null;
  /** Text input tokens billed for the whole call. */
  textIn: number;
  /** The prompt's own count by the o200k tokenizer; null when it was not counted. */
  promptTokens: number | null;
  /** Image input tokens billed for the whole call (references of an edit). */
  imageIn: number;
}

export interface ComboRecord {
  combo: Combo;
  /** Oldest first, at most KEEP_PER_COMBO. */
  obs: Observation[];
}

export interface LearnedBook {
  version: typeof LEARNED_VERSION;
  combos: Record<string, ComboRecord>;
}

/** What the estimator uses from a combination's calls. */
export interface Learned {
  /** Calls it rests on. */
  calls: number;
  /** Output image tokens billed per image: median, lowest and highest of those calls. */
  out: { median: number; min: number; max: number };
  /** Median of billed ÷ table output, over the calls that had a table figure; null when none had. */
  ratio: number | null;
  /** Median of billed text input minus the prompt's own count (a fixed overhead the service adds); null when not counted. */
  textOverhead: number | null;
}

export const emptyBook = (): LearnedBook => ({ version: LEARNED_VERSION, combos: {} });

export function comboKey(c: Combo): string {
  return [c.provider, c.model, c.size, c.quality, c.complexity ?? ''].join('|');
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface CallUsage {
  /** The usage block(s) returned: one per answer, or one per image of a stream. */
  usages: readonly UsageBlock[];
  /** Images the call returned (and was billed for). */
  images: number;
  /** The table's output tokens for one such image, partials included; null where the table gives a range. */
  table: number | null;
  promptTokens: number | null;
  at: number;
}

/** One observation from a finished call's usage; null when there is nothing to learn (no usage, no image). */
export function observe(call: CallUsage): Observation | null {
  if (!call.usages.length || call.images < 1) return null;
  let out = 0;
  let textIn = 0;
  let imageIn = 0;
  for (const u of call.usages) {
    out += u.output_tokens_details?.image_tokens ?? u.output_tokens;
    textIn += u.input_tokens_details?.text_tokens ?? u.input_tokens;
    imageIn += u.input_tokens_details?.image_tokens ?? 0;
  }
  if (![out, textIn, imageIn].every((v) => Number.isFinite(v) && v >= 0)) return null;
  // Inputs per request: n streams are n requests, each billing the prompt again (estimate.ts `streamed`); blocks
  // with no input (the other images of one answer) are not requests of their own.
  const requests = call.usages.filter((u) => u.input_tokens > 0).length || 1;
  return { at: call.at, out: out / call.images, table: call.table && call.table > 0 ? call.table : null, textIn: textIn / requests, promptTokens: call.promptTokens, imageIn: imageIn / requests };
}

/** The book with `obs` added under `combo` (a new book; the old one is untouched), pruned to its bounds. */
export function addObservation(book: LearnedBook, combo: Combo, obs: Observation): LearnedBook {
  const key = comboKey(combo);
  const prev = book.combos[key]?.obs ?? [];
  const combos = { ...book.combos, [key]: { combo, obs: [...prev, obs].slice(-KEEP_PER_COMBO) } };
  const keys = Object.keys(combos);
  if (keys.length > MAX_COMBOS) {
    const last = (k: string) => combos[k].obs[combos[k].obs.length - 1]?.at ?? 0;
    for (const k of keys.sort((a, b) => last(a) - last(b)).slice(0, keys.length - MAX_COMBOS)) delete combos[k];
  }
  return { version: LEARNED_VERSION, combos };
}

/** What the calls of one combination say; null when there were none. */
export function learnedFor(book: LearnedBook | null | undefined, combo: Combo): Learned | null {
  const obs = book?.combos[comboKey(combo)]?.obs;
  if (!obs?.length) return null;
  const outs = obs.map((o) => o.out);
  const ratios = obs.filter((o) => o.table !== null).map((o) => o.out / o.table!);
  const overheads = obs.filter((o) => o.promptTokens !== null).map((o) => o.textIn - o.promptTokens!);
  return {
    calls: obs.length,
    out: { median: median(outs), min: Math.min(...outs), max: Math.max(...outs) },
    ratio: ratios.length ? median(ratios) : null,
    textOverhead: overheads.length ? median(overheads) : null,
  };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/**
 * A book from what storage held: anything of another version, or malformed, is dropped (an entry at a time),
 * so a stale or edited localStorage can never make the estimator throw.
 */
export function readBook(raw: unknown): LearnedBook {
  const book = emptyBook();
  if (!raw || typeof raw !== 'object' || (raw as LearnedBook).version !== LEARNED_VERSION) return book;
  const combos = (raw as LearnedBook).combos;
  if (!combos || typeof combos !== 'object') return book;
  for (const rec of Object.values(combos).slice(0, MAX_COMBOS * 2)) {
    const c = rec?.combo;
    if (!c || !isText(c.provider) || !isText(c.model) || !isText(c.size) || !isText(c.quality)) continue;
    if (c.complexity !== undefined && !isText(c.complexity)) continue;
    const combo: Combo = { provider: c.provider, model: c.model, size: c.size, quality: c.quality, ...(c.complexity ? { complexity: c.complexity } : {}) };
    const obs = (Array.isArray(rec.obs) ? rec.obs : [])
      .filter((o): o is Observation =>
        !!o && isCount(o.at) && isCount(o.out) && (o.table === null || (isCount(o.table) && o.table > 0)) && isCount(o.textIn) &&
        (o.promptTokens === null || isCount(o.promptTokens)) && isCount(o.imageIn))
      .map(({ at, out, table, textIn, promptTokens, imageIn }) => ({ at, out, table, textIn, promptTokens, imageIn }))
      .slice(-KEEP_PER_COMBO);
    if (obs.length) book.combos[comboKey(combo)] = { combo, obs };
  }
  // Over the bound (a hand-edited store): keep the most recently seen.
  const keys = Object.keys(book.combos);
  if (keys.length > MAX_COMBOS) {
    const last = (k: string) => book.combos[k].obs[book.combos[k].obs.length - 1].at;
    for (const k of keys.sort((a, b) => last(a) - last(b)).slice(0, keys.length - MAX_COMBOS)) delete book.combos[k];
  }
  return book;
}
