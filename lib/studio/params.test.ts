import { describe, expect, it } from 'vitest';
import type { CapsNarrowing } from '../models/caps';
import { customSizeProblem } from '../models/sizes';
import { controlOptions } from '../models/options';
import { MODEL_IDS } from '../models/registry';
import type { Background, ModelId, OutputFormat } from '../models/types';
import { validateImageRequest } from '../models/validate';
import { applyParam, CUSTOM_SIZE, defaultParams, fieldsToParams, normalizeParams, paramsToFields, sizeValue, type StudioParams } from './params';

const AZURE: CapsNarrowing = { excludeOutputFormats: ['webp'] };
const opts = (model: ModelId, narrowing?: CapsNarrowing) => controlOptions(model, 'generate', narrowing)!;
/** What the store does on every change: apply it, then normalise for the (possibly new) model. */
const change = (p: StudioParams, patch: Partial<StudioParams>, narrowing?: CapsNarrowing) => {
  const next = { ...p, ...patch };
  return normalizeParams(next, opts(next.model, narrowing));
};
const fields = (p: StudioParams, narrowing?: CapsNarrowing) => paramsToFields(p, opts(p.model, narrowing));
const GENERATE_MODELS = MODEL_IDS.filter((m) => controlOptions(m, 'generate'));

describe('defaultParams', () => {
  it('starts gpt-image-2 on auto size, png, streaming two partials', () => {
    expect(defaultParams('gpt-image-2')).toMatchObject({ model: 'gpt-image-2', size: 'auto', quality: 'auto', outputFormat: 'png', background: 'auto', n: 1, stream: true, partialImages: 2 });
  });

  it('gives dall-e-3 its own size and quality, and no streaming', () => {
    expect(defaultParams('dall-e-3')).toMatchObject({ size: '1024x1024', quality: 'standard', style: 'vivid', stream: false, partialImages: 0 });
  });

  it('keeps the default custom size valid for gpt-image-2', () => {
    const p = defaultParams('gpt-image-2');
    expect(customSizeProblem({ width: p.customWidth, height: p.customHeight }, opts('gpt-image-2').customSize!)).toBeNull();
  });
});

describe('normalizeParams: a model change', () => {
  it('keeps the choices the new model accepts', () => {
    const p = change(defaultParams('gpt-image-2'), { quality: 'high', outputFormat: 'webp', background: 'transparent', moderation: 'low', n: 4, size: '1536x1024' });
    expect(change(p, { model: 'gpt-image-1' })).toMatchObject({ model: 'gpt-image-1', quality: 'high', outputFormat: 'webp', background: 'transparent', moderation: 'low', n: 4, size: '1536x1024', stream: true });
  });

  it('turns a transparent background to auto when the format becomes jpeg', () => {
    const p = change(defaultParams('gpt-image-1.5'), { background: 'transparent' });
    expect(p.background).toBe('transparent');
    expect(change(p, { outputFormat: 'jpeg' })).toMatchObject({ outputFormat: 'jpeg', background: 'auto' });
  });

  it('refuses transparent while the format is jpeg, but keeps opaque', () => {
    const jpeg = change(defaultParams('gpt-image-2'), { outputFormat: 'jpeg' });
    expect(change(jpeg, { background: 'transparent' }).background).toBe('auto');
    expect(change(jpeg, { background: 'opaque' }).background).toBe('opaque');
  });

  it('forces n = 1 on dall-e-3, resets a GPT quality and size, and stops streaming', () => {
    const p = change(defaultParams('gpt-image-1'), { n: 4, quality: 'high', size: '1536x1024' });
    expect(change(p, { model: 'dall-e-3' })).toMatchObject({ n: 1, quality: 'standard', size: '1024x1024', stream: false, partialImages: 0 });
  });

  it('keeps a dall-e-3 style and hd quality across a round trip through nothing', () => {
    const p = change(defaultParams('dall-e-3'), { style: 'natural', quality: 'hd', size: '1792x1024' });
    expect(p).toMatchObject({ style: 'natural', quality: 'hd', size: '1792x1024' });
  });

  it('drops webp on Azure, where the deployment has no webp', () => {
    const p = change(defaultParams('gpt-image-1'), { outputFormat: 'webp' });
    expect(normalizeParams(p, opts('gpt-image-1', AZURE)).outputFormat).toBe('png');
  });

  it.each([[-20, 0], [37.6, 38], [180, 100]])('clamps compression %s to %s', (given, want) => {
    expect(change(defaultParams('gpt-image-2'), { outputFormat: 'jpeg', compression: given }).compression).toBe(want);
  });

  it.each([[-1, 0], [2, 2], [7, 3], [1.6, 2]])('clamps partial images %s into 0..3 as %s', (given, want) => {
    expect(change(defaultParams('gpt-image-2'), { partialImages: given }).partialImages).toBe(want);
  });

  it('clamps n into the model range', () => {
    expect(change(defaultParams('gpt-image-2'), { n: 25 }).n).toBe(10);
    expect(change(defaultParams('dall-e-2'), { n: 0 }).n).toBe(1);
  });

  it('keeps a custom size only on gpt-image-2, snapped into its rule', () => {
    const custom = change(defaultParams('gpt-image-2'), { size: CUSTOM_SIZE, customWidth: 1000, customHeight: 5000 });
    expect(custom.size).toBe(CUSTOM_SIZE);
    expect(customSizeProblem({ width: custom.customWidth, height: custom.customHeight }, opts('gpt-image-2').customSize!)).toBeNull();
    expect(custom.customHeight).toBeGreaterThan(custom.customWidth);
    expect(change(custom, { model: 'gpt-image-1.5' }).size).toBe('auto');
    expect(change(custom, { model: 'dall-e-2' }).size).toBe('1024x1024');
  });

  it('never streams on dall-e even when asked', () => {
    expect(change(defaultParams('dall-e-2'), { stream: true, partialImages: 3 })).toMatchObject({ stream: false, partialImages: 0 });
  });
});

