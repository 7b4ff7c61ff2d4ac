import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { gifInfo } from './gif-info';

describe('gifInfo', () => {
  it('reads frame count, delays and size of an animated GIF', async () => {
    const frames = 4;
    const raw = Buffer.alloc(16 * 16 * 4 * frames);
    // Opaque and unlike each other (an encoder merges equal neighbours, adding their delays).
    for (let f = 0; f < frames; f++) for (let p = 0; p < 256; p++) raw.set([f * 80, 255 - f * 60, (f * 37) % 256, 255], (f * 256 + p) * 4);
    const gif = await sharp(raw, { raw: { width: 16, height: 16 * frames, channels: 4, pageHeight: 16 } }).gif({ delay: [120, 120, 120, 300], loop: 0 }).toBuffer();
    const info = gifInfo(new Uint8Array(gif))!;
    expect(info).toMatchObject({ width: 16, height: 16, frames: 4, delaysMs: [120, 120, 120, 300], loops: 0 });
  });

  it('is null for other bytes', () => {
    expect(gifInfo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(gifInfo(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toBeNull();
  });
});
