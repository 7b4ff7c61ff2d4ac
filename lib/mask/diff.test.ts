import { describe, expect, it } from 'vitest';
import { changesOutsideMask, keepMaskedArea, type RgbaImage } from './diff';

/** An image filled with one RGBA colour. */
function solid(width: number, height: number, rgba: [number, number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { data, width, height };
}

/** A mask that keeps everything (alpha 255) but the listed pixels, which get the given alpha. */
function mask(width: number, height: number, painted: Array<[x: number, y: number, alpha: number]> = []): RgbaImage {
  const m = solid(width, height, [0, 0, 0, 255]);
  for (const [x, y, a] of painted) m.data[(y * width + x) * 4 + 3] = a;
  return m;
}

const copy = (img: RgbaImage): RgbaImage => ({ ...img, data: new Uint8ClampedArray(img.data) });
const setPixel = (img: RgbaImage, x: number, y: number, rgba: number[]) => img.data.set(rgba, (y * img.width + x) * 4);
const pixel = (img: RgbaImage, x: number, y: number) => Array.from(img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('changesOutsideMask', () => {
  const original = solid(4, 4, [100, 150, 200, 255]);

  it('reports nothing changed when the result equals the original outside the mask', () => {
    const result = copy(original);
    setPixel(result, 0, 0, [0, 0, 0, 255]); // inside the painted pixel
    const out = changesOutsideMask(original, result, mask(4, 4, [[0, 0, 0]]));
    expect(out).toMatchObject({ changedShare: 0, changedPixels: 0, consideredPixels: 15 });
  });

  it('counts a single changed pixel outside the mask and marks it on the heatmap', () => {
    const result = copy(original);
    setPixel(result, 3, 2, [100, 150, 255, 255]);
    const out = changesOutsideMask(original, result, mask(4, 4));
    expect(out.changedPixels).toBe(1);
    expect(out.consideredPixels).toBe(16);
    expect(out.changedShare).toBeCloseTo(1 / 16);
    const [r, , b, a] = pixel(out.heatmap, 3, 2);
    expect([r, b]).toEqual([255, 0]);
    expect(a).toBeGreaterThan(0);
    expect(pixel(out.heatmap, 0, 0)).toEqual([0, 0, 0, 0]);
  });

  it('ignores changes inside the painted area but tints it on the heatmap', () => {
    const result = copy(original);
    setPixel(result, 1, 1, [0, 0, 0, 0]);
    setPixel(result, 2, 1, [255, 0, 0, 255]);
    const out = changesOutsideMask(original, result, mask(4, 4, [[1, 1, 0], [2, 1, 0]]));
    expect(out.changedPixels).toBe(0);
    expect(out.consideredPixels).toBe(14);
    const tint = pixel(out.heatmap, 1, 1);
    expect(tint[3]).toBeGreaterThan(0);
    expect(tint[3]).toBeLessThan(80); // faint
  });

  it('counts a difference only when the largest channel difference exceeds the threshold', () => {
    const result = copy(original);
    setPixel(result, 0, 0, [108, 150, 200, 255]); // 8: not over the default 8
    setPixel(result, 1, 0, [100, 141, 200, 255]); // 9: over
    setPixel(result, 2, 0, [100, 150, 200, 240]); // alpha differs by 15: over
    expect(changesOutsideMask(original, result, mask(4, 4)).changedPixels).toBe(2);
    expect(changesOutsideMask(original, result, mask(4, 4), 0).changedPixels).toBe(3);
    expect(changesOutsideMask(original, result, mask(4, 4), 20).changedPixels).toBe(0);
  });

  it('ramps red to yellow with the size of the difference', () => {
    const result = copy(original);
    setPixel(result, 0, 0, [120, 150, 200, 255]);
    setPixel(result, 1, 0, [100, 150, 0, 255]);
    const out = changesOutsideMask(original, result, mask(4, 4));
    expect(pixel(out.heatmap, 0, 0)[1]).toBeLessThan(pixel(out.heatmap, 1, 0)[1]);
  });

  it('treats feathered mask pixels (0 < alpha < 255) as inside: neither considered nor counted', () => {
    const result = copy(original);
    setPixel(result, 0, 0, [0, 0, 0, 255]);
    setPixel(result, 1, 0, [0, 0, 0, 255]);
    const out = changesOutsideMask(original, result, mask(4, 4, [[0, 0, 128], [1, 0, 254]]));
    expect(out).toMatchObject({ changedPixels: 0, consideredPixels: 14, changedShare: 0 });
    // The tint fades with the alpha: stronger where more was painted.
    expect(pixel(out.heatmap, 0, 0)[3]).toBeGreaterThan(pixel(out.heatmap, 1, 0)[3]);
  });

  it('reports a share of 0 when the whole image was painted', () => {
    const all = Array.from({ length: 4 }, (_, x) => Array.from({ length: 4 }, (_, y) => [x, y, 0] as [number, number, number])).flat();
    const out = changesOutsideMask(original, solid(4, 4, [0, 0, 0, 255]), mask(4, 4, all));
    expect(out).toMatchObject({ changedShare: 0, changedPixels: 0, consideredPixels: 0 });
  });

  it('throws a clear error when the sizes differ', () => {
    expect(() => changesOutsideMask(original, solid(6, 4, [0, 0, 0, 255]), mask(4, 4))).toThrow(
      'changesOutsideMask: the result is 6×4 but the original is 4×4; scale it to 4×4 first.',
    );
    expect(() => changesOutsideMask(original, copy(original), mask(4, 3))).toThrow(/the mask is 4×3 but the original is 4×4/);
    expect(() => changesOutsideMask(original, { data: new Uint8ClampedArray(10), width: 4, height: 4 }, mask(4, 4))).toThrow(
      /the result holds 10 bytes, not 4×4×4 RGBA/,
    );
  });
});

describe('keepMaskedArea', () => {
  const original = solid(3, 1, [200, 0, 255, 255]);
  const result = solid(3, 1, [0, 255, 0, 128]);

  it('keeps the original exactly at alpha 255 and the result exactly at alpha 0', () => {
    const out = keepMaskedArea(original, result, mask(3, 1, [[1, 0, 0]]));
    expect(pixel(out, 0, 0)).toEqual([200, 0, 255, 255]);
    expect(pixel(out, 1, 0)).toEqual([0, 255, 0, 128]);
    expect(pixel(out, 2, 0)).toEqual([200, 0, 255, 255]);
  });

  it('blends feathered pixels by the mask alpha, rounded (alpha 128 ≈ half and half)', () => {
    const out = keepMaskedArea(original, result, mask(3, 1, [[0, 0, 128]]));
    // 200·128/255 = 100.4 → 100; 255·127/255 = 127; 255·128/255 = 128; 255·128/255 + 128·127/255 = 191.75 → 192
    expect(pixel(out, 0, 0)).toEqual([100, 127, 128, 192]);
  });

  it('does not change its inputs and returns the original size', () => {
    const before = Array.from(original.data);
    const out = keepMaskedArea(original, result, mask(3, 1, [[0, 0, 0]]));
    expect(Array.from(original.data)).toEqual(before);
    expect([out.width, out.height, out.data.length]).toEqual([3, 1, 12]);
  });

  it('throws a clear error when the sizes differ', () => {
    expect(() => keepMaskedArea(original, solid(3, 2, [0, 0, 0, 255]), mask(3, 1))).toThrow(
      'keepMaskedArea: the result is 3×2 but the original is 3×1; scale it to 3×1 first.',
    );
  });
});
