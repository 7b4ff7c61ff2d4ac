import { describe, expect, it } from 'vitest';
import { validateImageRequest, type ImageEndpoint } from '../models/validate';
import { toWireParams } from './sdk-params';

const wire = (endpoint: ImageEndpoint, fields: Record<string, unknown>) => toWireParams(validateImageRequest(endpoint, fields));

describe('toWireParams: exactly what was sent', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a full GPT image request', { model: 'gpt-image-1', prompt: 'a fox', n: 3, size: '1536x1024', quality: 'high', output_format: 'webp', output_compression: 60, background: 'transparent', moderation: 'low', user: 'u-1' }],
    ['a 2.6 request with xhigh and complexity', { model: 'gpt-image-2.6-sunburst', prompt: 'a fox', n: 2, size: '3840x2160', quality: 'xhigh', complexity: 'low', output_format: 'webp', output_compression: 70, background: 'transparent', moderation: 'low' }],
    ['a 2.6 Flare request at max', { model: 'gpt-image-2.6-flare', prompt: 'a fox', size: '1024x640', quality: 'max' }],
    ['a 2.5 snapshot request, sent as given', { model: 'gpt-image-2.5-flare-2026-09-08', prompt: 'a fox', size: 'auto', quality: 'xhigh' }],
    ['a minimal gpt-image-2 request', { model: 'gpt-image-2', prompt: 'a fox', size: 'auto' }],
    ['a custom gpt-image-2 size', { model: 'gpt-image-2', prompt: 'a fox', size: '2048x1152', quality: 'low' }],
    ['dall-e-3 with style and url answers', { model: 'dall-e-3', prompt: 'a fox', size: '1792x1024', quality: 'hd', style: 'natural', response_format: 'url' }],
    ['dall-e-2 with several images', { model: 'dall-e-2', prompt: 'a fox', n: 4, size: '256x256', response_format: 'b64_json' }],
  ])('keeps %s field for field', (_, fields) => {
    expect(wire('generate', fields)).toEqual(fields);
  });

  it('omits n when it is 1', () => {
    const w = wire('generate', { model: 'gpt-image-1.5', prompt: 'a fox', n: 1, size: 'auto' });
    expect(w).not.toHaveProperty('n');
    expect(w).toEqual({ model: 'gpt-image-1.5', prompt: 'a fox', size: 'auto' });
  });

  it('sends stream and partial_images only when streaming', () => {
    expect(wire('generate', { model: 'gpt-image-2', prompt: 'x', size: 'auto', stream: true, partial_images: 3 })).toEqual({ model: 'gpt-image-2', prompt: 'x', size: 'auto', stream: true, partial_images: 3 });
    expect(wire('generate', { model: 'gpt-image-2', prompt: 'x', size: 'auto', stream: true })).toMatchObject({ stream: true, partial_images: 0 });
    const off = wire('generate', { model: 'gpt-image-2', prompt: 'x', size: 'auto', stream: false, partial_images: 2 });
    expect(off).not.toHaveProperty('stream');
    expect(off).not.toHaveProperty('partial_images');
  });

  it('sends a dated snapshot as given, not as its alias (the spec lists gpt-image-2-2026-04-21 as a model of its own)', () => {
    expect(wire('generate', { model: 'gpt-image-2-2026-04-21', prompt: 'x', size: 'auto' }).model).toBe('gpt-image-2-2026-04-21');
  });

  it('never sends moderation on an edit: the edit schema has no such field', () => {
    expect(() => wire('edit', { model: 'gpt-image-1', prompt: 'x', moderation: 'low' })).toThrow(/moderation/);
    expect(wire('edit', { model: 'gpt-image-1', prompt: 'x' })).not.toHaveProperty('moderation');
  });

  it('fills in the size the service would use when none was sent', () => {
    expect(wire('generate', { model: 'dall-e-3', prompt: 'x' }).size).toBe('1024x1024');
  });

  it('carries complexity and xhigh on 2.6 edits, and sends no complexity when none was asked', () => {
    expect(wire('edit', { model: 'gpt-image-2.6-flare', prompt: 'x', size: 'auto', quality: 'xhigh', complexity: 'medium' })).toEqual({ model: 'gpt-image-2.6-flare', prompt: 'x', size: 'auto', quality: 'xhigh', complexity: 'medium' });
    expect(wire('generate', { model: 'gpt-image-2.6-flare', prompt: 'x', size: 'auto' })).not.toHaveProperty('complexity');
    expect(wire('generate', { model: 'gpt-image-2.6-flare', prompt: 'x', size: 'auto', complexity: null })).not.toHaveProperty('complexity');
  });

  it('carries input_fidelity on edits', () => {
    expect(wire('edit', { model: 'gpt-image-1', prompt: 'x', size: 'auto', input_fidelity: 'high' })).toEqual({ model: 'gpt-image-1', prompt: 'x', size: 'auto', input_fidelity: 'high' });
  });

  it('sends no prompt on a variation', () => {
    expect(wire('variation', { model: 'dall-e-2', n: 2, size: '512x512' })).toEqual({ model: 'dall-e-2', n: 2, size: '512x512' });
  });

  it('turns form strings into typed wire values', () => {
    const req = validateImageRequest('edit', { model: 'gpt-image-1', prompt: 'x', n: '2', output_compression: '50', output_format: 'jpeg', stream: 'true', partial_images: '1' }, { fromForm: true });
    expect(toWireParams(req)).toMatchObject({ n: 2, output_compression: 50, stream: true, partial_images: 1 });
  });
});
