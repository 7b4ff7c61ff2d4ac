'use client';
/**
 * This browser's book of billed calls (learned.ts), kept in localStorage under a versioned key. Read on first
 * use, written after each call; another tab's writes arrive through the `storage` event. The tokenizer and the
 * tables are not imported here: they come with the estimator module, which is loaded by the time a call ends.
 */
import { create } from 'zustand';
import { parseSize } from '../models/sizes';
import type { Complexity, ModelId, Quality } from '../models/types';
import { useCost } from './cost-store.client';
import type { UsageBlock } from './estimate';
import { addObservation, emptyBook, LEARNED_STORAGE_KEY, observe, readBook, type LearnedBook } from './learned';

function load(): LearnedBook {
  try {
    const text = localStorage.getItem(LEARNED_STORAGE_KEY);
    return text ? readBook(JSON.parse(text)) : emptyBook();
  } catch {
    return emptyBook();
  }
}

function save(book: LearnedBook): void {
  try {
    localStorage.setItem(LEARNED_STORAGE_KEY, JSON.stringify(book));
  } catch {
    // Full or unavailable storage: the book lives on in memory for this page.
  }
}

interface LearnedState {
  /** Null until read from storage (on the client, at the first estimate). */
  book: LearnedBook | null;
  /** The book, read from storage the first time. */
  ensure(): LearnedBook;
  learn(call: FinishedCall): void;
  forget(): void;
}

/** A finished call, in the terms the studio has at hand when it settles a run's cost. */
export interface FinishedCall {
  provider: string;
  model: ModelId;
  /** As asked: `auto` or `WxH`. */
  size: string;
  /** What came back (the echoed size, or the image's own), used to find the table's figure. */
  billedSize: string;
  /** As asked; undefined means the model's default. */
  quality?: string;
  complexity?: string;
  /** Partial images streamed per image (0 when not streaming). */
  partialImages: number;
  prompt: string;
  usages: readonly UsageBlock[];
  /** Images returned. */
  images: number;
}

let listening = false;

export const useLearned = create<LearnedState>()((set, get) => ({
  book: null,
  ensure() {
    const current = get().book;
    if (current) return current;
    const book = load();
    set({ book });
    if (!listening && typeof window !== 'undefined') {
      listening = true;
      window.addEventListener('storage', (e) => {
        if (e.key === LEARNED_STORAGE_KEY) set({ book: load() });
      });
    }
    return book;
  },
  learn(call) {
    const { estimator, prices } = useCost.getState();
    const book = get().ensure();
    if (!estimator || !prices) return;
    const dims = parseSize(call.billedSize) ?? parseSize(call.size);
    const quality = (call.quality ?? 'auto') as Quality;
    const table = dims ? estimator.tableOutputPerImage(call.model, dims, quality, call.partialImages, prices) : null;
    const obs = observe({ usages: call.usages, images: call.images, table, promptTokens: estimator.textTokens(call.prompt), at: Date.now() });
    if (!obs) return;
    const combo = { provider: call.provider, model: call.model, size: call.size, quality, ...(call.complexity ? { complexity: call.complexity as Complexity } : {}) };
    const next = addObservation(book, combo, obs);
    set({ book: next });
    save(next);
  },
  forget() {
    set({ book: emptyBook() });
    try {
      localStorage.removeItem(LEARNED_STORAGE_KEY);
    } catch {}
  },
}));

/**
 * What the studio calls when a run's cost is settled: the run's request fields and its finished tiles, in the
 * shapes lib/studio keeps them (read structurally, so this module does not depend on the studio's).
 */
export function learnFromRun(
  run: { provider: string; fields: Record<string, unknown>; prompt: string },
  done: readonly { usage?: UsageBlock | null; echoed?: { size?: string }; image?: { width: number; height: number } }[],
): void {
  const usages = done.flatMap((t) => (t.usage ? [t.usage] : []));
  if (!usages.length) return;
  const f = run.fields;
  // A GIF is billed as its frame sheet and an SVG adds svg_usage: neither teaches what a still of that size costs.
  if (f.output_format === 'gif' || f.output_format === 'svg') return;
  const size = typeof f.size === 'string' ? f.size : 'auto';
  const first = done[0];
  const billedSize = first?.echoed?.size ?? (first?.image?.width ? `${first.image.width}x${first.image.height}` : size);
  useLearned.getState().learn({
    provider: run.provider,
    model: String(f.model) as ModelId,
    size,
    billedSize,
    quality: typeof f.quality === 'string' ? f.quality : undefined,
    complexity: typeof f.complexity === 'string' ? f.complexity : undefined,
    partialImages: f.stream === true && typeof f.partial_images === 'number' ? f.partial_images : 0,
    prompt: typeof f.prompt === 'string' ? f.prompt : '',
    usages,
    images: done.length,
  });
}
