import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimate';
import { gifSheet, svgActualCost, estimateSvgAuthoring } from './gif-svg';
import { outputImageTokens } from './tokens';
import { tokenDollars } from './pricing';

describe('GIF cost: one image the size of the frame sheet', () => {
  it('lays 9 frames on 3×3, 12 on 4×3, 16 on 4×4 and 2 on 2×1', () => {
    expect(gifSheet({ width: 960, height: 960 }, 9).sheet).toEqual({ width: 2880, height: 2880 });
    expect(gifSheet({ width: 816, height: 816 }, 12).sheet).toEqual({ width: 3264, height: 2448 });
    expect(gifSheet({ width: 720, height: 720 }, 16).sheet).toEqual({ width: 2880, height: 2880 });
    expect(gifSheet({ width: 512, height: 512 }, 2).sheet).toEqual({ width: 1024, height: 512 });
  });

  it('prices the sheet, not one frame, and says it is inferred', () => {
    const e = estimateCost({ model: 'gpt-image-2.6-sunburst', size: '512x512', quality: 'low', n: 1, prompt: 'a cat', gif: { frames: 4 } });
    const sheetTokens = outputImageTokens('gpt-image-2.6-sunburst', { width: 1024, height: 1024 }, 'low')!;
    expect(e.breakdown.imageOut.tokens).toEqual({ low: sheetTokens, high: sheetTokens });
    expect(e.size).toEqual({ width: 1024, height: 1024 });
    expect(e.gif?.cols).toBe(2);
    expect(e.notes.join(' ')).toMatch(/4 frames of 512x512 priced as one 1024x1024 image.*not confirmed/);
    const still = estimateCost({ model: 'gpt-image-2.6-sunburst', size: '512x512', quality: 'low', n: 1, prompt: 'a cat' });
    expect(e.high).toBeGreaterThan(still.high);
  });

  it('estimates an auto frame at the largest square for the count', () => {
    const e = estimateCost({ model: 'gpt-image-2.6-flare', size: 'auto', quality: 'high', n: 1, prompt: 'x', gif: { frames: 12 } });
    expect(e.gif?.frame).toEqual({ width: 816, height: 816 });
    expect(e.size).toEqual({ width: 3264, height: 2448 });
  });
});

describe('SVG cost: image usage plus svg_usage at the authoring model’s text rates', () => {
  it('adds a second line for gpt-6-luna at $0.10/$0.50 per 1M', () => {
    const image = estimateCost({ model: 'gpt-image-2.6-sunburst', size: '1024x1024', quality: 'low', n: 1, prompt: 'a fox' });
    const e = estimateCost({ model: 'gpt-image-2.6-sunburst', size: '1024x1024', quality: 'low', n: 1, prompt: 'a fox', svg: { model: 'gpt-6-luna', effort: 'low' } });
    const line = e.svgAuthoring!;
    expect(line.rates).toMatchObject({ input: 0.1, output: 0.5 });
    expect(line.dollars!.high).toBeGreaterThan(line.dollars!.low);
    expect(e.low).toBeCloseTo(image.low + line.dollars!.low, 10);
    expect(e.high).toBeCloseTo(image.high + line.dollars!.high, 10);
    expect(e.exact).toBe(false);
  });

  it('says an authoring model without known rates is not priced, and adds nothing for it', () => {
    const image = estimateCost({ model: 'gpt-image-2.6-sunburst', size: '1024x1024', quality: 'low', n: 1, prompt: 'a fox' });
    const e = estimateCost({ model: 'gpt-image-2.6-sunburst', size: '1024x1024', quality: 'low', n: 1, prompt: 'a fox', svg: { model: 'gpt-6.1-sol' } });
    expect(e.svgAuthoring?.dollars).toBeNull();
    expect(e.notes.join(' ')).toMatch(/gpt-6\.1-sol: not priced/);
    expect(e.low).toBeCloseTo(image.low, 10);
    expect(estimateSvgAuthoring('gpt-6-astra', 'high', 'x').dollars).toBeNull();
  });

  it('prices svg_usage from the returned tokens', () => {
    expect(svgActualCost('gpt-6-luna', { input_tokens: 1200, output_tokens: 8000 })).toBeCloseTo(tokenDollars(1200, 0.1) + tokenDollars(8000, 0.5), 12);
    expect(svgActualCost('gpt-6.1-terra', { input_tokens: 1, output_tokens: 1 })).toBeNull();
    expect(svgActualCost('gpt-6-luna', null)).toBeNull();
  });
});