describe('sizeValue', () => {
  it('sends a listed size as it is, and a valid custom size as WxH', () => {
    expect(sizeValue(defaultParams('gpt-image-1'), opts('gpt-image-1'))).toEqual({ size: 'auto' });
    const p = { ...defaultParams('gpt-image-2'), size: CUSTOM_SIZE, customWidth: 3840, customHeight: 2160 };
    expect(sizeValue(p, opts('gpt-image-2'))).toEqual({ size: '3840x2160' });
  });

  it('says why a custom size that is being typed cannot be sent', () => {
    const typed = { ...defaultParams('gpt-image-2'), size: CUSTOM_SIZE, customWidth: 1000, customHeight: 1000 };
    expect(sizeValue(typed, opts('gpt-image-2'))).toEqual({ problem: '1000×1000: width and height must be multiples of 16.' });
    const wide = { ...typed, customWidth: 3840, customHeight: 1024 };
    expect(sizeValue(wide, opts('gpt-image-2'))).toMatchObject({ problem: expect.stringMatching(/aspect ratio/) });
  });

  it('refuses a custom size on a model with listed sizes only', () => {
    const p = { ...defaultParams('gpt-image-1'), size: CUSTOM_SIZE };
    expect(sizeValue(p, opts('gpt-image-1'))).toEqual({ problem: 'This model takes only the listed sizes.' });
  });
});

