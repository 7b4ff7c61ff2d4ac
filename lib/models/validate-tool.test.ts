import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error';
import { UNCONFIRMED_OFFERED } from './registry';
import type { ModelId } from './types';
import { validateImageRequest } from './validate';

/** The chat's image_generation tool through the studio's validator: errors name `tools[0].<field>`. */
const models: ModelId[] = ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2', 'dall-e-3'];

function problem(fields: Record<string, unknown>, served: ModelId[] = models): ApiError | null {
  try {
    validateImageRequest('responses', fields, { models: served, paramPrefix: 'tools[0].' });
    return null;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
}

describe("validateImageRequest('responses') — the image_generation tool", () => {
  it('accepts every registry value for a model with the responses endpoint', () => {
    expect(problem({ model: 'gpt-image-1', quality: 'high', size: '1024x1024', output_format: 'webp', output_compression: 80, background: 'transparent', moderation: 'low', partial_images: 3, input_fidelity: 'high' })).toBeNull();
  });
  it('returns the settings typed, with the model default size filled in', () => {
    expect(validateImageRequest('responses', { model: 'gpt-image-1', quality: 'low' })).toMatchObject({ endpoint: 'responses', model: 'gpt-image-1', size: 'auto', quality: 'low', partialImages: 0 });
  });
  it('refuses a model without the responses endpoint, naming the usable ones', () => {
    const e = problem({ model: 'dall-e-3' })!;
    expect(e.param).toBe('tools[0].model');
    expect(e.message).toContain('gpt-image-1');
    expect(e.message).toContain('image_generation tool');
  });
  it('refuses a tool without a model (the documented default model is shut down)', () => {
    expect(problem({ quality: 'low' })).toMatchObject({ param: 'tools[0].model', code: 'missing_required_parameter' });
  });
  it('refuses a quality, size, background, format or moderation outside the caps, listing the allowed values', () => {
    const q = problem({ model: 'gpt-image-1', quality: 'hd' })!;
    expect(q.param).toBe('tools[0].quality');
    expect(q.message).toMatch(/'hd'.*'low', 'medium', and 'high'/);
    expect(problem({ model: 'gpt-image-1', size: '17x17' })?.param).toBe('tools[0].size');
    expect(problem({ model: 'gpt-image-1', background: 'green' })?.param).toBe('tools[0].background');
    expect(problem({ model: 'gpt-image-1', output_format: 'gif' })?.param).toBe('tools[0].output_format');
    expect(problem({ model: 'gpt-image-1', moderation: 'off' })?.message).toContain("'auto' and 'low'");
  });
  it('takes a custom size only where the registry has a size rule', () => {
    expect(problem({ model: 'gpt-image-2', size: '2048x1152' })).toBeNull();
    expect(problem({ model: 'gpt-image-2', size: '2049x1152' })?.param).toBe('tools[0].size');
    expect(problem({ model: 'gpt-image-1', size: '2048x1152' })?.param).toBe('tools[0].size');
  });
  it('refuses transparent with jpeg', () => {
    expect(problem({ model: 'gpt-image-1', background: 'transparent', output_format: 'jpeg' })?.param).toBe('tools[0].background');
  });
  it('takes compression as the Images API does: below 100 only for jpeg and webp, within 0–100', () => {
    expect(problem({ model: 'gpt-image-1', output_format: 'jpeg', output_compression: 50 })).toBeNull();
    // The service's own rule: "Compression less than 100 is not supported for PNG output format"; 100 is fine.
    expect(problem({ model: 'gpt-image-1', output_format: 'png', output_compression: 100 })).toBeNull();
    const png = problem({ model: 'gpt-image-1', output_format: 'png', output_compression: 50 })!;
    expect(png.param).toBe('tools[0].output_compression');
    expect(png.message).toContain("'tools[0].output_compression'");
    expect(problem({ model: 'gpt-image-1', output_compression: 50 })?.param).toBe('tools[0].output_compression');
    expect(problem({ model: 'gpt-image-1', output_format: 'webp', output_compression: 101 })?.code).toBe('integer_above_max_value');
  });
  it('refuses partial_images outside 0–3', () => {
    expect(problem({ model: 'gpt-image-1', partial_images: 4 })?.param).toBe('tools[0].partial_images');
    expect(problem({ model: 'gpt-image-1', partial_images: 1.5 })?.param).toBe('tools[0].partial_images');
  });
  it('refuses input fidelity on a model that does not take it', () => {
    expect(problem({ model: 'gpt-image-1-mini', input_fidelity: 'high' })).toMatchObject({ param: 'tools[0].input_fidelity', code: 'unknown_parameter' });
  });
  it('refuses an Images API field the tool does not have, by name', () => {
    expect(problem({ model: 'gpt-image-1', n: 2 })?.param).toBe('tools[0].n');
    expect(problem({ model: 'gpt-image-1', prompt: 'a cat' })?.param).toBe('tools[0].prompt');
    expect(problem({ model: 'gpt-image-1', stream: true })?.param).toBe('tools[0].stream');
  });
  it('refuses a model the provider does not offer', () => {
    expect(problem({ model: 'gpt-image-2' }, ['gpt-image-1'])?.param).toBe('tools[0].model');
  });
  it('takes xhigh and max from 2.5 in the tool, and refuses xhigh from gpt-image-2 naming tools[0].quality', () => {
    const served: ModelId[] = ['gpt-image-2.5-sunburst', 'gpt-image-2'];
    expect(problem({ model: 'gpt-image-2.5-sunburst', quality: 'xhigh' }, served)).toBeNull();
    expect(problem({ model: 'gpt-image-2.5-sunburst-2026-09-08', quality: 'max', size: '2048x1152' }, served)).toBeNull();
    const e = problem({ model: 'gpt-image-2', quality: 'xhigh' }, served)!;
    expect(e).toMatchObject({ param: 'tools[0].quality', code: 'invalid_value' });
    expect(e.message).toContain("'tools[0].quality'");
    expect(e.message).toContain("'auto', 'low', 'medium', and 'high'");
  });
  it('refuses complexity in the tool, even for 2.6 (the tool schema has no such field)', () => {
    expect(problem({ model: 'gpt-image-2.6-sunburst', complexity: 'low' }, ['gpt-image-2.6-sunburst'])).toMatchObject({ param: 'tools[0].complexity', code: 'unknown_parameter' });
    expect(problem({ model: 'gpt-image-2.5-flare', complexity: 'low' }, ['gpt-image-2.5-flare'])).toMatchObject({ param: 'tools[0].complexity', code: 'unknown_parameter' });
  });
  it('refuses input_fidelity on every 2.x model in the tool', () => {
    for (const model of ['gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2'] as ModelId[]) {
      expect(problem({ model, input_fidelity: 'high' }, [model]), model).toMatchObject({ param: 'tools[0].input_fidelity', code: 'unknown_parameter' });
    }
  });
  it('offers 2.6 in the tool only while UNCONFIRMED_OFFERED is on', () => {
    const r = problem({ model: 'gpt-image-2.6-flare', quality: 'max' }, ['gpt-image-2.6-flare']);
    if (UNCONFIRMED_OFFERED) expect(r).toBeNull();
    else expect(r).toMatchObject({ param: 'tools[0].model', code: 'invalid_value' });
  });
  it('names the model field and the offered models when the tool has none', () => {
    const e = problem({ quality: 'low' }, ['gpt-image-2.5-flare', 'dall-e-3'])!;
    expect(e.message).toBe("Missing required parameter: 'tools[0].model'. Name the image model, one of 'gpt-image-2.5-flare'.");
  });
  it('refuses settings that are not an object', () => {
    expect(problem(null as never)).toMatchObject({ code: 'invalid_type' });
  });
});
