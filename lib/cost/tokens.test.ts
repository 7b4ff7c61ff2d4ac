import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { gptImage2OutputTokens, inputImageTokens, outputImageTokens, PARTIAL_IMAGE_TOKENS, textTokens, UNMEASURED_QUALITIES } from './tokens';

const d = (width: number, height: number) => ({ width, height });

describe('output image tokens: gpt-image-1 table (api-reference §9.1)', () => {
  it.each([
    [1024, 1024, 'low', 272],
    [1024, 1024, 'medium', 1056],
    [1024, 1024, 'high', 4160],
    [1024, 1536, 'low', 408],
    [1024, 1536, 'medium', 1584],
    [1024, 1536, 'high', 6240],
    [1536, 1024, 'low', 400],
    [1536, 1024, 'medium', 1568],
    [1536, 1024, 'high', 6208],
  ] as const)('%ix%i %s = %i on gpt-image-1 and gpt-image-1.5', (w, h, q, tokens) => {
    expect(outputImageTokens('gpt-image-1', d(w, h), q)).toBe(tokens);
    expect(outputImageTokens('gpt-image-1.5', d(w, h), q)).toBe(tokens);
  });

  it('has no figure for a size outside the table', () => {
    expect(outputImageTokens('gpt-image-1', d(2048, 2048), 'high')).toBeNull();
  });

  it('prices mini on its own (price-derived) table', () => {
    expect(outputImageTokens('gpt-image-1-mini', d(1024, 1024), 'low')).toBe(625);
    expect(outputImageTokens('gpt-image-1-mini', d(1024, 1024), 'high')).toBe(4500);
  });

  it('gives dall-e no token figure (priced per image)', () => {
    expect(outputImageTokens('dall-e-3', d(1024, 1024), 'high')).toBeNull();
    expect(outputImageTokens('dall-e-2', d(256, 256), 'low')).toBeNull();
  });
});

describe('output image tokens: gpt-image-2 formula (api-reference §12)', () => {
  it.each([
    [1024, 1024, 7024],
    [1536, 1024, 5488],
    [1792, 1024, 5063],
    [3584, 2048, 12329],
  ])('reproduces the calculator: %ix%i high = %i', (w, h, tokens) => {
    expect(gptImage2OutputTokens(d(w, h), 'high')).toBe(tokens);
    expect(outputImageTokens('gpt-image-2', d(w, h), 'high')).toBe(tokens);
  });

  it('is symmetric in orientation', () => {
    expect(gptImage2OutputTokens(d(1024, 1536), 'high')).toBe(5488);
    expect(gptImage2OutputTokens(d(2048, 3584), 'medium')).toBe(gptImage2OutputTokens(d(3584, 2048), 'medium'));
  });

  it('scales with quality: 1024x1024 low = 196, medium = 1756', () => {
    // q=16: s=16, ceil(256·3,048,576/4e6) = ceil(195.1); q=48: s=48, ceil(2304·3,048,576/4e6) = ceil(1755.98)
    expect(gptImage2OutputTokens(d(1024, 1024), 'low')).toBe(196);
    expect(gptImage2OutputTokens(d(1024, 1024), 'medium')).toBe(1756);
  });

  it('works at custom sizes the table lacks', () => {
    expect(outputImageTokens('gpt-image-2', d(3840, 2160), 'high')).toBeGreaterThan(7024);
  });
});

/**
 * gpt-image-2.5 and 2.6 (api-2026-12 §3). No table is published; these are the points measured on the official
 * route by a gateway (3P-laozhang, 2026-11-05), written here rather than read from tokens.ts: 2.6 at 1536×1024
 * low 664 and high 1,353; 3840×2160 high ≈ 3,337; low/medium ≈ 3–4× the 2.5 tokens; high and up equal to 2.5.
 */