describe('paramsToFields', () => {
  const base = (model: ModelId, patch: Partial<StudioParams> = {}) => change(defaultParams(model), { prompt: 'a red fox', ...patch });

  it('sends GPT image fields, with compression only for jpeg and webp', () => {
    expect(fields(base('gpt-image-1', { stream: false }))).toEqual({ model: 'gpt-image-1', prompt: 'a red fox', n: 1, size: 'auto', quality: 'auto', output_format: 'png', background: 'auto', moderation: 'auto' });
    expect(fields(base('gpt-image-1', { outputFormat: 'webp', compression: 70 }))).toMatchObject({ output_format: 'webp', output_compression: 70 });
    expect(fields(base('gpt-image-1', { outputFormat: 'png', compression: 70 }))).not.toHaveProperty('output_compression');
  });

  it('sends stream and partial_images only while streaming', () => {
    expect(fields(base('gpt-image-2', { stream: true, partialImages: 3 }))).toMatchObject({ stream: true, partial_images: 3 });
    const off = fields(base('gpt-image-2', { stream: false, partialImages: 3 }));
    expect(off).not.toHaveProperty('stream');
    expect(off).not.toHaveProperty('partial_images');
  });

  it('sends no GPT-only field to dall-e-3, and style and response_format instead', () => {
    expect(fields(base('dall-e-3', { style: 'natural', quality: 'hd' }))).toEqual({ model: 'dall-e-3', prompt: 'a red fox', n: 1, size: '1024x1024', quality: 'hd', style: 'natural', response_format: 'b64_json' });
  });

  it('sends no style to dall-e-2', () => {
    const f = fields(base('dall-e-2', { n: 3 }));
    expect(f).toEqual({ model: 'dall-e-2', prompt: 'a red fox', n: 3, size: '1024x1024', quality: 'standard', response_format: 'b64_json' });
  });

  it('sends response_format only to dall-e', () => {
    for (const m of GENERATE_MODELS) expect('response_format' in fields(base(m))).toBe(m.startsWith('dall-e'));
  });

  it('sends xhigh and complexity to 2.6, and complexity only when one is chosen', () => {
    expect(fields(base('gpt-image-2.6-flare', { quality: 'xhigh', complexity: 'low', stream: false }))).toEqual({ model: 'gpt-image-2.6-flare', prompt: 'a red fox', n: 1, size: 'auto', quality: 'xhigh', complexity: 'low', output_format: 'png', background: 'auto', moderation: 'auto' });
    expect(fields(base('gpt-image-2.6-flare'))).not.toHaveProperty('complexity');
  });

  it('keeps xhigh on 2.5 but sends it no complexity; moves gpt-image-2 back to its default quality', () => {
    const on26 = base('gpt-image-2.6-sunburst', { quality: 'xhigh', complexity: 'high' });
    const on25 = change(on26, { model: 'gpt-image-2.5-sunburst' });
    expect(fields(on25)).toMatchObject({ quality: 'xhigh' });
    expect(fields(on25)).not.toHaveProperty('complexity');
    const on2 = change(on25, { model: 'gpt-image-2' });
    expect(on2.quality).toBe('auto');
    expect(fields(on2)).not.toHaveProperty('complexity');
    // The complexity chosen on 2.6 comes back with 2.6.
    expect(fields(change(on2, { model: 'gpt-image-2.6-sunburst' }))).toMatchObject({ complexity: 'high' });
  });

  it('sends a custom gpt-image-2 size as WxH', () => {
    expect(fields(base('gpt-image-2', { size: CUSTOM_SIZE, customWidth: 2048, customHeight: 1152 })).size).toBe('2048x1152');
  });
});

describe('fieldsToParams: Reuse settings', () => {
  const cases: [string, ModelId, Partial<StudioParams>, CapsNarrowing?][] = [
    ['gpt-image-2.6 Sunburst xhigh, complexity low, custom size', 'gpt-image-2.6-sunburst', { quality: 'xhigh', complexity: 'low', size: CUSTOM_SIZE, customWidth: 3840, customHeight: 2160 }],
    ['gpt-image-2.6 Flare max, transparent webp, not streaming', 'gpt-image-2.6-flare', { quality: 'max', outputFormat: 'webp', background: 'transparent', stream: false }],
    ['gpt-image-2.5 Flare xhigh on Azure, jpeg', 'gpt-image-2.5-flare', { quality: 'xhigh', outputFormat: 'jpeg', compression: 30 }, AZURE],
    ['gpt-image-2 custom size, jpeg, streaming', 'gpt-image-2', { size: CUSTOM_SIZE, customWidth: 2048, customHeight: 1152, outputFormat: 'jpeg', compression: 55, stream: true, partialImages: 1 }],
    ['gpt-image-2 custom portrait, not streaming', 'gpt-image-2', { size: CUSTOM_SIZE, customWidth: 1088, customHeight: 3264, stream: false }],
    ['gpt-image-1 transparent webp, n 3', 'gpt-image-1', { outputFormat: 'webp', background: 'transparent', compression: 80, n: 3, quality: 'high', moderation: 'low' }],
    ['gpt-image-1-mini opaque png, listed size', 'gpt-image-1-mini', { background: 'opaque', size: '1024x1536', stream: false }],
    ['gpt-image-1.5 on Azure, jpeg', 'gpt-image-1.5', { outputFormat: 'jpeg', compression: 10, partialImages: 0 }, AZURE],
    ['dall-e-3 natural hd', 'dall-e-3', { style: 'natural', quality: 'hd', size: '1024x1792', responseFormat: 'url' }],
    ['dall-e-2 n 4 small', 'dall-e-2', { n: 4, size: '256x256' }],
  ];

  it.each(cases)('gives back the same fields: %s', (_, model, patch, narrowing) => {
    const sent = fields(change(defaultParams(model), { prompt: "it's a test", ...patch }, narrowing), narrowing);
    // Reuse from a studio that currently shows something else entirely.
    const elsewhere = change(defaultParams('dall-e-2'), { prompt: 'other', n: 7, size: '512x512' });
    const reused = fieldsToParams(sent, elsewhere, narrowing);
    expect(fields(reused, narrowing)).toEqual(sent);
  });

  it('brings a custom gpt-image-2 size back as custom with its width and height', () => {
    const reused = fieldsToParams({ model: 'gpt-image-2', prompt: 'x', size: '2048x1152' }, defaultParams('gpt-image-1'));
    expect(reused).toMatchObject({ model: 'gpt-image-2', size: CUSTOM_SIZE, customWidth: 2048, customHeight: 1152, n: 1, stream: false });
  });

  it('keeps the current parameters when the model is unknown', () => {
    const current = defaultParams('gpt-image-2');
    expect(fieldsToParams({ model: 'imagen-9', prompt: 'x' }, current)).toBe(current);
  });
});

