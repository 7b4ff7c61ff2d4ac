import { describe, expect, it } from 'vitest';
import { checkTool } from './tool-check';

const models = ['gpt-image-1', 'gpt-image-2', 'dall-e-3'];

describe('checkTool', () => {
  it('accepts registry values for a model with the responses endpoint', () => {
    expect(checkTool({ model: 'gpt-image-1', quality: 'high', size: '1024x1024', output_format: 'png', partial_images: 2 }, models)).toBeNull();
  });
  it('refuses a model without the responses endpoint, naming the usable ones', () => {
    const e = checkTool({ model: 'dall-e-3' }, models)!;
    expect(e.param).toBe('tools[0].model');
    expect(e.message).toContain('gpt-image-1');
    expect(e.message).not.toContain('dall-e-3,');
  });
  it('refuses a quality, size or partial_images outside the caps', () => {
    expect(checkTool({ model: 'gpt-image-1', quality: 'hd' }, models)?.param).toBe('tools[0].quality');
    expect(checkTool({ model: 'gpt-image-1', size: '17x17' }, models)?.param).toBe('tools[0].size');
    expect(checkTool({ model: 'gpt-image-1', partial_images: 9 }, models)?.param).toBe('tools[0].partial_images');
  });
  it('refuses a model the provider does not offer', () => {
    expect(checkTool({ model: 'gpt-image-2' }, ['gpt-image-1'])?.param).toBe('tools[0].model');
  });
});
