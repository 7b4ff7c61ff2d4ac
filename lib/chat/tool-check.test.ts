import { describe, expect, it } from 'vitest';
import { checkTool } from './tool-check';

const models = ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2', 'dall-e-3'];

describe('checkTool', () => {
  it('accepts every registry value for a model with the responses endpoint', () => {
    expect(checkTool({ model: 'gpt-image-1', quality: 'high', size: '1024x1024', output_format: 'webp', output_compression: 80, background: 'transparent', moderation: 'low', partial_images: 3, input_fidelity: 'high' }, models)).toBeNull();
  });
  it('refuses a model without the responses endpoint, naming the usable ones', () => {
    const e = checkTool({ model: 'dall-e-3' }, models)!;
    expect(e.param).toBe('tools[0].model');
    expect(e.message).toContain('gpt-image-1');
    expect(e.message).not.toContain('dall-e-3,');
  });
  it('refuses a quality, size, background, format or moderation outside the caps, listing the allowed values', () => {
    const q = checkTool({ model: 'gpt-image-1', quality: 'hd' }, models)!;
    expect(q.param).toBe('tools[0].quality');
    expect(q.message).toMatch(/'hd'.*low, medium, high/);
    expect(checkTool({ model: 'gpt-image-1', size: '17x17' }, models)?.param).toBe('tools[0].size');
    expect(checkTool({ model: 'gpt-image-1', background: 'green' }, models)?.param).toBe('tools[0].background');
    expect(checkTool({ model: 'gpt-image-1', output_format: 'gif' }, models)?.param).toBe('tools[0].output_format');
    expect(checkTool({ model: 'gpt-image-1', moderation: 'off' }, models)?.message).toContain('auto, low');
  });
  it('takes a custom size only where the registry has a size rule', () => {
    expect(checkTool({ model: 'gpt-image-2', size: '2048x1152' }, models)).toBeNull();
    expect(checkTool({ model: 'gpt-image-2', size: '2049x1152' }, models)?.param).toBe('tools[0].size');
    expect(checkTool({ model: 'gpt-image-1', size: '2048x1152' }, models)?.param).toBe('tools[0].size');
  });
  it('refuses transparent with jpeg', () => {
    expect(checkTool({ model: 'gpt-image-1', background: 'transparent', output_format: 'jpeg' }, models)?.param).toBe('tools[0].background');
  });
  it('takes compression for jpeg and webp only, within 0–100', () => {
    expect(checkTool({ model: 'gpt-image-1', output_format: 'jpeg', output_compression: 50 }, models)).toBeNull();
    const png = checkTool({ model: 'gpt-image-1', output_format: 'png', output_compression: 50 }, models)!;
    expect(png.param).toBe('tools[0].output_compression');
    expect(png.message).toContain('jpeg and webp');
    expect(checkTool({ model: 'gpt-image-1', output_compression: 50 }, models)?.param).toBe('tools[0].output_compression');
    expect(checkTool({ model: 'gpt-image-1', output_format: 'webp', output_compression: 101 }, models)?.message).toContain('0 to 100');
  });
  it('refuses partial_images outside 0–3', () => {
    expect(checkTool({ model: 'gpt-image-1', partial_images: 4 }, models)?.param).toBe('tools[0].partial_images');
    expect(checkTool({ model: 'gpt-image-1', partial_images: 1.5 }, models)?.param).toBe('tools[0].partial_images');
  });
  it('refuses input fidelity on a model that does not take it', () => {
    const e = checkTool({ model: 'gpt-image-1-mini', input_fidelity: 'high' }, models)!;
    expect(e.param).toBe('tools[0].input_fidelity');
    expect(e.code).toBe('unknown_parameter');
  });
  it('refuses an unknown setting by name', () => {
    expect(checkTool({ model: 'gpt-image-1', n: 2 } as never, models)?.param).toBe('tools[0].n');
  });
  it('refuses a model the provider does not offer', () => {
    expect(checkTool({ model: 'gpt-image-2' }, ['gpt-image-1'])?.param).toBe('tools[0].model');
  });
});
