import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimateCost } from './estimate';
import { applyPriceOverrides, loadPriceOverrides, PricingOverrideError } from './overrides';
import { DEFAULT_PRICES, type TokenPricing } from './pricing';

const today = '2026-11-05';
const load = (env: Record<string, string>, files: Record<string, string> = {}) =>
  loadPriceOverrides(env, {
    today,
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return files[p];
    },
  });
const tokens = (p: unknown) => p as TokenPricing;

describe('loadPriceOverrides', () => {
  it('gives the defaults when nothing is set (or only blanks)', () => {
    expect(load({})).toBe(DEFAULT_PRICES);
    expect(load({ PRICING_OVERRIDES: '  ', PRICING_FILE: '' })).toBe(DEFAULT_PRICES);
  });

  it('merges PRICING_OVERRIDES field by field over the defaults', () => {
    const t = load({ PRICING_OVERRIDES: '{"gpt-image-2": {"imageOutput": 25, "source": "Acme gateway", "date": "2026-11-01"}}' });
    expect(tokens(t['gpt-image-2'])).toMatchObject({ imageOutput: 25, textInput: 5, imageInput: 8, source: 'Acme gateway', date: '2026-11-01', sourceKind: 'override' });
    expect(tokens(t['gpt-image-2']).note).toMatch(/Set by the operator: imageOutput; textInput, .* from xairouter/);
    expect(t['gpt-image-1']).toBe(DEFAULT_PRICES['gpt-image-1']);
    expect(tokens(DEFAULT_PRICES['gpt-image-2']).imageOutput).toBe(30);
  });

  it('stamps an override without source or date with where and when it was loaded', () => {
    const t = load({ PRICING_OVERRIDES: '{"gpt-image-1": {"textInput": 4}}' });
    expect(t['gpt-image-1']).toMatchObject({ source: 'operator override (PRICING_OVERRIDES)', date: today });
  });

  it('accepts a model alias as the key', () => {
    expect(tokens(load({ PRICING_OVERRIDES: '{"gpt-image-2-2026-04-21": {"imageOutput": 20}}' })['gpt-image-2']).imageOutput).toBe(20);
  });

  it('reads PRICING_FILE, and lets PRICING_OVERRIDES win over it', () => {
    const files = { '/etc/prices.json': '{"gpt-image-1": {"imageOutput": 30, "imageInput": 9}}' };
    const fromFile = load({ PRICING_FILE: '/etc/prices.json' }, files);
    expect(tokens(fromFile['gpt-image-1'])).toMatchObject({ imageOutput: 30, imageInput: 9, source: 'operator override (PRICING_FILE /etc/prices.json)' });
    const both = load({ PRICING_FILE: '/etc/prices.json', PRICING_OVERRIDES: '{"gpt-image-1": {"imageOutput": 35}}' }, files);
    expect(tokens(both['gpt-image-1'])).toMatchObject({ imageOutput: 35, imageInput: 9 });
  });

  describe('with a real file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pricing-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('reads it from disk', () => {
      const path = join(dir, 'prices.json');
      writeFileSync(path, JSON.stringify({ 'gpt-image-1-mini': { imageOutput: 10 } }));
      expect(tokens(loadPriceOverrides({ PRICING_FILE: path })['gpt-image-1-mini']).imageOutput).toBe(10);
      expect(() => loadPriceOverrides({ PRICING_FILE: join(dir, 'nope.json') })).toThrow(/PRICING_FILE: cannot read .*nope\.json \(ENOENT\)/);
    });
  });

  it('merges per-image prices size by size', () => {
    const t = load({ PRICING_OVERRIDES: '{"dall-e-3": {"perImage": {"1024x1024": {"standard": 0.03}}}}' });
    expect(t['dall-e-3']).toMatchObject({ unit: 'per-image', perImage: { '1024x1024': { standard: 0.03, hd: 0.08 }, '1792x1024': { standard: 0.08, hd: 0.12 } }, sourceKind: 'override' });
  });

  it('switches a token-billed model to per-image billing for a gateway that charges so', () => {
    const t = load({ PRICING_OVERRIDES: '{"gpt-image-1": {"perImage": {"1024x1024": {"low": 0.01, "medium": 0.04, "high": 0.15}}}}' });
    expect(t['gpt-image-1']).toMatchObject({ unit: 'per-image', perImage: { '1024x1024': { high: 0.15 } } });
    expect(estimateCost({ model: 'gpt-image-1', size: '1024x1024', quality: 'high', n: 2, prompt: 'x' }, t).low).toBe(0.3);
  });

  it('feeds the estimator', () => {
    const t = load({ PRICING_OVERRIDES: '{"gpt-image-1": {"imageOutput": 20}}' });
    expect(estimateCost({ model: 'gpt-image-1', size: '1024x1024', quality: 'high', n: 1, prompt: '' }, t).low).toBeCloseTo(0.0832, 15);
  });
});

