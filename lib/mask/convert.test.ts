import { describe, expect, it } from 'vitest';
import { classifyMask, coverageFromAlpha, coverageFromLuminance, coverageStateOf, maskHasEdits, resizeNeeded, type RgbaImage } from './convert';

const img = (pixels: number[][], width = pixels.length, height = 1): RgbaImage => ({ data: new Uint8ClampedArray(pixels.flat()), width, height });
const alphas = (c: RgbaImage) => Array.from(c.data.filter((_, i) => i % 4 === 3));

describe('classifyMask', () => {
  it('takes any transparency as an alpha mask', () => {
    expect(classifyMask(img([[255, 0, 0, 255], [0, 0, 0, 254]]))).toBe('alpha');
  });

  it('calls opaque greys black-and-white, anti-aliased edges and slight noise included', () => {
    expect(classifyMask(img([[0, 0, 0, 255], [255, 255, 255, 255], [128, 130, 126, 255]]))).toBe('black-and-white');
  });

  it('refuses opaque colours', () => {
    expect(classifyMask(img([[0, 0, 0, 255], [200, 40, 40, 255]]))).toBe('other');
  });
});

describe('conversions', () => {
  it('uses alpha as is: coverage = 255 − alpha', () => {
    expect(alphas(coverageFromAlpha(img([[9, 9, 9, 0], [0, 0, 0, 255], [0, 0, 0, 100]])))).toEqual([255, 0, 155]);
  });

  it('reads white as edit when the user confirms that convention, black otherwise', () => {
    const bw = img([[255, 255, 255, 255], [0, 0, 0, 255], [128, 128, 128, 255]]);
    expect(alphas(coverageFromLuminance(bw, 'edit'))).toEqual([255, 0, 128]);
    expect(alphas(coverageFromLuminance(bw, 'keep'))).toEqual([0, 255, 127]);
  });

  it('gives black coverage pixels (RGB 0)', () => {
    const c = coverageFromLuminance(img([[255, 255, 255, 255]]), 'edit');
    expect(Array.from(c.data)).toEqual([0, 0, 0, 255]);
  });
});

describe('coverageStateOf and maskHasEdits', () => {
  it('tells empty, full and partial coverage apart', () => {
    expect(coverageStateOf(img([[0, 0, 0, 0], [0, 0, 0, 0]]))).toBe('empty');
    expect(coverageStateOf(img([[0, 0, 0, 255], [0, 0, 0, 255]]))).toBe('full');
    expect(coverageStateOf(img([[0, 0, 0, 255], [0, 0, 0, 3]]))).toBe('partial');
  });

  it('sees an exported mask with any alpha below 255 as having edits', () => {
    expect(maskHasEdits(img([[0, 0, 0, 255], [0, 0, 0, 255]]))).toBe(false);
    expect(maskHasEdits(img([[0, 0, 0, 255], [0, 0, 0, 254]]))).toBe(true);
  });
});

describe('resizeNeeded', () => {
  it('wants the exact pixel size of the image', () => {
    expect(resizeNeeded({ width: 1024, height: 768 }, { width: 1024, height: 768 })).toBe(false);
    expect(resizeNeeded({ width: 512, height: 384 }, { width: 1024, height: 768 })).toBe(true);
  });
});
