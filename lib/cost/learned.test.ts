import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateCost, tableOutputPerImage, type EstimateInput, type UsageBlock } from './estimate';
import {
  addObservation, comboKey, emptyBook, KEEP_PER_COMBO, LEARNED_STORAGE_KEY, LEARNED_VERSION, learnedFor, MAX_COMBOS, median, observe, readBook,
  type Combo, type LearnedBook,
} from './learned';

/** 2.6 at 1536×1024 high: 1,353 output tokens (3P-laozhang), $30/1M (MODEL-26), written here. */
const HIGH_1536 = 1353;
const OUT = 30 / 1e6;
const combo: Combo = { provider: 'offline', model: 'gpt-image-2.6-sunburst', size: '1536x1024', quality: 'high' };
const input: EstimateInput = { provider: 'offline', model: 'gpt-image-2.6-sunburst', size: '1536x1024', quality: 'high', n: 1, prompt: 'A paper crane' };

const usage = (out: number, text = 3, image = 0): UsageBlock => ({
  input_tokens: text + image,
  input_tokens_details: { text_tokens: text, image_tokens: image },
  output_tokens: out,
  output_tokens_details: { image_tokens: out, text_tokens: 0 },
  total_tokens: text + image + out,
});

/** A book that saw `calls` calls of `combo`, each billed `out` output tokens per image. */
function bookOf(out: number[], c = combo, table: number | null = HIGH_1536): LearnedBook {
  let book = emptyBook();
  out.forEach((o, i) => {
    book = addObservation(book, c, observe({ usages: [usage(o)], images: 1, table, promptTokens: 3, at: 1000 + i })!);
  });
  return book;
}

describe('observe: one call from its usage', () => {
  it('per image, summing the blocks of a stream (input counted once, on the first)', () => {
    const obs = observe({ usages: [usage(1453, 3), usage(1453, 0)], images: 2, table: 1453, promptTokens: 3, at: 5 });
    expect(obs).toEqual({ at: 5, out: 1453, table: 1453, textIn: 3, promptTokens: 3, imageIn: 0 });
  });

  it('reads a block without details as all text in and image out, as actualCost does', () => {
    expect(observe({ usages: [{ input_tokens: 9, output_tokens: 700 }], images: 1, table: null, promptTokens: null, at: 0 })).toMatchObject({ out: 700, textIn: 9, imageIn: 0 });
  });

  it('has nothing to learn without usage or images', () => {
    expect(observe({ usages: [], images: 1, table: 1, promptTokens: 0, at: 0 })).toBeNull();
    expect(observe({ usages: [usage(10)], images: 0, table: 1, promptTokens: 0, at: 0 })).toBeNull();
  });
});

describe('the book: small and bounded', () => {
  it(`keeps the last ${KEEP_PER_COMBO} calls of a combination`, () => {
    const book = bookOf(Array.from({ length: 20 }, (_, i) => 1000 + i));
    const obs = book.combos[comboKey(combo)].obs;
    expect(obs).toHaveLength(KEEP_PER_COMBO);
    expect(obs[0].out).toBe(1000 + 20 - KEEP_PER_COMBO);
  });

  it(`keeps at most ${MAX_COMBOS} combinations, dropping the least recently seen`, () => {
    let book = emptyBook();
    for (let i = 0; i < MAX_COMBOS + 5; i++) {
      book = addObservation(book, { ...combo, size: `${1024 + 16 * i}x1024` }, { at: i, out: 1, table: 1, textIn: 0, promptTokens: 0, imageIn: 0 });
    }
    expect(Object.keys(book.combos)).toHaveLength(MAX_COMBOS);
    expect(book.combos[comboKey({ ...combo, size: '1024x1024' })]).toBeUndefined();
    expect(book.combos[comboKey({ ...combo, size: `${1024 + 16 * (MAX_COMBOS + 4)}x1024` })]).toBeDefined();
    // Full, it stays well under localStorage's few megabytes.
    let full = emptyBook();
    for (let i = 0; i < MAX_COMBOS; i++) for (let j = 0; j < KEEP_PER_COMBO; j++) {
      full = addObservation(full, { ...combo, size: `${1024 + 16 * i}x1024`, complexity: 'medium' }, { at: 1_765_000_000_000 + j, out: 1353.5, table: 1353, textIn: 120, promptTokens: 118, imageIn: 6563 });
    }
    expect(JSON.stringify(full).length).toBeLessThan(64 * 1024);
  });

  it('stores under a versioned key, and reads back only its own version and well-formed entries', () => {
    expect(LEARNED_STORAGE_KEY).toBe(`image-playground.cost-learned.v${LEARNED_VERSION}`);
    const book = bookOf([1700, 1760]);
    expect(readBook(JSON.parse(JSON.stringify(book)))).toEqual(book);
    expect(readBook({ ...book, version: 2 })).toEqual(emptyBook());
    expect(readBook(null)).toEqual(emptyBook());
    expect(readBook('x')).toEqual(emptyBook());
    const bad = JSON.parse(JSON.stringify(book));
    const rec = bad.combos[comboKey(combo)];
    rec.obs.push({ at: 3, out: -1, table: 1, textIn: 0, promptTokens: 0, imageIn: 0 }, { at: 'x' }, null);
    bad.combos.junk = { combo: { provider: 'offline' }, obs: [] };
    expect(readBook(bad)).toEqual(book);
  });

  it('is pure: no tokenizer and no storage in learned.ts', () => {
    const src = readFileSync(new URL('./learned.ts', import.meta.url), 'utf8');
    const imports = src.split('\n').filter((l) => /^import /.test(l)).join('\n');
    expect(imports).not.toMatch(/gpt-tokenizer|'\.\/tokens'|client/);
    expect(src).not.toMatch(/localStorage\.(get|set|remove)Item|window\./);
  });
});

