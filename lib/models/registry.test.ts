import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, findModel, getModel, MODEL_IDS, MODELS, modelsFor, UNCONFIRMED_OFFERED } from './registry';

/** The GPT image models whose qualities stop at high (gpt-image-2 and the retired 1.x, still in the registry). */
const GPT = ['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini'] as const;
const GPT_26 = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare'] as const;
const GPT_25 = ['gpt-image-2.5-sunburst', 'gpt-image-2.5-flare'] as const;
/** Every model on the 2.x custom-size rule. */
const GPT_2X = [...GPT_26, ...GPT_25, 'gpt-image-2'] as const;

/**
 * Published facts (api-2026-12 §2.1), written out here rather than read from the registry, so a registry change
 * that drifts from them fails.
 */
const PUBLISHED = {
  qualities25and26: ['auto', 'low', 'medium', 'high', 'xhigh', 'max'],
  qualities2: ['auto', 'low', 'medium', 'high'],
  complexities26: ['low', 'medium', 'high'],
  sizeRule: { multiple: 16, maxEdge: 3840, minPixels: 655_360, maxPixels: 8_294_400, maxAspect: 3 },
  n: { min: 1, max: 10 },
  partialImages: { min: 0, max: 3 },
  outputFormats: ['png', 'jpeg', 'webp'],
  moderation: ['auto', 'low'],
  promptMax: 32_000,
};

