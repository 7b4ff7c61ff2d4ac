import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { encodeRgbaPng } from './png';

describe('encodeRgbaPng', () => {
  it('writes an RGBA PNG that decodes to the same pixels: transparent ground, opaque and soft marks', async () => {
    const w = 300;
    const h = 200;
    const px = new Uint8ClampedArray(w * h * 4);
    const set = (x: number, y: number, rgba: number[]) => px.set(rgba, (y * w + x) * 4);
    for (let x = 20; x < 280; x++) set(x, 50, [239, 68, 68, 255]);
    set(10, 10, [34, 197, 94, 128]);
    set(299, 199, [0, 0, 0, 255]);
    const blob = await encodeRgbaPng(px, w, h);
    expect(blob.type).toBe('image/png');
    const png = Buffer.from(await blob.arrayBuffer());
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.channels, meta.hasAlpha]).toEqual(['png', w, h, 4, true]);
    const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(Buffer.compare(data, Buffer.from(px))).toBe(0);
    // Mostly zeros deflate to little.
    expect(png.length).toBeLessThan(2000);
  });

  it('refuses a buffer of the wrong length', async () => {
    await expect(encodeRgbaPng(new Uint8Array(10), 2, 2)).rejects.toThrow('10 bytes for 2×2');
  });
});
