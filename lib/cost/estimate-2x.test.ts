/**
 * The estimate for gpt-image-2.5 and 2.6 against the figures api-2026-12 §3 gives, written here (not read from
 * lib/cost): $30 per 1M image output tokens and $5 per 1M text input (official model page, MODEL-26); output
 * tokens measured on the official route (3P-laozhang, 2026-11-05): 2.6 at 1536×1024 low 664, high 1,353;
 * 3840×2160 high ≈ 3,337 (≈ $0.10); Flare with quality left out reached ≈ 5,800 for one detailed 1024² prompt.
 */
import { describe, expect, it } from 'vitest';
import { estimateCost, pricePerImage, tableOutputPerImage, type EstimateInput } from './estimate';
import { imagesUsage } from './usage';

const OUT = 30 / 1e6;
const TEXT = 5 / 1e6;
const base: EstimateInput = { model: 'gpt-image-2.6-sunburst', size: '1536x1024', quality: 'high', n: 1, prompt: '' };

describe('published points, priced at the official rates', () => {
  it.each([
    ['gpt-image-2.6-sunburst', 'low', 664],
    ['gpt-image-2.6-sunburst', 'high', 1353],
    ['gpt-image-2.6-flare', 'low', 664],
    ['gpt-image-2.6-flare', 'high', 1353],
  ] as const)('%s 1536x1024 %s: %i tokens at $30/1M', (model, quality, tokens) => {
    const e = estimateCost({ ...base, model, quality });
    expect(e.exact).toBe(true);
    expect(e.breakdown.imageOut.tokens).toEqual({ low: tokens, high: tokens });
    expect(e.low).toBeCloseTo(tokens * OUT, 12);
    expect(e.guessed).toBe(false);
  });

  it('3840x2160 high is about $0.10 (3,337 tokens)', () => {
    const e = estimateCost({ ...base, size: '3840x2160' });
    expect(e.low).toBeCloseTo(3337 * OUT, 12);
    expect(Math.round(e.low * 100)).toBe(10);
  });

  it('adds the prompt at $5/1M and 100 output tokens per partial image', () => {
    // 'A paper crane' is 3 o200k tokens.
    const e = estimateCost({ ...base, prompt: 'A paper crane', partialImages: 2, n: 2 });
    expect(e.low).toBeCloseTo(3 * TEXT + 2 * (1353 + 200) * OUT, 12);
  });

  it('says where the 2.x figures come from', () => {
    const notes = estimateCost(base).notes.join(' ');
    expect(notes).toMatch(/No token table is published for gpt-image-2\.5\/2\.6/);
    expect(notes).toMatch(/3P-laozhang/);
    expect(estimateCost({ ...base, model: 'gpt-image-2.5-flare' }).notes.join(' ')).toMatch(/third-party figures/);
  });

  it('pricePerImage shows the same figures, and xhigh/max on 2.x only', () => {
    expect(pricePerImage('gpt-image-2.6-flare', { width: 1536, height: 1024 }, 'low')).toBeCloseTo(664 * OUT, 12);
    expect(pricePerImage('gpt-image-2.6-flare', { width: 1536, height: 1024 }, 'max')).toBeGreaterThan(1353 * OUT);
    expect(pricePerImage('gpt-image-2', { width: 1024, height: 1024 }, 'xhigh')).toBeNull();
  });
});

describe('xhigh and max: estimates, labelled, with no published figure', () => {
  it.each(['xhigh', 'max'] as const)('%s is priced above high and marked a guess', (quality) => {
    const e = estimateCost({ ...base, quality });
    expect(e.low).toBeGreaterThan(1353 * OUT);
    expect(e.guessed).toBe(true);
    expect(e.notes.join(' ')).toMatch(new RegExp(`Estimate only: no token figure for quality ${quality} is published or measured`));
  });

  it('is refused on models that do not have them', () => {
    expect(() => estimateCost({ ...base, model: 'gpt-image-2', size: '1024x1024', quality: 'xhigh' })).toThrow(RangeError);
  });
});

