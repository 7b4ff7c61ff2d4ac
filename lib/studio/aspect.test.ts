import { describe, expect, it } from 'vitest';
import { customSizeProblem } from '../models/sizes';
import { aspectOf, sizeForAspect } from './aspect';

// gpt-image-2's published rule, written here rather than read from the registry.
const RULE = { multiple: 16, maxEdge: 3840, maxAspect: 3, minPixels: 655_360, maxPixels: 8_294_400 };
const GPT = ['auto', '1024x1024', '1536x1024', '1024x1536'];

describe('aspectOf', () => {
  it('names the ratio of a size, allowing dall-e-3’s 1792×1024 as 16:9', () => {
    expect(aspectOf({ width: 1536, height: 1024 })).toBe('3:2');
    expect(aspectOf({ width: 1792, height: 1024 })).toBe('16:9');
    expect(aspectOf({ width: 1024, height: 1792 })).toBe('9:16');
    expect(aspectOf({ width: 1000, height: 800 })).toBeNull();
    expect(aspectOf(null)).toBeNull();
  });
});

describe('sizeForAspect', () => {
  it('takes the listed size of that shape', () => {
    expect(sizeForAspect('3:2', GPT, RULE, null)).toEqual({ size: '1536x1024' });
    expect(sizeForAspect('1:1', GPT, RULE, { width: 1536, height: 1024 })).toEqual({ size: '1024x1024' });
  });

  it('makes an exact custom size under the rule where no listed size has the shape', () => {
    const t = sizeForAspect('16:9', GPT, RULE, { width: 1024, height: 1024 });
    expect(t).toEqual({ custom: { width: 1280, height: 720 } });
    const tall = sizeForAspect('9:16', GPT, RULE, { width: 3840, height: 2160 }) as { custom: { width: number; height: number } };
    expect(tall.custom.width * 16).toBe(tall.custom.height * 9);
    expect(customSizeProblem(tall.custom, RULE)).toBeNull();
  });

  it('keeps a custom size that already has the shape', () => {
    expect(sizeForAspect('16:9', GPT, RULE, { width: 3840, height: 2160 })).toEqual({ custom: { width: 3840, height: 2160 } });
  });

  it('offers on a fixed-size model only the shapes it lists, the one nearest the current area', () => {
    const dalle2 = ['256x256', '512x512', '1024x1024'];
    expect(sizeForAspect('16:9', dalle2, undefined, null)).toBeNull();
    expect(sizeForAspect('1:1', dalle2, undefined, { width: 500, height: 500 })).toEqual({ size: '512x512' });
    expect(sizeForAspect('16:9', ['1024x1024', '1792x1024', '1024x1792'], undefined, null)).toEqual({ size: '1792x1024' });
  });
});
