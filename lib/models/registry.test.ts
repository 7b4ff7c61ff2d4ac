import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, findModel, getModel, implicitModel, MODEL_IDS, MODELS, modelsFor } from './registry';

const GPT = ['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini'] as const;

describe('model registry', () => {
  it('lists the six models, gpt-image-2 first and as the default', () => {
    expect(MODEL_IDS).toEqual(['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-3', 'dall-e-2']);
    expect(DEFAULT_MODEL).toBe('gpt-image-2');
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
  });

  it('gives only gpt-image-2 the custom size rule', () => {
    expect(getModel('gpt-image-2').endpoints.generate!.customSize).toEqual({
      multiple: 16, maxEdge: 3840, minPixels: 655_360, maxPixels: 8_294_400, maxAspect: 3,
    });
    for (const id of MODEL_IDS.filter((m) => m !== 'gpt-image-2')) {
      for (const caps of Object.values(getModel(id).endpoints)) expect(caps!.customSize).toBeUndefined();
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
    for (const id of GPT) {
      const edit = getModel(id).endpoints.edit!;
      expect(edit.images).toEqual({ maxCount: 16, maxBytes: 50 * 1024 * 1024, types: ['png', 'jpeg', 'webp'], square: false });
      expect(edit.mask).toEqual({ maxBytes: 4 * 1024 * 1024 });
      expect(edit.sizes).toEqual(getModel(id).endpoints.generate!.sizes);
      expect(edit.qualities).toEqual(getModel(id).endpoints.generate!.qualities);
      expect(edit.n).toEqual({ min: 1, max: 10 });
    }
  });

  it('offers input_fidelity on gpt-image-1 and 1.5 edits, not on mini nor gpt-image-2', () => {
    expect(getModel('gpt-image-1').endpoints.edit!.inputFidelity).toEqual(['low', 'high']);
    expect(getModel('gpt-image-1.5').endpoints.edit!.inputFidelity).toEqual(['low', 'high']);
    expect(getModel('gpt-image-1-mini').endpoints.edit!.inputFidelity).toBeUndefined();
    expect(getModel('gpt-image-2').endpoints.edit!.inputFidelity).toBeUndefined();
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

  it('only dall-e-2 has variations; dall-e-3 has no edits', () => {
    expect(modelsFor('variation').map((m) => m.id)).toEqual(['dall-e-2']);
    expect(modelsFor('edit').map((m) => m.id)).toEqual(['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-2']);
    expect(getModel('dall-e-3').endpoints.edit).toBeUndefined();
  });

  it('the Responses tool never makes more than one image', () => {
    for (const m of MODELS.filter((x) => x.endpoints.responses)) expect(m.endpoints.responses!.n).toEqual({ min: 1, max: 1 });
  });

  it('finds gpt-image-2 by its dated snapshot alias and refuses unknown ids', () => {
    expect(findModel('gpt-image-2-2026-04-21')?.id).toBe('gpt-image-2');
    expect(findModel('gpt-image-3')).toBeUndefined();
    expect(() => getModel('nope' as never)).toThrow(/Unknown model nope/);
  });

  it('prices gpt-image-2 by formula, gpt-image-1/1.5 by the table, dall-e per image', () => {
    expect(getModel('gpt-image-2').outputTokens).toBe('gpt-image-2-formula');
    expect(getModel('gpt-image-1').outputTokens).toBe('gpt-image-1-table');
    expect(getModel('gpt-image-1.5').outputTokens).toBe('gpt-image-1-table');
    expect(getModel('gpt-image-1-mini').outputTokens).toBe('gpt-image-1-mini-table');
    expect(getModel('dall-e-3').outputTokens).toBe('per-image');
  });
});

describe('implicitModel (a request without model)', () => {
  it('makes a plain generation dall-e-2', () => {
    expect(implicitModel('generate', { prompt: 'a cat', size: '1024x1024', n: 2 })).toBe('dall-e-2');
  });

  it.each(['output_format', 'output_compression', 'background', 'moderation', 'stream', 'partial_images'])(
    'makes a generation with %s a GPT image one (the default model)',
    (field) => {
      expect(implicitModel('generate', { prompt: 'a cat', [field]: field === 'stream' ? true : 'x' })).toBe(DEFAULT_MODEL);
    },
  );

  it('does not count a null GPT-only field', () => {
    expect(implicitModel('generate', { prompt: 'a cat', background: null })).toBe('dall-e-2');
  });

  it('makes edits gpt-image-1.5 and variations dall-e-2', () => {
    expect(implicitModel('edit', { prompt: 'x' })).toBe('gpt-image-1.5');
    expect(implicitModel('variation', { output_format: 'png' })).toBe('dall-e-2');
  });
});
