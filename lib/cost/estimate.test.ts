import { describe, expect, it } from 'vitest';
import { getModel } from '../models/registry';
import { resolveAutoSize } from '../models/sizes';
import type { ModelId } from '../models/types';
import { actualCost, actualCostBreakdown, costDifference, estimateCost, formatUsd, pricePerImage, type EstimateInput } from './estimate';
import { DEFAULT_PRICES } from './pricing';

const d = (width: number, height: number) => ({ width, height });
const base: EstimateInput = { model: 'gpt-image-1', size: '1024x1024', quality: 'high', n: 1, prompt: '' };
const cents = (x: number) => Math.round(x * 100);

/**
 * api-reference §9.3 "Official per-image prices" (1.5: 3P), as written there, for sizes 1024x1024 / 1024x1536 /
 * 1536x1024. Kept as text because the number of decimals says how precise the published figure is.
 */
const PUBLISHED: Record<string, Record<string, [string, string, string]>> = {
  'gpt-image-1': { low: ['0.011', '0.016', '0.016'], medium: ['0.042', '0.063', '0.063'], high: ['0.167', '0.25', '0.25'] },
  'gpt-image-1-mini': { low: ['0.005', '0.006', '0.006'], medium: ['0.011', '0.015', '0.015'], high: ['0.036', '0.052', '0.052'] },
  // Landscape high: fal's $0.199, which 6208 × $32/1M = $0.198656 reproduces; see the test below for $0.200.
  'gpt-image-1.5': { low: ['0.009', '0.013', '0.013'], medium: ['0.034', '0.051', '0.050'], high: ['0.133', '0.200', '0.199'] },
};
const SIZES = ['1024x1024', '1024x1536', '1536x1024'] as const;

describe('per-image prices of api-reference §9.3, reproduced from tokens × price', () => {
  const cases = Object.entries(PUBLISHED).flatMap(([model, byQ]) =>
    Object.entries(byQ).flatMap(([quality, prices]) => SIZES.map((size, i) => [model, size, quality, prices[i]] as const)),
  );

  it.each(cases)('%s %s %s = $%s to the cent, and within one unit of its last digit', (model, size, quality, text) => {
    const published = Number(text);
    const unit = 10 ** -text.split('.')[1].length;
    const e = estimateCost({ ...base, model: model as ModelId, size, quality: quality as 'low' });
    expect(e.exact).toBe(true);
    expect(cents(e.low)).toBe(cents(published));
    expect(Math.abs(e.low - published)).toBeLessThan(unit);
    const [w, h] = size.split('x').map(Number);
    expect(pricePerImage(model as ModelId, d(w, h), quality)).toBe(e.low);
  });

  it('pricePerImage has no figure for a quality or size the model lacks', () => {
    expect(pricePerImage('gpt-image-2', d(1024, 1024), 'standard')).toBeNull();
    expect(pricePerImage('gpt-image-1', d(2048, 2048), 'high')).toBeNull();
    expect(pricePerImage('dall-e-3', d(1024, 1024), 'hd')).toBe(0.08);
  });

  it('gpt-image-1.5 landscape high: $0.199 (fal) to a tenth of a cent; the other pages’ $0.200 only to the cent', () => {
    const e = estimateCost({ ...base, model: 'gpt-image-1.5', size: '1536x1024' });
    expect(e.low).toBeCloseTo(0.198656, 12);
    expect(cents(e.low)).toBe(cents(0.2));
    expect(Math.abs(e.low - 0.2)).toBeGreaterThan(0.001);
  });
});

