import { describe, expect, it } from 'vitest';
import { controlOptions } from '../models/options';
import type { ModelId } from '../models/types';
import { validateImageRequest } from '../models/validate';
import { CUSTOM_SIZE, defaultParams, fieldsToParams, gifSizes, normalizeParams, noStreamReason, paramsToFields, sizeChoices, sizeValue, type StudioParams } from './params';

const M: ModelId = 'gpt-image-2.6-sunburst';
const opts = (model: ModelId, endpoint: 'generate' | 'edit' = 'generate') => controlOptions(model, endpoint)!;
const change = (p: StudioParams, patch: Partial<StudioParams>, endpoint: 'generate' | 'edit' = 'generate') => normalizeParams({ ...p, ...patch }, opts(({ ...p, ...patch }).model, endpoint));
const fields = (p: StudioParams, endpoint: 'generate' | 'edit' = 'generate') => paramsToFields(p, opts(p.model, endpoint));
const valid = (p: StudioParams) => validateImageRequest('generate', fields(p) as Record<string, unknown>);

describe('GIF in the studio', () => {
  const gif = change(defaultParams(M), { outputFormat: 'gif', prompt: 'a bouncing ball' });

  it('turns streaming and partials off, and moves a still size over the cap to the largest frame that fits', () => {
    const big = change(defaultParams(M), { size: '1024x1024', stream: true });
    const p = change(big, { outputFormat: 'gif' });
    expect(p.stream).toBe(false);
    expect(p.size).toBe('960x960');
    const f = fields({ ...p, prompt: 'x' });
    expect(f).not.toHaveProperty('stream');
    expect(f).not.toHaveProperty('partial_images');
    expect(f).not.toHaveProperty('output_compression');
    expect(noStreamReason(opts(M), 'gif')).toMatch(/cannot stream/);
  });

  it('sends frame_count and frame_duration_ms, which the validator accepts', () => {
    const p = change(gif, { frameCount: 4, frameDurationMs: 123, size: '512x512' });
    expect(p.frameDurationMs).toBe(120);
    expect(fields(p)).toMatchObject({ output_format: 'gif', frame_count: 4, frame_duration_ms: 120, size: '512x512' });
    expect(valid(p)).toMatchObject({ outputFormat: 'gif', frameCount: 4, frameDurationMs: 120 });
  });

  it('keeps frames within 2–16 and the delay at 20 ms or more', () => {
    expect(change(gif, { frameCount: 40 }).frameCount).toBe(16);
    expect(change(gif, { frameCount: 1 }).frameCount).toBe(2);
    expect(change(gif, { frameDurationMs: 3 }).frameDurationMs).toBe(20);
  });

  it('offers only frame sizes under the cap for the frame count', () => {
    const rule = opts(M).gif!;
    expect(gifSizes(rule, 9)).toContain('960x960');
    expect(gifSizes(rule, 12)).not.toContain('960x960');
    expect(gifSizes(rule, 16)).toEqual(expect.arrayContaining(['auto', '720x720', '512x512']));
    expect(gifSizes(rule, 16)).not.toContain('816x816');
    // 960² chosen at 9 frames, then 16 frames: the size follows the cap.
    expect(change(change(gif, { size: '960x960' }), { frameCount: 16 }).size).toBe('720x720');
    expect(sizeChoices(opts(M), gif)).not.toContain('1024x1024');
  });

  it('checks a custom frame with the GIF rule (no still-image pixel floor), and names the cap', () => {
    const small = change(gif, { size: CUSTOM_SIZE, customWidth: 320, customHeight: 240 });
    expect(sizeValue(small, opts(M))).toEqual({ size: '320x240' });
    expect(valid({ ...small, prompt: 'x' }).size).toBe('320x240');
    const over = change(gif, { size: CUSTOM_SIZE, customWidth: 1024, customHeight: 1024, frameCount: 9 });
    expect(sizeValue(over, opts(M))).toEqual({ problem: expect.stringMatching(/at most 921,600 pixels \(960×960\) with 9 frames/) });
  });

  it('is not offered on 2.5, and on 2.6 edits it sends no stream', () => {
    expect(change(defaultParams('gpt-image-2.5-sunburst'), { outputFormat: 'gif' }).outputFormat).toBe('png');
    const edit = change(defaultParams(M), { outputFormat: 'gif', stream: true }, 'edit');
    expect(edit.outputFormat).toBe('gif');
    expect(fields(edit, 'edit')).not.toHaveProperty('stream');
  });

  it('round-trips through Reuse settings', () => {
    const p = change(gif, { frameCount: 12, frameDurationMs: 80, size: '816x816' });
    const back = fieldsToParams(fields(p), defaultParams(M));
    expect(back).toMatchObject({ outputFormat: 'gif', frameCount: 12, frameDurationMs: 80, size: '816x816', stream: false });
    const custom = fieldsToParams({ ...fields(p), size: '320x240' }, defaultParams(M));
    expect(custom).toMatchObject({ size: CUSTOM_SIZE, customWidth: 320, customHeight: 240 });
  });
});