describe('learnedFor', () => {
  it('the median of what was billed, and of billed ÷ table', () => {
    const l = learnedFor(bookOf([1700, 1800, 1750]), combo)!;
    expect(l.calls).toBe(3);
    expect(l.out).toEqual({ median: 1750, min: 1700, max: 1800 });
    expect(l.ratio).toBeCloseTo(1750 / HIGH_1536, 12);
    expect(l.textOverhead).toBe(0);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('keeps combinations apart: provider, model, size, quality and complexity', () => {
    const book = bookOf([1700]);
    expect(learnedFor(book, combo)).not.toBeNull();
    for (const other of [{ provider: 'openai' }, { model: 'gpt-image-2.6-flare' }, { size: 'auto' }, { quality: 'auto' }, { complexity: 'low' }]) {
      expect(learnedFor(book, { ...combo, ...other }), JSON.stringify(other)).toBeNull();
    }
    expect(learnedFor(null, combo)).toBeNull();
  });
});

describe('the estimate learns what is billed', () => {
  // The offline API billing 1.3 × the published figure: 1,353 × 1.3 = 1,758.9 → 1,759 tokens an image.
  const billed = Math.round(HIGH_1536 * 1.3);

  it('before any call: the published figure, and no claim of learning', () => {
    const e = estimateCost(input, undefined, emptyBook());
    expect(e.breakdown.imageOut.tokens).toEqual({ low: HIGH_1536, high: HIGH_1536 });
    expect(e.learned).toBeUndefined();
    expect(e.notes.join(' ')).not.toMatch(/of your calls?/);
  });

  it('after 3 calls: what was billed, and the breakdown says "from 3 of your calls"', () => {
    const e = estimateCost(input, undefined, bookOf([billed, billed, billed]));
    expect(e.breakdown.imageOut.tokens).toEqual({ low: billed, high: billed });
    expect(e.low).toBeCloseTo(3 * 5e-6 + billed * OUT, 12);
    expect(e.learned).toEqual({ calls: 3, table: { low: HIGH_1536, high: HIGH_1536 } });
    expect(e.notes[0]).toMatch(/^Output tokens from 3 of your calls with gpt-image-2\.6-sunburst at 1536x1024, quality high \(median billed: \+30% against the published figures\)/);
    expect(estimateCost(input, undefined, bookOf([billed])).notes[0]).toMatch(/from 1 of your call with /);
  });

  it('applies the ratio to n and to partial images, which the table counts', () => {
    const table = tableOutputPerImage('gpt-image-2.6-sunburst', { width: 1536, height: 1024 }, 'high', 2)!;
    expect(table).toBe(HIGH_1536 + 200);
    const book = bookOf([table * 1.3], combo, table);
    const e = estimateCost({ ...input, n: 2, partialImages: 2 }, undefined, book);
    const total = e.breakdown.imageOut.tokens!.low + e.breakdown.partials.tokens!.low;
    expect(Math.abs(total - 2 * table * 1.3)).toBeLessThanOrEqual(1);
  });

  it('follows the median, so one odd call does not move it', () => {
    const e = estimateCost(input, undefined, bookOf([billed, billed, 9000]));
    expect(e.breakdown.imageOut.tokens!.low).toBe(billed);
  });

  it('without a provider (the server gate) it never uses the book', () => {
    const e = estimateCost({ ...input, provider: undefined }, undefined, bookOf([billed]));
    expect(e.breakdown.imageOut.tokens!.low).toBe(HIGH_1536);
  });

  it('quality auto on Flare: the range that was billed', () => {
    const flare: Combo = { ...combo, model: 'gpt-image-2.6-flare', quality: 'auto' };
    const e = estimateCost({ ...input, model: 'gpt-image-2.6-flare', quality: 'auto' }, undefined, bookOf([1200, 5800, 2400], flare, null));
    expect(e.breakdown.imageOut.tokens).toEqual({ low: 1200, high: 5800 });
    expect(e.notes[0]).toMatch(/from 3 of your calls .*the range billed/);
  });

  it('learns a fixed text overhead the service adds to the prompt', () => {
    let book = emptyBook();
    book = addObservation(book, combo, observe({ usages: [usage(HIGH_1536, 3 + 7)], images: 1, table: HIGH_1536, promptTokens: 3, at: 1 })!);
    const e = estimateCost(input, undefined, book);
    expect(e.breakdown.textIn.tokens).toEqual({ low: 10, high: 10 });
    expect(e.notes.join(' ')).toMatch(/the prompt's 3 tokens \+ 7 the service added/);
  });
});