describe('gpt-image-2 (api-reference §12)', () => {
  it.each([
    ['1024x1024', 7024],
    ['1536x1024', 5488],
    ['1792x1024', 5063],
    ['3584x2048', 12329],
  ])('reproduces the calculator point %s high = %i tokens, at $30/1M', (size, tokens) => {
    const e = estimateCost({ ...base, model: 'gpt-image-2', size });
    expect(e.breakdown.imageOut.tokens).toEqual({ low: tokens, high: tokens });
    expect(e.low).toBeCloseTo((tokens * 30) / 1e6, 15);
    expect(e.notes.join(' ')).toMatch(/reverse-engineered from OpenAI's pricing calculator/);
  });

  it('agrees with a third-party per-image table (robotsatlas.com) to a tenth of a cent', () => {
    const quoted: [string, 'low' | 'medium' | 'high', number][] = [
      ['1024x1024', 'low', 0.006], ['1024x1024', 'medium', 0.053], ['1024x1024', 'high', 0.211],
      ['1024x1536', 'low', 0.005], ['1024x1536', 'medium', 0.041], ['1024x1536', 'high', 0.165],
    ];
    for (const [size, quality, price] of quoted) {
      expect(Math.abs(estimateCost({ ...base, model: 'gpt-image-2', size, quality }).low - price)).toBeLessThan(0.0006);
    }
  });
});

describe('n and partial images', () => {
  it('multiplies output tokens by n and adds 100 tokens per partial image of each image', () => {
    const e = estimateCost({ ...base, n: 3, partialImages: 2 });
    expect(e.breakdown.imageOut.tokens).toEqual({ low: 3 * 4160, high: 3 * 4160 });
    expect(e.breakdown.partials.tokens).toEqual({ low: 600, high: 600 });
    expect(e.breakdown.partials.dollars.low).toBeCloseTo(0.024, 15);
    expect(e.low).toBeCloseTo(3 * 0.1664 + 0.024, 15);
    expect(e.notes.join(' ')).toMatch(/partial image adds 100 output tokens/);
  });

  it('counts the prompt and the references once, whatever n is', () => {
    const one = estimateCost({ ...base, prompt: 'hello world', inputImages: [d(1024, 1024)] });
    const four = estimateCost({ ...base, prompt: 'hello world', inputImages: [d(1024, 1024)], n: 4 });
    expect(four.breakdown.textIn).toEqual(one.breakdown.textIn);
    expect(four.breakdown.imageIn).toEqual(one.breakdown.imageIn);
    expect(four.breakdown.imageOut.dollars.low).toBeCloseTo(4 * one.breakdown.imageOut.dollars.low, 15);
  });

  it('prices nothing for n = 0 and no partials when not streaming', () => {
    expect(estimateCost({ ...base, n: 0 }).low).toBe(0);
    expect(estimateCost(base).breakdown.partials.dollars).toEqual({ low: 0, high: 0 });
  });
});

describe('input images of edits (api-reference §9.2)', () => {
  it.each([
    [1024, 1024, 'low', 194, 0],
    [1024, 1024, 'high', 4354, 4160],
    [1536, 1024, 'low', 323, 0],
    [1536, 1024, 'high', 6563, 6240],
  ] as const)('%ix%i at %s fidelity = %i tokens (surcharge %i)', (w, h, fidelity, tokens, surcharge) => {
    const e = estimateCost({ ...base, inputImages: [d(w, h)], inputFidelity: fidelity });
    expect(e.breakdown.imageIn.tokens).toEqual({ low: tokens, high: tokens });
    expect(e.breakdown.imageIn.surchargeTokens).toBe(surcharge);
    expect(e.breakdown.imageIn.dollars.low).toBeCloseTo((tokens * 10) / 1e6, 15);
  });

  it('sums several references', () => {
    const e = estimateCost({ ...base, inputImages: [d(1024, 1024), d(1536, 1024)], inputFidelity: 'high' });
    expect(e.breakdown.imageIn).toMatchObject({ images: 2, tokens: { low: 4354 + 6563 }, surchargeTokens: 4160 + 6240 });
  });

  it('reads gpt-image-2 references at high fidelity, whatever was asked', () => {
    const e = estimateCost({ ...base, model: 'gpt-image-2', inputImages: [d(1024, 1024)], inputFidelity: 'low' });
    expect(e.breakdown.imageIn).toMatchObject({ fidelity: 'high', tokens: { low: 4354 } });
    expect(e.breakdown.imageIn.dollars.low).toBeCloseTo((4354 * 8) / 1e6, 15);
  });

  it('counts mini references at low fidelity (mini has no input_fidelity)', () => {
    const e = estimateCost({ ...base, model: 'gpt-image-1-mini', inputImages: [d(1024, 1024)], inputFidelity: 'high' });
    expect(e.breakdown.imageIn.tokens!.low).toBe(194);
    expect(e.notes.join(' ')).toMatch(/no input_fidelity/);
  });
});

describe('prompt tokens (o200k)', () => {
  it.each([
    ['A watercolor painting of a red fox in the snow', 10],
    ['一只在雪地里的红狐狸的水彩画', 12],
    ['hello hello hello hello hello hello hello hello', 8],
  ])('%j is %i tokens (not characters ÷ 4)', (prompt, tokens) => {
    const e = estimateCost({ ...base, prompt });
    expect(e.breakdown.textIn.tokens).toEqual({ low: tokens, high: tokens });
    expect(e.breakdown.textIn.dollars.low).toBeCloseTo((tokens * 5) / 1e6, 15);
    expect(tokens).not.toBe(Math.round(prompt.length / 4));
  });
});

describe('auto', () => {
  it('quality auto gives the low..high range', () => {
    const e = estimateCost({ ...base, quality: 'auto' });
    expect(e.exact).toBe(false);
    expect(e.low).toBeCloseTo(0.01088, 15);
    expect(e.high).toBeCloseTo(0.1664, 15);
    expect(e.qualities).toEqual(['low', 'medium', 'high']);
    expect(e.breakdown.imageOut.tokens).toEqual({ low: 272, high: 4160 });
    expect(e.notes.join(' ')).toMatch(/Quality auto/);
  });

  it('an omitted quality is the model default: auto on GPT image models', () => {
    expect(estimateCost({ ...base, quality: undefined }).exact).toBe(false);
  });

  it('gpt-image-2 auto spans 196..7024 tokens per 1024² image, times n', () => {
    const e = estimateCost({ ...base, model: 'gpt-image-2', quality: 'auto', n: 2 });
    expect(e.breakdown.imageOut.tokens).toEqual({ low: 392, high: 14048 });
  });

  it('size auto on a generation is a square, as the offline API makes it', () => {
    const e = estimateCost({ ...base, size: 'auto' });
    expect(e.size).toEqual(d(1024, 1024));
    expect(e.low).toBeCloseTo(0.1664, 15);
    expect(e.notes.join(' ')).toMatch(/Size auto: estimated at 1024x1024/);
  });

  it("size auto on an edit follows the first reference's shape", () => {
    expect(estimateCost({ ...base, size: 'auto', inputImages: [d(3000, 2000), d(500, 500)] }).size).toEqual(d(1536, 1024));
    const ref = d(1000, 2600);
    const e = estimateCost({ ...base, model: 'gpt-image-2', size: 'auto', inputImages: [ref] });
    expect(e.size).toEqual(resolveAutoSize(getModel('gpt-image-2').endpoints.edit!, ref));
    expect(e.size.height).toBeGreaterThan(e.size.width);
  });

  it('accepts dimensions already resolved', () => {
    expect(estimateCost({ ...base, model: 'gpt-image-2', size: d(1792, 1024) }).breakdown.imageOut.tokens!.low).toBe(5063);
  });
});

describe('dall-e, priced per image', () => {
  it.each([
    ['dall-e-3', '1024x1024', 'standard', 0.04],
    ['dall-e-3', '1792x1024', 'standard', 0.08],
    ['dall-e-3', '1024x1792', 'standard', 0.08],
    ['dall-e-3', '1024x1024', 'hd', 0.08],
    ['dall-e-3', '1792x1024', 'hd', 0.12],
    ['dall-e-3', '1024x1792', 'hd', 0.12],
    ['dall-e-2', '256x256', 'standard', 0.016],
    ['dall-e-2', '512x512', 'standard', 0.018],
    ['dall-e-2', '1024x1024', 'standard', 0.02],
  ] as const)('%s %s %s = $%s', (model, size, quality, price) => {
    const e = estimateCost({ model, size, quality, n: 1, prompt: 'a long prompt that is not billed' });
    expect(e.low).toBe(price);
    expect(e.exact).toBe(true);
    expect(e.breakdown.textIn).toEqual({ tokens: null, dollars: { low: 0, high: 0 } });
    expect(e.breakdown.imageOut.tokens).toBeNull();
  });

  it('multiplies by n, uses the default quality and size when none or auto is given', () => {
    expect(estimateCost({ model: 'dall-e-2', size: '256x256', n: 3, prompt: '' }).low).toBeCloseTo(0.048, 15);
    expect(estimateCost({ model: 'dall-e-3', size: 'auto', quality: 'auto', n: 1, prompt: '' })).toMatchObject({ low: 0.04, size: d(1024, 1024) });
    expect(estimateCost({ model: 'dall-e-2', endpoint: 'variation', size: '512x512', n: 2, prompt: '' }).low).toBe(0.036);
  });
});

describe('what cannot be priced says why', () => {
  it('a size outside the gpt-image-1 token table', () => {
    expect(() => estimateCost({ ...base, size: '2048x2048' })).toThrow(/gpt-image-1 has no token count for 2048x2048/);
  });
  it('a quality the model lacks, or a size that is not WxH', () => {
    expect(() => estimateCost({ ...base, quality: 'hd' })).toThrow(/no quality "hd"/);
    expect(() => estimateCost({ ...base, size: 'big' })).toThrow(/neither auto nor WxH/);
    expect(() => estimateCost({ model: 'dall-e-2', size: '256x256', quality: 'hd', n: 1, prompt: '' })).toThrow(/quality hd/);
  });
});

describe('prices come from the table passed in', () => {
  it('an operator price changes the estimate', () => {
    const prices = { ...DEFAULT_PRICES, 'gpt-image-1': { ...DEFAULT_PRICES['gpt-image-1'], imageOutput: 20, sourceKind: 'override' as const, source: 'Acme' } };
    const e = estimateCost(base, prices);
    expect(e.low).toBeCloseTo(0.0832, 15);
    expect(e.notes.join(' ')).toMatch(/set by the operator \(Acme\)/);
  });

  it('a gateway that bills a GPT model per image: per-image figures, auto quality as a range', () => {
    const prices = { ...DEFAULT_PRICES, 'gpt-image-1': { unit: 'per-image' as const, perImage: { '1024x1024': { low: 0.01, medium: 0.04, high: 0.15 } }, source: 'gw', date: '2026-11-01', sourceKind: 'override' as const } };
    expect(estimateCost({ ...base, quality: 'auto', n: 2 }, prices)).toMatchObject({ low: 0.02, high: 0.3, exact: false });
  });

  it('notes third-party prices', () => {
    expect(estimateCost({ ...base, model: 'gpt-image-1.5' }).notes.join(' ')).toMatch(/third-party/);
    expect(estimateCost(base).notes.join(' ')).not.toMatch(/third-party/);
  });
});

/**
 * Actual cost and estimate, each against figures OpenAI publishes, written here rather than taken from
 * lib/cost/tokens.ts (which both sides read, so comparing them with each other could never fail):
 * - gpt-image-1 output tokens per image, from the Image generation guide, "Cost and latency"
 *   (https://platform.openai.com/docs/guides/image-generation): low 272 / 408 / 400, medium 1056 / 1584 / 1568,
 *   high 4160 / 6240 / 6208 for 1024x1024 / 1024x1536 / 1536x1024; each streamed partial image adds 100;
 * - input image tokens, from the Images and vision guide (https://platform.openai.com/docs/guides/images-vision):
 *   1024x1024 = 194 (4354 at high fidelity), 1536x1024 = 323 (6563 at high fidelity);
 * - prices per 1M tokens from the model pages (https://developers.openai.com/api/docs/models/gpt-image-1 and
 *   .../gpt-image-1-mini): gpt-image-1 $5 text in, $10 image in, $40 image out; mini $2, $2.50, $8.
 * 'A watercolor fox' is 3 prompt tokens (o200k_base).
 */
describe('actual cost from the returned usage, and the estimate, each against published figures', () => {
  const usage = (text: number, image: number, out: number) => ({
    input_tokens: text + image, input_tokens_details: { text_tokens: text, image_tokens: image },
    output_tokens: out, output_tokens_details: { image_tokens: out, text_tokens: 0 }, total_tokens: text + image + out,
  });
  const cases: [string, Partial<EstimateInput>, ReturnType<typeof usage>[], number][] = [
    // $0.011 / $0.042 / $0.167 a 1024x1024 image on the model page; $0.063 for 1536x1024 medium.
    ['low 1024x1024', { quality: 'low' }, [usage(3, 0, 272)], (3 * 5 + 272 * 40) / 1e6],
    ['medium 1536x1024', { quality: 'medium', size: '1536x1024' }, [usage(3, 0, 1568)], (3 * 5 + 1568 * 40) / 1e6],
    ['high 1024x1024', {}, [usage(3, 0, 4160)], (3 * 5 + 4160 * 40) / 1e6],
    ['high 1024x1536', { size: '1024x1536' }, [usage(3, 0, 6240)], (3 * 5 + 6240 * 40) / 1e6],
    // A stream reports one usage block per image, the input counted on the first only.
    ['n = 3 streamed with 2 partials each', { n: 3, partialImages: 2 }, [usage(3, 0, 4360), usage(0, 0, 4360), usage(0, 0, 4360)], (3 * 5 + 3 * 4360 * 40) / 1e6],
    ['an edit of two references at high fidelity', { inputImages: [d(1024, 1024), d(1536, 1024)], inputFidelity: 'high' }, [usage(3, 4354 + 6563, 4160)], (3 * 5 + (4354 + 6563) * 10 + 4160 * 40) / 1e6],
    ['an edit of one reference at low fidelity, medium', { quality: 'medium', inputImages: [d(1024, 1024)] }, [usage(3, 194, 1056)], (3 * 5 + 194 * 10 + 1056 * 40) / 1e6],
  ];

  it.each(cases)('gpt-image-1 %s: the returned usage prices at the published rates, and so does the estimate', (_, over, blocks, dollars) => {
    expect(actualCost('gpt-image-1', blocks)).toBeCloseTo(dollars, 12);
    const e = estimateCost({ ...base, prompt: 'A watercolor fox', ...over });
    expect(e.exact).toBe(true);
    expect(e.low).toBeCloseTo(dollars, 12);
    expect(e.high).toBeCloseTo(dollars, 12);
  });

  it('the per-image price on the model page is the output tokens at $40/1M, to its last digit: $0.011, $0.042, $0.167', () => {
    for (const [quality, published] of [['low', 0.011], ['medium', 0.042], ['high', 0.167]] as const) {
      const e = estimateCost({ ...base, quality });
      expect(Math.abs(e.low - published)).toBeLessThan(0.001);
      expect(Math.abs(actualCost('gpt-image-1', usage(0, 0, { low: 272, medium: 1056, high: 4160 }[quality]))! - published)).toBeLessThan(0.001);
    }
  });

  it('gpt-image-1-mini usage at its own published rates ($2 text, $2.50 image in, $8 image out per 1M)', () => {
    expect(actualCost('gpt-image-1-mini', usage(3, 194, 4500))).toBeCloseTo((3 * 2 + 194 * 2.5 + 4500 * 8) / 1e6, 12);
  });

  it('says the two agree when they do, and by how much when the service billed more', () => {
    const e = estimateCost({ ...base, prompt: 'A watercolor fox' });
    expect(costDifference(e, actualCost('gpt-image-1', [usage(3, 0, 4160)])!)).toMatchObject({ dollars: 0, within: true, summary: 'matches the estimate' });
    // 100 tokens more than the table: one unannounced partial image.
    expect(costDifference(e, actualCost('gpt-image-1', [usage(3, 0, 4260)])!).summary).toBe('+$0.004 (+2.4%) over the estimate');
  });

  it('splits the bill, and prices text output where the model lists a price', () => {
    const usage = { input_tokens: 110, input_tokens_details: { text_tokens: 10, image_tokens: 100 }, output_tokens: 1100, output_tokens_details: { image_tokens: 1000, text_tokens: 100 }, total_tokens: 1210 };
    const b = actualCostBreakdown('gpt-image-1.5', usage)!;
    expect(b.textIn).toBeCloseTo(0.00005, 15);
    expect(b.imageIn).toBeCloseTo(0.0008, 15);
    expect(b.imageOut).toBeCloseTo(0.032, 15);
    expect(b.textOut).toBeCloseTo(0.001, 15);
    expect(b.dollars).toBeCloseTo(0.03385, 15);
  });

  it('reads a usage block without output_tokens_details as all image tokens (it is optional in the spec)', () => {
    expect(actualCost('gpt-image-1', { input_tokens: 0, output_tokens: 4160 })).toBeCloseTo(0.1664, 15);
  });

  it('prices dall-e from what was returned, and says null when it cannot', () => {
    expect(actualCost('dall-e-3', null, DEFAULT_PRICES, { n: 1, size: '1792x1024', quality: 'hd' })).toBe(0.12);
    expect(actualCost('dall-e-2', null, DEFAULT_PRICES, { n: 2, size: '512x512' })).toBe(0.036);
    expect(actualCost('dall-e-3', null)).toBeNull();
    expect(actualCost('gpt-image-1', null)).toBeNull();
    expect(actualCost('gpt-image-1', [])).toBeNull();
  });
});

describe('costDifference', () => {
  it('measures actual − estimate, signed, with a share', () => {
    const over = costDifference({ low: 0.2, high: 0.2 }, 0.21);
    expect(over.dollars).toBeCloseTo(0.01, 15);
    expect(over.relative).toBeCloseTo(0.05, 12);
    expect(over).toMatchObject({ within: false, summary: '+$0.01 (+5.0%) over the estimate' });
    expect(costDifference({ low: 0.04, high: 0.04 }, 0.03).summary).toBe('-$0.01 (-25%) under the estimate');
  });

  it('against a range: 0 inside it, else the distance past the nearer bound', () => {
    const range = { low: 0.01, high: 0.17 };
    expect(costDifference(range, 0.05)).toMatchObject({ dollars: 0, within: true, summary: 'within the estimated range' });
    expect(costDifference(range, 0.2).dollars).toBeCloseTo(0.03, 15);
    expect(costDifference(range, 0.005).dollars).toBeCloseTo(-0.005, 15);
    expect(costDifference({ low: 0, high: 0 }, 0.01).relative).toBeNull();
  });
});

describe('formatUsd', () => {
  it.each([
    [0.0112, '$0.011'], [0.25, '$0.25'], [0.1664, '$0.166'], [0.01088, '$0.011'], [0.1, '$0.10'], [0.005, '$0.005'],
    [0.00004, '$0.00004'], [0.0000522, '$0.000052'], [0.0004996, '$0.0005'], [0.0009996, '$0.001'],
    [1.5, '$1.50'], [1234.567, '$1,234.57'], [0.9996, '$1.00'], [0, '$0.00'], [-0.011, '-$0.011'], [0.0000001, '<$0.000001'],
  ])('%d → %s', (amount, text) => {
    expect(formatUsd(amount)).toBe(text);
  });

  it('signs a difference on request', () => {
    expect(formatUsd(0.011, { signed: true })).toBe('+$0.011');
    expect(formatUsd(-0.011, { signed: true })).toBe('-$0.011');
    expect(formatUsd(0, { signed: true })).toBe('$0.00');
    expect(formatUsd(Number.NaN)).toBe('–');
  });
});