describe('model registry', () => {
  it('lists the ten models, current ones first, with gpt-image-2.6-sunburst as the default', () => {
    expect(MODEL_IDS).toEqual([
      'gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2',
      'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-3', 'dall-e-2',
    ]);
    expect(DEFAULT_MODEL).toBe('gpt-image-2.6-sunburst');
    expect(getModel(DEFAULT_MODEL).endpoints.generate).toBeDefined();
  });

  it('marks every listed model as in the registry, borrowing from none', () => {
    for (const m of MODELS) {
      expect(m.inRegistry, m.id).toBe(true);
      expect(m.familyOf, m.id).toBeUndefined();
    }
  });

  it.each(GPT)('%s generates at auto and the three 1024-based sizes, qualities auto/low/medium/high, n 1..10', (id) => {
    const caps = getModel(id).endpoints.generate!;
    expect([...caps.sizes].sort()).toEqual(['1024x1024', '1024x1536', '1536x1024', 'auto']);
    expect([...caps.qualities].sort()).toEqual(['auto', 'high', 'low', 'medium']);
    expect(caps.n).toEqual({ min: 1, max: 10 });
    expect(caps.promptMax).toBe(32_000);
    expect(caps.outputFormats).toEqual(['png', 'jpeg', 'webp']);
    expect(caps.transparentFormats).toEqual(['png', 'webp']);
    expect(caps.moderation).toEqual(['auto', 'low']);
    expect(caps.partialImages).toEqual({ min: 0, max: 3 });
    expect(caps.responseFormats).toBeUndefined();
    expect(caps.styles).toBeUndefined();
    expect(caps.complexities).toBeUndefined();
  });

  it('gives the 2.x models (2, 2.5, 2.6) the custom size rule on every endpoint, and no other model', () => {
    for (const id of GPT_2X) {
      for (const [endpoint, caps] of Object.entries(getModel(id).endpoints)) expect(caps!.customSize, `${id} ${endpoint}`).toEqual(PUBLISHED.sizeRule);
    }
    for (const id of MODEL_IDS.filter((m) => !(GPT_2X as readonly string[]).includes(m))) {
      for (const caps of Object.values(getModel(id).endpoints)) expect(caps!.customSize, id).toBeUndefined();
    }
  });

  it('dall-e-3 takes 1024x1024, 1792x1024 and 1024x1792, standard/hd, n = 1 only, 4000-char prompts', () => {
    const caps = getModel('dall-e-3').endpoints.generate!;
    expect([...caps.sizes].sort()).toEqual(['1024x1024', '1024x1792', '1792x1024']);
    expect([...caps.qualities].sort()).toEqual(['hd', 'standard']);
    expect(caps.n).toEqual({ min: 1, max: 1 });
    expect(caps.promptMax).toBe(4000);
    expect(caps.styles).toEqual(['vivid', 'natural']);
    expect(caps.responseFormats).toEqual(['url', 'b64_json']);
    expect(caps.outputFormats).toBeUndefined();
  });

  it('dall-e-2 takes square 256/512/1024, standard only, n 1..10, 1000-char prompts', () => {
    const caps = getModel('dall-e-2').endpoints.generate!;
    expect(caps.sizes).toEqual(['256x256', '512x512', '1024x1024']);
    expect(caps.qualities).toEqual(['standard']);
    expect(caps.n).toEqual({ min: 1, max: 10 });
    expect(caps.promptMax).toBe(1000);
    expect(caps.backgrounds).toBeUndefined();
  });

  it('GPT image edits take up to 16 png/jpeg/webp references of 50 MB and a 4 MB mask', () => {
    for (const id of [...GPT_2X, ...GPT.slice(1)]) {
      const edit = getModel(id).endpoints.edit!;
      expect(edit.images, id).toEqual({ maxCount: 16, maxBytes: 50 * 1024 * 1024, types: ['png', 'jpeg', 'webp'], square: false });
      expect(edit.mask, id).toEqual({ maxBytes: 4 * 1024 * 1024 });
      expect(edit.sizes, id).toEqual(getModel(id).endpoints.generate!.sizes);
      expect(edit.qualities, id).toEqual(getModel(id).endpoints.generate!.qualities);
      expect(edit.n, id).toEqual({ min: 1, max: 10 });
      expect(edit.moderation, id).toBeUndefined();
    }
  });

  it('offers input_fidelity on gpt-image-1 and 1.5 edits, not on mini nor any 2.x model', () => {
    expect(getModel('gpt-image-1').endpoints.edit!.inputFidelity).toEqual(['low', 'high']);
    expect(getModel('gpt-image-1.5').endpoints.edit!.inputFidelity).toEqual(['low', 'high']);
    expect(getModel('gpt-image-1-mini').endpoints.edit!.inputFidelity).toBeUndefined();
    for (const id of GPT_2X) {
      for (const caps of Object.values(getModel(id).endpoints)) expect(caps!.inputFidelity, id).toBeUndefined();
    }
    expect(getModel('gpt-image-1').endpoints.generate!.inputFidelity).toBeUndefined();
  });

  it('dall-e-2 edits and variations want one square PNG under 4 MB', () => {
    for (const ep of ['edit', 'variation'] as const) {
      expect(getModel('dall-e-2').endpoints[ep]!.sizes).toEqual(['256x256', '512x512', '1024x1024']);
      expect(getModel('dall-e-2').endpoints[ep]!.n).toEqual({ min: 1, max: 10 });
      expect(getModel('dall-e-2').endpoints[ep]!.images).toEqual({ maxCount: 1, maxBytes: 4 * 1024 * 1024, types: ['png'], square: true });
    }
    expect(getModel('dall-e-2').endpoints.edit!.maskFromImageAlpha).toBe(true);
  });

  it('only dall-e-2 has variations; dall-e-3 has no edits; every GPT image model edits', () => {
    expect(modelsFor('variation').map((m) => m.id)).toEqual(['dall-e-2']);
    expect(modelsFor('edit').map((m) => m.id)).toEqual([
      'gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2',
      'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-2',
    ]);
    expect(getModel('dall-e-3').endpoints.edit).toBeUndefined();
  });

  it('the Responses tool never makes more than one image', () => {
    for (const m of MODELS.filter((x) => x.endpoints.responses)) expect(m.endpoints.responses!.n).toEqual({ min: 1, max: 1 });
  });

  it('finds models by their dated snapshot aliases and refuses unknown ids', () => {
    expect(findModel('gpt-image-2-2026-04-21')?.id).toBe('gpt-image-2');
    expect(findModel('gpt-image-2.5-sunburst-2026-09-08')?.id).toBe('gpt-image-2.5-sunburst');
    expect(findModel('gpt-image-2.5-flare-2026-09-08')?.id).toBe('gpt-image-2.5-flare');
    expect(findModel('gpt-image-2.5-sunburst-2026-09-08')?.inRegistry).toBe(true);
    expect(findModel('gpt-image-1.5-2025-12-16')).toBe(getModel('gpt-image-1.5'));
    expect(findModel('gpt-image-3')).toBeUndefined();
    expect(() => getModel('nope' as never)).toThrow(/Unknown model nope/);
  });

  it('prices gpt-image-2 by formula, 2.5 and 2.6 by their fits, gpt-image-1/1.5 by the table, dall-e per image', () => {
    expect(getModel('gpt-image-2.6-sunburst').outputTokens).toBe('gpt-image-2.6-fit');
    expect(getModel('gpt-image-2.6-flare').outputTokens).toBe('gpt-image-2.6-fit');
    expect(getModel('gpt-image-2.5-sunburst').outputTokens).toBe('gpt-image-2.5-fit');
    expect(getModel('gpt-image-2.5-flare').outputTokens).toBe('gpt-image-2.5-fit');
    expect(getModel('gpt-image-2').outputTokens).toBe('gpt-image-2-formula');
    expect(getModel('gpt-image-1').outputTokens).toBe('gpt-image-1-table');
    expect(getModel('gpt-image-1.5').outputTokens).toBe('gpt-image-1-table');
    expect(getModel('gpt-image-1-mini').outputTokens).toBe('gpt-image-1-mini-table');
    expect(getModel('dall-e-3').outputTokens).toBe('per-image');
  });
});