describe('output image tokens: gpt-image-2.5 / 2.6 (api-2026-12 §3, 3P-laozhang)', () => {
  it.each(['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare'])('%s goes through the measured points', (model) => {
    expect(outputImageTokens(model, d(1536, 1024), 'low')).toBe(664);
    expect(outputImageTokens(model, d(1536, 1024), 'high')).toBe(1353);
    expect(outputImageTokens(model, d(1024, 1536), 'high')).toBe(1353);
    expect(outputImageTokens(model, d(3840, 2160), 'high')).toBe(3337);
  });

  it('puts medium between low and high, and more pixels never cost fewer tokens', () => {
    const m = outputImageTokens('gpt-image-2.6-sunburst', d(1536, 1024), 'medium')!;
    expect(m).toBeGreaterThan(664);
    expect(m).toBeLessThan(1353);
    const at = (w: number, h: number) => outputImageTokens('gpt-image-2.6-sunburst', d(w, h), 'high')!;
    expect(at(1024, 1024)).toBeLessThan(at(1536, 1024));
    expect(at(2048, 2048)).toBeLessThan(at(3840, 2160));
  });

  it('bills 2.5 as 2.6 at high and up, and 3 to 4 times fewer tokens at low and medium', () => {
    for (const q of ['high', 'xhigh', 'max'] as const) {
      expect(outputImageTokens('gpt-image-2.5-sunburst', d(1536, 1024), q)).toBe(outputImageTokens('gpt-image-2.6-sunburst', d(1536, 1024), q));
    }
    for (const q of ['low', 'medium'] as const) {
      const ratio = outputImageTokens('gpt-image-2.6-flare', d(1536, 1024), q)! / outputImageTokens('gpt-image-2.5-flare', d(1536, 1024), q)!;
      expect(ratio).toBeGreaterThanOrEqual(3);
      expect(ratio).toBeLessThanOrEqual(4);
    }
  });

  it('has a figure for xhigh and max on 2.5/2.6 only, marked unmeasured (none is published)', () => {
    expect(UNMEASURED_QUALITIES).toEqual(['xhigh', 'max']);
    const high = outputImageTokens('gpt-image-2.6-sunburst', d(1024, 1024), 'high')!;
    const xhigh = outputImageTokens('gpt-image-2.6-sunburst', d(1024, 1024), 'xhigh')!;
    expect(xhigh).toBeGreaterThan(high);
    expect(outputImageTokens('gpt-image-2.6-sunburst', d(1024, 1024), 'max')!).toBeGreaterThan(xhigh);
    expect(outputImageTokens('gpt-image-2', d(1024, 1024), 'xhigh')).toBeNull();
    expect(outputImageTokens('gpt-image-1', d(1024, 1024), 'max')).toBeNull();
  });
});

describe('input image tokens (api-reference §9.2)', () => {
  it('1024x1024 -> one 512 tile -> 194, or 4354 at high fidelity', () => {
    expect(inputImageTokens(d(1024, 1024))).toBe(194);
    expect(inputImageTokens(d(1024, 1024), 'low')).toBe(194);
    expect(inputImageTokens(d(1024, 1024), 'high')).toBe(4354);
  });

  it('1536x1024 -> 768x512 -> two tiles -> 323, or 6563 at high fidelity', () => {
    expect(inputImageTokens(d(1536, 1024))).toBe(323);
    expect(inputImageTokens(d(1536, 1024), 'high')).toBe(6563);
    expect(inputImageTokens(d(1024, 1536), 'high')).toBe(6563);
  });

  it('fits a big image in 2048 first: 4096x1024 -> 2048x512 -> four tiles -> 581', () => {
    expect(inputImageTokens(d(4096, 1024))).toBe(65 + 129 * 4);
    expect(inputImageTokens(d(4096, 4096))).toBe(194);
  });

  it('counts a partial tile as a whole one: 1600x1024 -> 800x512 -> two tiles', () => {
    expect(inputImageTokens(d(1600, 1024))).toBe(323);
  });
});

describe('text tokens', () => {
  it('counts with o200k_base: "hello world" is 2 tokens, "こんにちは世界" is 2 (cl100k would say 4)', () => {
    expect(textTokens('hello world')).toBe(2);
    expect(textTokens('こんにちは世界')).toBe(2);
    expect(textTokens('A watercolor painting of a red fox in the snow')).toBe(10);
  });

  it('counts an empty prompt as 0', () => {
    expect(textTokens('')).toBe(0);
  });

  it('counts ordinary text exactly as the tokenizer does, and a long run without spaces never lower', () => {
    const prose = 'The quick brown fox jumps over the lazy dog, twice. '.repeat(40);
    expect(textTokens(prose)).toBe(countTokens(prose));
    const run = 'b'.repeat(1000);
    expect(textTokens(run)).toBeGreaterThanOrEqual(countTokens(run));
    // Surrogate pairs are never split: an emoji run counts as the tokenizer counts it.
    expect(textTokens('👍🏽'.repeat(200))).toBe(countTokens('👍🏽'.repeat(200)));
  });

  it('is linear in the prompt: the longest allowed prompt of one repeated character costs milliseconds, not seconds', () => {
    // Counted whole, 32,000 × '字' took 10.5 s and 100,000 × '語' over a minute on this machine, blocking the server.
    for (const text of ['字'.repeat(32_000), 'b'.repeat(200_000)]) {
      const started = performance.now();
      expect(textTokens(text)).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(1500);
    }
  });
});

it('charges 100 output tokens per partial image', () => {
  expect(PARTIAL_IMAGE_TOKENS).toBe(100);
});
