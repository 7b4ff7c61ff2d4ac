import { describe, expect, it } from 'vitest';
import { capsFor, narrowCaps } from './caps';
import { getModel } from './registry';

const AZURE = { excludeOutputFormats: ['webp'] as const };

describe('capsFor / narrowCaps', () => {
  it('returns the registry caps untouched without a narrowing', () => {
    expect(capsFor('gpt-image-1', 'generate')).toBe(getModel('gpt-image-1').endpoints.generate);
  });

  it('finds caps by alias and returns undefined for unknown models or endpoints', () => {
    expect(capsFor('gpt-image-2-2026-04-21', 'generate')?.customSize).toBeDefined();
    expect(capsFor('gpt-image-9', 'generate')).toBeUndefined();
    expect(capsFor('dall-e-3', 'edit')).toBeUndefined();
  });

  it('takes webp out of output formats and transparent formats on Azure', () => {
    const caps = capsFor('gpt-image-1', 'edit', AZURE)!;
    expect(caps.outputFormats).toEqual(['png', 'jpeg']);
    expect(caps.transparentFormats).toEqual(['png']);
    // everything else is kept
    expect(caps.sizes).toEqual(getModel('gpt-image-1').endpoints.edit!.sizes);
    expect(caps.images?.maxCount).toBe(16);
  });

  it('does not change the registry when narrowing', () => {
    capsFor('gpt-image-1', 'generate', AZURE);
    expect(getModel('gpt-image-1').endpoints.generate!.outputFormats).toEqual(['png', 'jpeg', 'webp']);
  });

  it('leaves dall-e caps (no output formats) alone', () => {
    const caps = getModel('dall-e-3').endpoints.generate!;
    expect(narrowCaps(caps, AZURE)).toBe(caps);
  });

  it('treats an empty exclusion list as no narrowing', () => {
    const caps = getModel('gpt-image-1').endpoints.generate!;
    expect(narrowCaps(caps, { excludeOutputFormats: [] })).toBe(caps);
  });
});