describe('the 2.5 and 2.6 rows against the published matrix (api-2026-12 §2.1)', () => {
  it.each([...GPT_26, ...GPT_25])('%s generates and edits with qualities up to xhigh and max', (id) => {
    for (const endpoint of ['generate', 'edit'] as const) {
      expect([...getModel(id).endpoints[endpoint]!.qualities].sort(), `${id} ${endpoint}`).toEqual([...PUBLISHED.qualities25and26].sort());
    }
  });

  it('gpt-image-2 has no xhigh or max, on any endpoint', () => {
    for (const [endpoint, caps] of Object.entries(getModel('gpt-image-2').endpoints)) {
      expect([...caps!.qualities].sort(), endpoint).toEqual([...PUBLISHED.qualities2].sort());
      expect(caps!.qualities, endpoint).not.toContain('xhigh');
      expect(caps!.qualities, endpoint).not.toContain('max');
    }
  });

  it.each(GPT_26)('%s takes complexity low/medium/high on generations and edits, not in the Responses tool', (id) => {
    expect(getModel(id).endpoints.generate!.complexities).toEqual(PUBLISHED.complexities26);
    expect(getModel(id).endpoints.edit!.complexities).toEqual(PUBLISHED.complexities26);
    expect(getModel(id).endpoints.responses?.complexities).toBeUndefined();
  });

  it('no model but 2.6 takes complexity', () => {
    for (const m of MODELS.filter((x) => !(GPT_26 as readonly string[]).includes(x.id))) {
      for (const [endpoint, caps] of Object.entries(m.endpoints)) expect(caps!.complexities, `${m.id} ${endpoint}`).toBeUndefined();
    }
  });

  it.each(GPT_2X)('%s: n 1–10, partial images 0–3, png/jpeg/webp, moderation auto/low, 32,000-char prompts; no response_format, style or input_fidelity', (id) => {
    for (const endpoint of ['generate', 'edit'] as const) {
      const caps = getModel(id).endpoints[endpoint]!;
      expect(caps.n, endpoint).toEqual(PUBLISHED.n);
      expect(caps.partialImages, endpoint).toEqual(PUBLISHED.partialImages);
      // §2.1: 2.6 adds gif and svg; svg is generation only (3P-replicate), gif works on edits (3P-apiyi).
      const extra = id.startsWith('gpt-image-2.6') ? (endpoint === 'generate' ? ['gif', 'svg'] : ['gif']) : [];
      expect(caps.outputFormats, endpoint).toEqual([...PUBLISHED.outputFormats, ...extra]);
      expect(caps.compression, endpoint).toEqual({ min: 0, max: 100 });
      expect(caps.promptMax, endpoint).toBe(PUBLISHED.promptMax);
      expect(caps.responseFormats, endpoint).toBeUndefined();
      expect(caps.styles, endpoint).toBeUndefined();
      expect(caps.inputFidelity, endpoint).toBeUndefined();
    }
    expect(getModel(id).endpoints.generate!.moderation).toEqual(PUBLISHED.moderation);
    expect(getModel(id).endpoints.variation).toBeUndefined();
  });

  it.each(GPT_25)('%s: transparent background generally available (not marked preview), with png or webp', (id) => {
    for (const endpoint of ['generate', 'edit', 'responses'] as const) {
      const caps = getModel(id).endpoints[endpoint]!;
      expect(caps.backgrounds, endpoint).toEqual(['auto', 'opaque', 'transparent']);
      expect(caps.transparentFormats, endpoint).toEqual(['png', 'webp']);
      expect(caps.preview?.backgrounds ?? [], endpoint).not.toContain('transparent');
    }
  });

  it('gpt-image-2: transparent background offered and labelled preview on every endpoint', () => {
    for (const [endpoint, caps] of Object.entries(getModel('gpt-image-2').endpoints)) {
      expect(caps!.backgrounds, endpoint).toContain('transparent');
      expect(caps!.preview?.backgrounds, endpoint).toEqual(['transparent']);
    }
  });

  it('the 2.x defaults leave quality to the service (auto) and the size to auto', () => {
    for (const id of GPT_2X) expect(getModel(id).endpoints.generate!.defaults).toMatchObject({ size: 'auto', quality: 'auto', outputFormat: 'png' });
  });

  it('says what an omitted quality means per variant: Sunburst as high, Flare from the prompt', () => {
    for (const id of ['gpt-image-2.6-sunburst', 'gpt-image-2.5-sunburst']) expect(getModel(id).qualityOmitted, id).toMatch(/Sunburst renders as at high/);
    for (const id of ['gpt-image-2.6-flare', 'gpt-image-2.5-flare']) expect(getModel(id).qualityOmitted, id).toMatch(/Flare picks a level from the prompt/);
    expect(getModel('gpt-image-2').qualityOmitted).toBeUndefined();
  });

  it('has 2.5 in the Responses tool as documented (no unconfirmed note), without complexity', () => {
    for (const id of GPT_25) {
      const tool = getModel(id).endpoints.responses!;
      expect(tool.unconfirmed, id).toBeUndefined();
      expect([...tool.qualities].sort(), id).toEqual([...PUBLISHED.qualities25and26].sort());
      expect(tool.n, id).toEqual({ min: 1, max: 1 });
    }
  });

  it('offers 2.6 in the Responses tool only behind UNCONFIRMED_OFFERED, and then says it is unconfirmed', () => {
    for (const id of GPT_26) {
      const tool = getModel(id).endpoints.responses;
      if (UNCONFIRMED_OFFERED) {
        expect(tool, id).toBeDefined();
        expect(tool!.unconfirmed, id).toMatch(/third parties/);
      } else {
        expect(tool, id).toBeUndefined();
      }
    }
    // Which models carry the note, whichever way the switch is set: only 2.6.
    const noted = MODELS.filter((m) => m.endpoints.responses?.unconfirmed).map((m) => m.id);
    expect(noted).toEqual(UNCONFIRMED_OFFERED ? [...GPT_26] : []);
  });

  it('lists no dated snapshot for 2.6 (the reference lists none) and the 2026-09-08 ones for 2.5', () => {
    expect(getModel('gpt-image-2.6-sunburst').aliases).toEqual([]);
    expect(getModel('gpt-image-2.6-flare').aliases).toEqual([]);
    expect(getModel('gpt-image-2.5-sunburst').aliases).toEqual(['gpt-image-2.5-sunburst-2026-09-08']);
    expect(getModel('gpt-image-2.5-flare').aliases).toEqual(['gpt-image-2.5-flare-2026-09-08']);
  });
});