describe('the contract: the studio never sends what the server refuses', () => {
  const formats: OutputFormat[] = ['png', 'jpeg', 'webp'];
  const backgrounds: Background[] = ['auto', 'opaque', 'transparent'];
  const narrowings: [string, CapsNarrowing | undefined][] = [['OpenAI', undefined], ['Azure', AZURE]];

  it('passes validation for every model × format × background × stream × provider', () => {
    let checked = 0;
    for (const model of GENERATE_MODELS)
      for (const outputFormat of formats)
        for (const background of backgrounds)
          for (const stream of [true, false])
            for (const [, narrowing] of narrowings) {
              let p = change(defaultParams(model), { prompt: 'a lighthouse', n: 3, compression: 40, partialImages: 3 }, narrowing);
              p = change(p, { outputFormat }, narrowing);
              p = change(p, { background, stream }, narrowing);
              const f = fields(p, narrowing);
              expect(() => validateImageRequest('generate', f, { narrowing }), JSON.stringify(f)).not.toThrow();
              checked++;
            }
    expect(checked).toBe(GENERATE_MODELS.length * 3 * 3 * 2 * 2);
  });

  it('passes validation for every 2.x quality × complexity, and every model the studio lands on after one', () => {
    let checked = 0;
    for (const model of ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2'] as ModelId[])
      for (const quality of ['auto', 'low', 'medium', 'high', 'xhigh', 'max'] as const)
        for (const complexity of ['default', 'low', 'medium', 'high'] as const) {
          const p = change(defaultParams('gpt-image-2.6-sunburst'), { prompt: 'x', quality, complexity });
          const f = fields(change(p, { model }));
          expect(() => validateImageRequest('generate', f), JSON.stringify(f)).not.toThrow();
          checked++;
        }
    expect(checked).toBe(5 * 6 * 4);
  });

  it.each([[1000, 5000], [4000, 4000], [16, 16], [3840, 1024], [640, 480]])('passes validation for a gpt-image-2 custom size typed as %s×%s', (w, h) => {
    const p = change(defaultParams('gpt-image-2'), { prompt: 'x', size: CUSTOM_SIZE, customWidth: w, customHeight: h });
    const f = fields(p);
    expect(f.size).toMatch(/^\d+x\d+$/);
    expect(validateImageRequest('generate', f).size).toBe(f.size);
  });
});

describe('applyParam (the store’s edits)', () => {
  const o = opts('gpt-image-2');
  it('sends what was typed: Width 3840 then Height 2160 is 3840×2160, not snapped against the old height', () => {
    let p = applyParam(defaultParams('gpt-image-2'), 'size', CUSTOM_SIZE, o);
    expect([p.customWidth, p.customHeight]).toEqual([2048, 1152]);
    p = applyParam(p, 'customWidth', 3840, o);
    expect(p.customWidth).toBe(3840);
    expect(sizeValue(p, o)).toMatchObject({ problem: expect.stringMatching(/aspect ratio/) });
    p = applyParam(p, 'customHeight', 2160, o);
    expect(sizeValue(p, o)).toEqual({ size: '3840x2160' });
  });

  it('rounds a typed side to the multiple, and re-fits the pair when the model changes', () => {
    const p = applyParam({ ...defaultParams('gpt-image-2'), size: CUSTOM_SIZE }, 'customWidth', 1000, o);
    expect(p.customWidth).toBe(1008);
    const q = applyParam({ ...p, customWidth: 3840, customHeight: 1024 }, 'quality', 'high', o);
    expect([q.customWidth, q.customHeight]).toEqual([3840, 1024]);
    const moved = applyParam(q, 'model', 'gpt-image-2.5-sunburst', opts('gpt-image-2.5-sunburst'));
    expect(customSizeProblem({ width: moved.customWidth, height: moved.customHeight }, o.customSize!)).toBeNull();
  });
});
