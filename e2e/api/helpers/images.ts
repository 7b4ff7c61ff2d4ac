/**
 * Image helpers for the API tests: decode what the offline API returns, make inputs (patterns, masks, files
 * that only look like images), and compare pixels. Built on lib/testing/fixtures (sharp).
 */
import sharp from 'sharp';
import { decodeRgba, noiseBytes, rgbaPng } from '../../../lib/testing/fixtures';

export { decodeRgba, noiseBytes, rgbaPng, solidImage } from '../../../lib/testing/fixtures';

export interface Decoded {
  format: string;
  width: number;
  height: number;
  hasAlpha: boolean;
}

/** Decode for real (not just the header): format, size and alpha as sharp reads them. */
export async function decode(bytes: Uint8Array): Promise<Decoded> {
  const img = sharp(bytes, { failOn: 'error' });
  const meta = await img.metadata();
  await img.raw().toBuffer(); // throws if the data is corrupt
  return { format: meta.format ?? '?', width: meta.width ?? 0, height: meta.height ?? 0, hasAlpha: !!meta.hasAlpha };
}

export function fromB64(b64: string | undefined): Buffer {
  if (!b64) throw new Error('no b64_json in the answer');
  return Buffer.from(b64, 'base64');
}

/** How many pixels have alpha 0. */
export async function transparentPixels(bytes: Uint8Array): Promise<number> {
  const { data } = await decodeRgba(bytes);
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] === 0) n++;
  return n;
}

/** A colourful, never-grey pattern: every pixel differs from its neighbours, so any change shows. */
export function patternPng(width: number, height: number, seed = 0): Promise<Buffer> {
  return rgbaPng(width, height, (x, y) => [(x + seed) & 255, (y * 3 + seed) & 255, 64 + ((x ^ y) & 127), 255]);
}

/** A mask that keeps everything (alpha 255) but the rectangle `hole`, which is to be edited (alpha 0). */
export function holeMask(width: number, height: number, hole: { x: number; y: number; w: number; h: number }): Promise<Buffer> {
  return rgbaPng(width, height, (x, y) => {
    const inside = x >= hole.x && x < hole.x + hole.w && y >= hole.y && y < hole.y + hole.h;
    return inside ? [0, 0, 0, 0] : [0, 0, 0, 255];
  });
}

/**
 * Compare an edit's output with the first input through the mask: every pixel where the mask's alpha is 255
 * must be identical (RGBA), and pixels where it is 0 should have changed.
 */
export async function compareThroughMask(output: Uint8Array, original: Uint8Array, mask: Uint8Array) {
  const [out, orig, m] = await Promise.all([decodeRgba(output), decodeRgba(original), decodeRgba(mask)]);
  if (out.width !== orig.width || out.height !== orig.height) throw new Error(`output ${out.width}x${out.height} vs input ${orig.width}x${orig.height}`);
  let kept = 0;
  let keptDiffer = 0;
  let firstDiff = -1;
  let holes = 0;
  let holesChanged = 0;
  for (let i = 0; i < out.data.length; i += 4) {
    const a = m.data[i + 3];
    const same = out.data[i] === orig.data[i] && out.data[i + 1] === orig.data[i + 1] && out.data[i + 2] === orig.data[i + 2] && out.data[i + 3] === orig.data[i + 3];
    if (a === 255) {
      kept++;
      if (!same) {
        keptDiffer++;
        if (firstDiff < 0) firstDiff = i / 4;
      }
    } else if (a === 0) {
      holes++;
      if (!same) holesChanged++;
    }
  }
  return { kept, keptDiffer, firstDiff, holes, holesChanged };
}

/** A file with a PNG name whose bytes are not an image at all. */
export function notAnImage(length = 4096): Buffer {
  return Buffer.from(noiseBytes(length, 0x1234567));
}

/** A real PNG header (so the type sniffs as PNG) followed by garbage instead of image data. */
export async function corruptPng(): Promise<Buffer> {
  const good = await patternPng(64, 64);
  return Buffer.concat([good.subarray(0, 41), Buffer.from(noiseBytes(600, 77))]);
}

/** A valid PNG padded after IEND to `bytes`: decoders ignore the tail, byte limits do not. */
export async function paddedPng(width: number, height: number, bytes: number): Promise<Buffer> {
  const png = await patternPng(width, height);
  return Buffer.concat([png, Buffer.alloc(Math.max(0, bytes - png.length))]);
}