describe('findModel: an id the registry does not know borrows its family’s rules', () => {
  it("gives gpt-image-2.7-test gpt-image-2's rules (the longest known prefix), not 2.6's, marked not in the registry", () => {
    const m = findModel('gpt-image-2.7-test')!;
    expect(m).toBeDefined();
    expect(m).toMatchObject({ id: 'gpt-image-2.7-test', label: 'gpt-image-2.7-test', inRegistry: false, familyOf: 'gpt-image-2', aliases: [] });
    expect(m.note).toMatch(/Not in the registry/);
    expect(m.endpoints).toBe(getModel('gpt-image-2').endpoints);
    expect(m.endpoints.generate!.qualities).not.toContain('xhigh');
    expect(m.endpoints.generate!.complexities).toBeUndefined();
    expect(m.outputTokens).toBe('gpt-image-2-formula');
  });

  it("gives gpt-image-2.6-sunburst-2027-01-01 2.6 Sunburst's rules", () => {
    const m = findModel('gpt-image-2.6-sunburst-2027-01-01')!;
    expect(m).toMatchObject({ id: 'gpt-image-2.6-sunburst-2027-01-01', inRegistry: false, familyOf: 'gpt-image-2.6-sunburst' });
    expect(m.endpoints).toBe(getModel('gpt-image-2.6-sunburst').endpoints);
    expect(m.endpoints.generate!.complexities).toEqual(['low', 'medium', 'high']);
    expect(m.qualityOmitted).toBe(getModel('gpt-image-2.6-sunburst').qualityOmitted);
  });

  it('answers the same spec for the same id each time', () => {
    expect(findModel('gpt-image-2.7-test')).toBe(findModel('gpt-image-2.7-test'));
  });

  it.each(['gpt-imagex', 'dall-e-4', 'gpt-image-', 'GPT-IMAGE-2.7', 'gpt-image-2.7 test', 'my-gpt-image-2'])('does not find %s', (id) => {
    expect(findModel(id)).toBeUndefined();
  });

  it('leaves the registry list alone', () => {
    findModel('gpt-image-2.7-other');
    expect(MODEL_IDS).not.toContain('gpt-image-2.7-other');
    expect(modelsFor('generate').map((m) => m.id)).not.toContain('gpt-image-2.7-other');
  });
});

describe('unknown ids borrow their family only up to a boundary', () => {
  it('matches whole version parts', () => {
    expect(findModel('gpt-image-10')).toBeUndefined();
    expect(findModel('gpt-image-2.7-test')?.familyOf).toBe('gpt-image-2');
    expect(findModel('gpt-image-2.6')?.familyOf).toBe('gpt-image-2.6-sunburst');
    expect(findModel('gpt-image-2.6-nova')?.familyOf).toBe('gpt-image-2.6-sunburst');
    expect(findModel('gpt-image-2.5-ember')?.endpoints.generate?.qualities).toContain('xhigh');
    expect(findModel('gpt-image-2.6-nova')?.endpoints.generate?.complexities).toEqual(['low', 'medium', 'high']);
  });
});
