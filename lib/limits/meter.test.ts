import { describe, expect, it } from 'vitest';
import { actualCost } from '../cost/estimate';
import { DEFAULT_PRICES, type TokenPricing } from '../cost/pricing';
import { imagesUsage } from '../cost/usage';
import { CostMeter } from './meter';

const usage = imagesUsage({ model: 'gpt-image-1', prompt: 'a fox', size: { width: 1024, height: 1024 }, quality: 'medium', n: 1, partialImages: 2 })!;
const perPartial = (100 * (DEFAULT_PRICES['gpt-image-1'] as TokenPricing).imageOutput) / 1e6;

function meter(model: 'gpt-image-1' | 'dall-e-3' = 'gpt-image-1', fallback = 0.5) {
  return new CostMeter(model, DEFAULT_PRICES, { size: '1024x1024', quality: 'medium' }, fallback);
}

describe('CostMeter', () => {
  it('settles a finished request at its returned usage, priced at the published gpt-image-1 rates', () => {
    // A usage block as the service returns it: 1024² medium is 1056 image tokens (OpenAI image guide, "Cost and
    // latency"), plus 100 per partial image (2 here); 7 prompt tokens. Prices: $5 / 1M text in, $40 / 1M image
    // out (openai.com/api/pricing, gpt-image-1). Written here, not read from lib/cost.
    const returned = { input_tokens: 7, input_tokens_details: { text_tokens: 7, image_tokens: 0 }, output_tokens: 1256, output_tokens_details: { image_tokens: 1256, text_tokens: 0 }, total_tokens: 1263 };
    const m = meter();
    m.observe({ type: 'started' });
    m.observe({ type: 'partial', tile: 0 });
    m.observe({ type: 'partial', tile: 0 });
    m.observe({ type: 'completed', tile: 0, usage: returned });
    expect(m.outcome()).toMatchObject({ status: 'ok', code: null });
    expect(m.outcome().actualUsd).toBeCloseTo((1256 * 40 + 7 * 5) / 1e6, 12);
  });

  it('charges the partials of an image cut off mid-stream, and calls it failed', () => {
    const m = meter();
    m.observe({ type: 'partial', tile: 0 });
    m.observe({ type: 'error', tile: 0, error: { code: 'stream_incomplete' } });
    expect(m.outcome()).toEqual({ status: 'failed', code: 'stream_incomplete', actualUsd: perPartial });
  });

  it('adds a cancelled tile’s partials to the finished tiles’ usage', () => {
    const m = meter();
    m.observe({ type: 'completed', tile: 0, usage });
    m.observe({ type: 'partial', tile: 1 });
    m.observe({ type: 'partial', tile: 1 });
    m.observe({ type: 'cancelled', tile: 1 });
    const o = m.outcome();
    expect(o.status).toBe('cancelled');
    expect(o.actualUsd).toBeCloseTo(actualCost('gpt-image-1', usage)! + 2 * perPartial, 12);
  });

  it('costs nothing when refused upstream before any image', () => {
    const m = meter();
    m.observe({ type: 'error', tile: null, error: { code: 'moderation_blocked' } });
    expect(m.outcome()).toEqual({ status: 'failed', code: 'moderation_blocked', actualUsd: 0 });
  });

  it('prices per-image models by the images that came back, at the echoed size', () => {
    const m = new CostMeter('dall-e-3', DEFAULT_PRICES, { size: '1024x1024', quality: 'hd' }, 0.5);
    m.observe({ type: 'completed', tile: 0, usage: null, echoed: { size: '1792x1024' } });
    expect(m.outcome().actualUsd).toBe(actualCost('dall-e-3', null, DEFAULT_PRICES, { n: 1, size: '1792x1024', quality: 'hd' }));
  });

  it('falls back to the estimate for an image that came back without usage (a gateway that omits it)', () => {
    const m = meter('gpt-image-1', 0.25);
    m.observe({ type: 'completed', tile: 0, usage: null });
    m.observe({ type: 'completed', tile: 1, usage: null });
    expect(m.outcome().actualUsd).toBe(0.5);
  });
});
