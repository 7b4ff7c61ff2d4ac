import { describe, expect, it } from 'vitest';
import { controlOptions } from '../models/options';
import { normalizeTool, sameTool } from './tool-settings';
import { checkImageRequest } from '../models/validate';
import type { ModelId } from '../models/types';

/** The server's check of the tool (the registry's validator): null when it passes. */
const checkTool = (tool: object, models: ModelId[]) => {
  const checked = checkImageRequest('responses', { ...tool }, { models, paramPrefix: 'tools[0].' });
  return checked.ok ? null : checked.error;
};

const caps = (m: string, narrowing?: { excludeOutputFormats: ('webp' | 'png' | 'jpeg')[] }) => controlOptions(m, 'responses', narrowing)!;

describe('normalizeTool', () => {
  it('fills in the model defaults for a fresh tool, and the result passes the server check', () => {
    const t = normalizeTool({ model: 'gpt-image-1' }, caps('gpt-image-1'));
    expect(t).toMatchObject({ quality: 'auto', size: 'auto', output_format: 'png', background: 'auto', moderation: 'auto', input_fidelity: 'low', partial_images: 1 });
    expect(t.output_compression).toBeUndefined();
    expect(checkTool(t, ['gpt-image-1'])).toBeNull();
  });
  it('offers compression only for jpeg and webp', () => {
    expect(normalizeTool({ model: 'gpt-image-1', output_format: 'jpeg' }, caps('gpt-image-1')).output_compression).toBe(100);
    expect(normalizeTool({ model: 'gpt-image-1', output_format: 'png', output_compression: 40 }, caps('gpt-image-1')).output_compression).toBeUndefined();
  });
  it('drops input fidelity on a model without it, and transparent with jpeg', () => {
    const t = normalizeTool({ model: 'gpt-image-1-mini', input_fidelity: 'high', output_format: 'jpeg', background: 'transparent' }, caps('gpt-image-1-mini'));
    expect(t.input_fidelity).toBeUndefined();
    expect(t.background).toBe('auto');
    expect(checkTool(t, ['gpt-image-1-mini'])).toBeNull();
  });
  it('follows the provider narrowing (Azure: no webp) and clamps partial images', () => {
    const t = normalizeTool({ model: 'gpt-image-1', output_format: 'webp', partial_images: 7 }, caps('gpt-image-1', { excludeOutputFormats: ['webp'] }));
    expect(t.output_format).toBe('png');
    expect(t.partial_images).toBe(3);
  });
  it("keeps a custom WxH that gpt-image-2's size rule accepts, and drops one it refuses or a model without the rule", () => {
    expect(normalizeTool({ model: 'gpt-image-2', size: '1536x864' }, caps('gpt-image-2')).size).toBe('1536x864');
    expect(checkTool({ model: 'gpt-image-2', size: '1536x864' }, ['gpt-image-2'])).toBeNull();
    expect(normalizeTool({ model: 'gpt-image-2', size: '1000x1000' }, caps('gpt-image-2')).size).toBe('auto');
    expect(normalizeTool({ model: 'gpt-image-1', size: '1536x864' }, caps('gpt-image-1')).size).toBe('auto');
  });
  it('is stable: normalizing twice changes nothing', () => {
    const once = normalizeTool({ model: 'gpt-image-2', quality: 'high', output_format: 'webp', output_compression: 55 }, caps('gpt-image-2'));
    expect(sameTool(once, normalizeTool(once, caps('gpt-image-2')))).toBe(true);
    expect(sameTool(once, { ...once, quality: 'low' })).toBe(false);
  });
});