describe('complexity (2.6): reported to cost nothing extra, unconfirmed', () => {
  it('leaves the figure alone and says so', () => {
    const plain = estimateCost(base);
    const e = estimateCost({ ...base, complexity: 'high' });
    expect(e.low).toBe(plain.low);
    expect(e.notes.join(' ')).toMatch(/Complexity high: reported to cost nothing extra \(3P-laozhang\), unconfirmed/);
    expect(plain.notes.join(' ')).not.toMatch(/Complexity/);
  });
});

describe('quality auto (or left out), per variant', () => {
  it('Sunburst: priced as high, one figure', () => {
    for (const quality of ['auto', undefined] as const) {
      const e = estimateCost({ ...base, quality });
      expect(e.exact).toBe(true);
      expect(e.qualities).toEqual(['high']);
      expect(e.low).toBeCloseTo(1353 * OUT, 12);
      expect(e.notes.join(' ')).toMatch(/Quality auto: priced as high/);
    }
  });

  it('Flare 2.6: a range from low up to the measured ≈5,800 tokens at 1024²', () => {
    const e = estimateCost({ ...base, model: 'gpt-image-2.6-flare', size: '1024x1024', quality: 'auto' });
    expect(e.exact).toBe(false);
    expect(e.qualities).toEqual(['low', 'medium', 'high', 'xhigh', 'max']);
    expect(e.breakdown.imageOut.tokens!.high).toBe(5800);
    expect(e.breakdown.imageOut.tokens!.low).toBe(estimateCost({ ...base, model: 'gpt-image-2.6-flare', size: '1024x1024', quality: 'low' }).low / OUT);
    expect(e.notes.join(' ')).toMatch(/Quality auto: a range from low to max\. .*Flare picks.*5,800/);
    expect(e.guessed).toBe(true);
  });

  it('Flare 2.5: low..max of its own figures', () => {
    const e = estimateCost({ ...base, model: 'gpt-image-2.5-flare', quality: 'auto' });
    expect(e.low).toBeCloseTo(estimateCost({ ...base, model: 'gpt-image-2.5-flare', quality: 'low' }).low, 12);
    expect(e.high).toBeCloseTo(estimateCost({ ...base, model: 'gpt-image-2.5-flare', quality: 'max' }).low, 12);
  });

  it('gpt-image-2: low..high as before', () => {
    const e = estimateCost({ ...base, model: 'gpt-image-2', size: '1024x1024', quality: 'auto' });
    expect(e.breakdown.imageOut.tokens).toEqual({ low: 196, high: 7024 });
  });
});

describe('ids the registry does not know', () => {
  it('a dated 2.6 snapshot is priced as 2.6, and says so', () => {
    const e = estimateCost({ ...base, model: 'gpt-image-2.6-sunburst-2027-01-01' });
    expect(e.low).toBeCloseTo(1353 * OUT, 12);
    expect(e.notes.join(' ')).toMatch(/not in the registry: priced as gpt-image-2\.6-sunburst/);
  });
});

it("tableOutputPerImage: the table's figure for one image with its partials, or null for a range", () => {
  expect(tableOutputPerImage('gpt-image-2.6-sunburst', { width: 1536, height: 1024 }, 'low', 2)).toBe(864);
  expect(tableOutputPerImage('gpt-image-2.6-sunburst', { width: 1536, height: 1024 }, 'auto', 0)).toBe(1353);
  expect(tableOutputPerImage('gpt-image-2.6-flare', { width: 1536, height: 1024 }, 'auto', 0)).toBeNull();
  expect(tableOutputPerImage('dall-e-3', { width: 1024, height: 1024 }, 'standard', 0)).toBeNull();
});

it('2.x reads references at high fidelity: 1024² is 194 + 4,160 tokens, in the estimate and in the usage the offline API reports', () => {
  for (const model of ['gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2'] as const) {
    const e = estimateCost({ ...base, model, size: '1024x1024', inputImages: [{ width: 1024, height: 1024 }] });
    expect(e.breakdown.imageIn.tokens, model).toEqual({ low: 4354, high: 4354 });
    expect(e.notes.join(' '), model).toMatch(/reads reference images at high fidelity/);
    const u = imagesUsage({ model, prompt: '', size: { width: 1024, height: 1024 }, quality: 'high', n: 1, partialImages: 0, inputImages: [{ width: 1024, height: 1024 }] });
    expect(u?.input_tokens_details.image_tokens, model).toBe(4354);
  }
});
