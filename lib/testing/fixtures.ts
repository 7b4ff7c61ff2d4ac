/** Test helpers: real encoded images made with sharp, deterministic noise, and catching ApiErrors. */
import sharp from 'sharp';
import { ApiError } from '../errors/api-error';

export type Rgba = { r: number; g: number; b: number; alpha: number };

/** A solid-colour image, encoded for real. `alpha` adds an alpha channel (PNG colour type 6, WebP ALPH). */
export async function solidImage(
  format: 'png' | 'jpeg' | 'webp',
  width: number,
  height: number,
  opts: { alpha?: boolean; colour?: Rgba; lossless?: boolean } = {},
): Promise<Buffer> {
  const colour = opts.colour ?? { r: 200, g: 80, b: 40, alpha: opts.alpha ? 0.5 : 1 };
  const p = sharp({ create: { width, height, channels: opts.alpha ? 4 : 3, background: colour } });
  if (format === 'png') return p.png().toBuffer();
  if (format === 'jpeg') return p.jpeg().toBuffer();
  return p.webp({ lossless: opts.lossless ?? false }).toBuffer();
}

/** An RGBA PNG from raw pixels, built by `pixel(x, y)`. */
export function rgbaPng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), (y * width + x) * 4);
  }
  return sharp(raw, { raw: { width, height, channels: 4 } }).png().toBuffer();
}

/** Decode to raw RGBA (alpha added as 255 where the image has none). */
export async function decodeRgba(bytes: Uint8Array): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Deterministic pseudo-random bytes (xorshift32), so "random bytes" tests never flake. */
export function noiseBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** The ApiError `fn` throws; fails the test when it throws nothing or something else. */
export function apiErrorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw new Error(`expected an ApiError, got ${String(e)}`);
  }
  throw new Error('expected an ApiError, but nothing was thrown');
}
