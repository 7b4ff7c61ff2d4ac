import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../models/registry';
import { DEFAULT_PRICES, pricingFor, TOKEN_PRICE_FIELDS, TOKEN_PRICE_LABELS, tokenDollars } from './pricing';

describe('the default price table (api-reference §9.3, §12)', () => {
  it('prices every model in the registry, and nothing else', () => {
    expect(Object.keys(DEFAULT_PRICES).sort()).toEqual(MODELS.map((m) => m.id).sort());
  });

  it('gives every entry a source and an ISO date', () => {
    for (const [model, p] of Object.entries(DEFAULT_PRICES)) {
      expect(p.source.length, model).toBeGreaterThan(10);
      expect(p.date, model).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['official', 'third-party'], model).toContain(p.sourceKind);
    }
  });

  it('bills per image exactly the models the registry counts no tokens for', () => {
    for (const m of MODELS) expect(DEFAULT_PRICES[m.id].unit === 'per-image', m.id).toBe(m.outputTokens === 'per-image');
  });

  it('has a per-image price for every size and quality dall-e accepts on generations', () => {
    for (const m of MODELS.filter((x) => x.family === 'dall-e')) {
      const p = DEFAULT_PRICES[m.id];
      if (p.unit !== 'per-image') throw new Error('expected per-image');
      const caps = m.endpoints.generate!;
      for (const size of caps.sizes) for (const q of caps.qualities) expect(p.perImage[size]?.[q], `${m.id} ${size} ${q}`).toBeGreaterThan(0);
    }
  });

  it('holds the figures of §9.3 and §12', () => {
    const pick = (id: keyof typeof DEFAULT_PRICES) => {
      const p = DEFAULT_PRICES[id];
      if (p.unit !== 'per-1m-tokens') throw new Error('expected tokens');
      return [p.textInput, p.cachedTextInput, p.imageInput, p.cachedImageInput, p.imageOutput];
    };
    expect(pick('gpt-image-1')).toEqual([5, 1.25, 10, 2.5, 40]);
    expect(pick('gpt-image-1-mini')).toEqual([2, 0.2, 2.5, 0.25, 8]);
    expect(pick('gpt-image-1.5')).toEqual([5, 1.25, 8, 2, 32]);
    expect(pick('gpt-image-2')).toEqual([5, 1.25, 8, 2, 30]);
    expect(DEFAULT_PRICES['gpt-image-1'].sourceKind).toBe('official');
    expect(DEFAULT_PRICES['gpt-image-1-mini'].sourceKind).toBe('official');
    expect(DEFAULT_PRICES['gpt-image-1.5'].sourceKind).toBe('third-party');
    expect(DEFAULT_PRICES['gpt-image-2'].sourceKind).toBe('third-party');
  });

  it('holds the December 2026 figures (api-2026-12 §3): 2.6 from the official model page, 2.5 third-party', () => {
    const pick = (id: keyof typeof DEFAULT_PRICES) => {
      const p = DEFAULT_PRICES[id];
      if (p.unit !== 'per-1m-tokens') throw new Error('expected tokens');
      return [p.textInput, p.cachedTextInput, p.imageInput, p.cachedImageInput, p.imageOutput];
    };
    // MODEL-26: $5.00 ($1.25 cached) text in, $8.00 ($2.00 cached) image in, $30.00 image out per 1M.
    for (const id of ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare'] as const) {
      expect(pick(id), id).toEqual([5, 1.25, 8, 2, 30]);
      expect(DEFAULT_PRICES[id].sourceKind, id).toBe('official');
      expect(DEFAULT_PRICES[id].source, id).toMatch(/developers\.openai\.com\/api\/docs\/models\/gpt-image-2\.6/);
    }
    // 3P-apiyi-2.5 and 3P-apidog, both citing the pricing page: $5 ($1.25), $8 ($2), $30.
    for (const id of ['gpt-image-2.5-sunburst', 'gpt-image-2.5-flare'] as const) {
      expect(pick(id), id).toEqual([5, 1.25, 8, 2, 30]);
      expect(DEFAULT_PRICES[id].sourceKind, id).toBe('third-party');
      expect(DEFAULT_PRICES[id].source, id).toMatch(/apiyi.*apidog.*pricing/);
    }
  });

  it('says on each retired model when OpenAI shut it down (Azure and gateways may still serve it)', () => {
    expect(DEFAULT_PRICES['gpt-image-1'].note).toMatch(/Shut down on OpenAI 2026-10-23/);
    expect(DEFAULT_PRICES['gpt-image-1.5'].note).toMatch(/Shut down on OpenAI 2026-12-01/);
    expect(DEFAULT_PRICES['gpt-image-1-mini'].note).toMatch(/Shut down on OpenAI 2026-12-01/);
    expect(DEFAULT_PRICES['dall-e-3'].note).toMatch(/2026-05-12/);
  });

  it('prices an id the registry does not know as the model whose rules it borrows', () => {
    expect(pricingFor('gpt-image-2.6-sunburst')).toEqual({ pricing: DEFAULT_PRICES['gpt-image-2.6-sunburst'] });
    expect(pricingFor('gpt-image-2.6-flare-2027-01-01')).toEqual({ pricing: DEFAULT_PRICES['gpt-image-2.6-flare'], borrowedFrom: 'gpt-image-2.6-flare' });
    expect(pricingFor('gpt-image-2.7-test')?.borrowedFrom).toBe('gpt-image-2');
    expect(pricingFor('flux-pro')).toBeNull();
  });

  it('is plain data: it survives JSON unchanged, so the UI can render and ship it', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_PRICES))).toEqual(DEFAULT_PRICES);
  });

  it('labels every token price field', () => {
    for (const f of TOKEN_PRICE_FIELDS) expect(TOKEN_PRICE_LABELS[f]).toBeTruthy();
  });

  it('stays importable in the browser: no node: imports', () => {
    const src = readFileSync(new URL('./pricing.ts', import.meta.url), 'utf8');
    expect(src).not.toMatch(/from ['"]node:/);
    const est = readFileSync(new URL('./estimate.ts', import.meta.url), 'utf8');
    expect(est).not.toMatch(/from ['"](node:|\.\/overrides)/);
  });
});

it('tokenDollars: tokens × dollars per 1M, unrounded', () => {
  expect(tokenDollars(4160, 40)).toBeCloseTo(0.1664, 12);
  expect(tokenDollars(1, 2)).toBe(0.000002);
  expect(tokenDollars(0, 40)).toBe(0);
});