describe('malformed overrides are refused, naming the model and field', () => {
  it.each([
    ['{"gpt-image-2": {"imageOutput": 25,}}', /^PRICING_OVERRIDES is not valid JSON/],
    ['[1, 2]', /PRICING_OVERRIDES must be a JSON object keyed by model/],
    ['{"gpt-image-9": {"imageOutput": 1}}', /unknown model "gpt-image-9"; use one of gpt-image-2.6-sunburst, /],
    ['{"gpt-image-2": 30}', /PRICING_OVERRIDES: gpt-image-2 must be an object of prices/],
    ['{"gpt-image-2": {"imageOut": 30}}', /gpt-image-2\.imageOut is not a price field; use textInput, /],
    ['{"gpt-image-2": {"imageOutput": "30"}}', /gpt-image-2\.imageOutput must be a non-negative number of dollars per 1M tokens \(got "30"\)/],
    ['{"gpt-image-1": {"textInput": -1}}', /gpt-image-1\.textInput must be a non-negative number .*\(got -1\)/],
    ['{"gpt-image-1": {"source": 5}}', /gpt-image-1\.source must be a string/],
    ['{"dall-e-3": {"imageOutput": 30}}', /dall-e-3\.imageOutput: dall-e-3 is priced per image, not per token; give perImage/],
    ['{"gpt-image-1": {"imageOutput": 30, "perImage": {}}}', /gpt-image-1: give either perImage or per-token prices \(imageOutput\), not both/],
    ['{"dall-e-2": {"perImage": {"big": {"standard": 1}}}}', /dall-e-2\.perImage: "big" is not a size; use WxH/],
    ['{"dall-e-2": {"perImage": {"256x256": {"ultra": 1}}}}', /dall-e-2\.perImage\.256x256: "ultra" is not a quality/],
    ['{"dall-e-2": {"perImage": {"256x256": {"standard": null}}}}', /dall-e-2\.perImage\.256x256\.standard must be a non-negative number of dollars per image \(got null\)/],
    ['{"dall-e-2": {"perImage": [0.02]}}', /dall-e-2\.perImage must be an object of size → quality → dollars/],
  ])('%s', (json, message) => {
    expect(() => load({ PRICING_OVERRIDES: json })).toThrow(PricingOverrideError);
    expect(() => load({ PRICING_OVERRIDES: json })).toThrow(message);
  });

  it('names the file a mistake is in', () => {
    expect(() => load({ PRICING_FILE: '/p.json' }, { '/p.json': '{"gpt-image-1": {"imageOutput": "x"}}' })).toThrow(
      /^PRICING_FILE \/p\.json: gpt-image-1\.imageOutput must be/,
    );
    expect(() => load({ PRICING_FILE: '/missing.json' })).toThrow('PRICING_FILE: cannot read /missing.json (ENOENT)');
  });

  it('does not touch the defaults when refusing', () => {
    const before = JSON.stringify(DEFAULT_PRICES);
    expect(() => applyPriceOverrides(DEFAULT_PRICES, { 'gpt-image-1': { imageOutput: 1 }, 'dall-e-3': { imageOutput: 1 } }, 'test')).toThrow();
    expect(JSON.stringify(DEFAULT_PRICES)).toBe(before);
  });
});