describe('SVG in the studio', () => {
  const svg = change(defaultParams(M), { outputFormat: 'svg', prompt: 'a logo', n: 4, stream: true });

  it('forces one image, no streaming, and an authoring model from the registry', () => {
    expect(svg).toMatchObject({ n: 1, stream: false, svgModel: 'gpt-6-luna', svgEffort: 'default' });
    expect(noStreamReason(opts(M), 'svg')).toMatch(/not streamed/);
    expect(change(svg, { n: 3 }).n).toBe(1);
  });

  it('sends svg.model and the effort only when chosen; the validator accepts both', () => {
    expect(fields(svg)).toMatchObject({ output_format: 'svg', n: 1, svg: { model: 'gpt-6-luna' } });
    expect((fields(svg).svg as object)).not.toHaveProperty('reasoning');
    const high = change(svg, { svgModel: 'gpt-6.1-sol', svgEffort: 'high' });
    expect(fields(high).svg).toEqual({ model: 'gpt-6.1-sol', reasoning: { effort: 'high' } });
    expect(valid(high).svg).toEqual({ model: 'gpt-6.1-sol', effort: 'high' });
    expect(valid(svg).svg).toEqual({ model: 'gpt-6-luna' });
  });

  it('refuses what the registry does not list: an unknown author or effort falls back', () => {
    expect(change(svg, { svgModel: 'gpt-4o', svgEffort: 'minimal' })).toMatchObject({ svgModel: 'gpt-6-luna', svgEffort: 'default' });
  });

  it('offers auto and the reference-raster sizes, no custom size', () => {
    expect(sizeChoices(opts(M), svg)).toEqual(['auto', '1024x1024', '1536x1024', '1024x1536']);
    expect(change(svg, { size: CUSTOM_SIZE }).size).toBe('auto');
  });

  it('is not offered on edits', () => {
    expect(change(defaultParams(M), { outputFormat: 'svg' }, 'edit').outputFormat).toBe('png');
  });

  it('round-trips through Reuse settings, and other formats send no gif or svg fields', () => {
    const high = change(svg, { svgModel: 'gpt-6-astra', svgEffort: 'max', size: '1536x1024' });
    expect(fieldsToParams(fields(high), defaultParams(M))).toMatchObject({ outputFormat: 'svg', svgModel: 'gpt-6-astra', svgEffort: 'max', size: '1536x1024', n: 1 });
    const png = change(high, { outputFormat: 'png' });
    expect(Object.keys(fields(png))).not.toEqual(expect.arrayContaining(['svg']));
    expect(fields(png)).not.toHaveProperty('frame_count');
  });

  it('fills the new fields of settings saved before they existed', () => {
    const { frameCount: _f, frameDurationMs: _d, svgModel: _m, svgEffort: _e, ...old } = defaultParams(M);
    const p = normalizeParams({ ...(old as StudioParams), outputFormat: 'svg' }, opts(M));
    expect(p).toMatchObject({ frameCount: 9, frameDurationMs: 200, svgModel: 'gpt-6-luna', svgEffort: 'default' });
  });
});
