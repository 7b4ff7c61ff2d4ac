import { describe, expect, it } from 'vitest';
import { backgroundsFor, compressionApplies, controlOptions, describeCaps } from './options';
import { getModel } from './registry';

describe('controlOptions', () => {
  it('offers Azure users no webp', () => {
    expect(controlOptions('gpt-image-1', 'generate', { excludeOutputFormats: ['webp'] })?.outputFormats).toEqual(['png', 'jpeg']);
  });

  it('offers nothing for a model without that endpoint', () => {
    expect(controlOptions('dall-e-3', 'variation')).toBeUndefined();
  });
});

describe('backgroundsFor', () => {
  const gpt = controlOptions('gpt-image-1', 'generate')!;

  it('offers transparent with png, webp and the default format', () => {
    expect(backgroundsFor(gpt, 'png')).toEqual(['auto', 'opaque', 'transparent']);
    expect(backgroundsFor(gpt, 'webp')).toEqual(['auto', 'opaque', 'transparent']);
    expect(backgroundsFor(gpt, undefined)).toEqual(['auto', 'opaque', 'transparent']);
  });

  it('withholds transparent with jpeg', () => {
    expect(backgroundsFor(gpt, 'jpeg')).toEqual(['auto', 'opaque']);
  });

  it('withholds transparent with webp on Azure, where webp is gone', () => {
    const azure = controlOptions('gpt-image-1', 'generate', { excludeOutputFormats: ['webp'] })!;
    expect(backgroundsFor(azure, 'webp')).toEqual(['auto', 'opaque']);
  });

  it('offers no backgrounds on dall-e-3', () => {
    expect(backgroundsFor(controlOptions('dall-e-3', 'generate')!, undefined)).toEqual([]);
  });
});

describe('compressionApplies', () => {
  const gpt = controlOptions('gpt-image-1', 'generate')!;

  it('applies to jpeg and webp only', () => {
    expect(compressionApplies(gpt, 'jpeg')).toBe(true);
    expect(compressionApplies(gpt, 'webp')).toBe(true);
    expect(compressionApplies(gpt, 'png')).toBe(false);
    expect(compressionApplies(gpt, undefined)).toBe(false);
  });

  it('never applies on dall-e', () => {
    expect(compressionApplies(controlOptions('dall-e-2', 'generate')!, 'jpeg')).toBe(false);
  });
});

describe('describeCaps', () => {
  it('summarises gpt-image-2 edits', () => {
    const line = describeCaps(getModel('gpt-image-2').endpoints.edit!);
    expect(line).toContain('any WxH (×16, ≤ 3840 px, ≤ 3:1)');
    expect(line).toContain('n 1–10');
    expect(line).toContain('16 images ≤ 50 MB');
    expect(line).toContain('prompt ≤ 32,000 chars');
    expect(line).not.toContain('input fidelity');
  });

  it('summarises dall-e-2 variations without quality or prompt', () => {
    expect(describeCaps(getModel('dall-e-2').endpoints.variation!)).toBe('sizes 256x256, 512x512, 1024x1024 · n 1–10 · 1 image ≤ 4 MB');
  });
});
