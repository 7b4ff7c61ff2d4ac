/**
 * The mask's meaning in pixels, in one place: out = original·a + fresh·(1−a) per RGBA channel, a = mask
 * alpha / 255, rounded to nearest; exact at 255 (original) and 0 (fresh). The offline API's edits and the
 * studio's "Keep only the masked area" both use it, so they agree to the byte.
 */
export function blendThroughMask<T extends Uint8Array | Uint8ClampedArray>(original: ArrayLike<number>, fresh: ArrayLike<number>, maskRgba: ArrayLike<number>, out: T): T {
  for (let i = 0; i < out.length; i += 4) {
    const a = maskRgba[i + 3];
    if (a === 255) {
      out[i] = original[i];
      out[i + 1] = original[i + 1];
      out[i + 2] = original[i + 2];
      out[i + 3] = original[i + 3];
    } else if (a === 0) {
      out[i] = fresh[i];
      out[i + 1] = fresh[i + 1];
      out[i + 2] = fresh[i + 2];
      out[i + 3] = fresh[i + 3];
    } else {
      const b = 255 - a;
      for (let c = 0; c < 4; c++) out[i + c] = Math.floor((original[i + c] * a + fresh[i + c] * b + 127) / 255);
    }
  }
  return out;
}
