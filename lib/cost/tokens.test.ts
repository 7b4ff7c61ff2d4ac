import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { gptImage2OutputTokens, inputImageTokens, outputImageTokens, PARTIAL_IMAGE_TOKENS, textTokens } from './tokens';

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
