/**
 * Pixel comparisons for a finished edit: what changed outside the mask, and a composite that keeps the
 * result only inside it. Pure functions on RGBA image data (ImageData fits), so they run in a worker or in
 * node tests alike.
 *
 * Mask convention (Images API): alpha 0 = painted = area to edit, 255 = keep, in between = feathered edge.
 */
import { blendThroughMask } from './blend';

/** RGBA image data, 4 bytes a pixel, row-major; `ImageData` is one. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface ChangesOutsideMask {
  /** changedPixels / consideredPixels, 0..1; 0 when nothing lies outside the mask. */
  changedShare: number;
  changedPixels: number;
  /** Pixels whose mask alpha is exactly 255. */
  consideredPixels: number;
  /** Same size as the inputs: ramp where changed outside the mask, a faint tint over the painted area. */
  heatmap: RgbaImage;
}

/** Default threshold: a max channel difference above this (of 255) counts as a change (JPEG/PNG noise stays under). */
export const DEFAULT_THRESHOLD = 8;

/** Tint over the painted area (indigo, so it never reads as part of the red→yellow ramp). */
const TINT = [99, 102, 241] as const;
const TINT_MAX_ALPHA = 56;

/** Throws unless every image is well formed and the same size as the first (named for the error). */
export function assertSameSize(fn: string, images: Record<string, RgbaImage>): void {
  const entries = Object.entries(images);
  const [refName, ref] = entries[0];
  for (const [name, img] of entries) {
    if (!Number.isInteger(img.width) || !Number.isInteger(img.height) || img.width <= 0 || img.height <= 0) {
      throw new Error(`${fn}: the ${name} has an invalid size ${img.width}×${img.height}.`);
    }
    if (img.data.length !== img.width * img.height * 4) {
      throw new Error(`${fn}: the ${name} holds ${img.data.length} bytes, not ${img.width}×${img.height}×4 RGBA.`);
    }
    if (img.width !== ref.width || img.height !== ref.height) {
      throw new Error(
        `${fn}: the ${name} is ${img.width}×${img.height} but the ${refName} is ${ref.width}×${ref.height}; ` +
          `scale it to ${ref.width}×${ref.height} first.`,
      );
    }
  }
}

/**
 * Compares `result` with `original` where the mask keeps the original (alpha exactly 255).
 * Feathered pixels (0 < alpha < 255) count as inside: the model was allowed to change them a little,
 * so flagging them would drown real leaks in edge noise. A pixel changed when its largest channel
 * difference (R, G, B or A) exceeds `threshold`.
 */
export function changesOutsideMask(
  original: RgbaImage,
  result: RgbaImage,
  mask: RgbaImage,
  threshold: number = DEFAULT_THRESHOLD,
): ChangesOutsideMask {
  assertSameSize('changesOutsideMask', { original, result, mask });
  const { width, height } = original;
  const o = original.data;
  const r = result.data;
  const m = mask.data;
  const heat = new Uint8ClampedArray(width * height * 4);
  const span = Math.max(1, 255 - threshold);
  let changed = 0;
  let considered = 0;
  for (let i = 0; i < heat.length; i += 4) {
    const a = m[i + 3];
    if (a !== 255) {
      heat[i] = TINT[0];
      heat[i + 1] = TINT[1];
      heat[i + 2] = TINT[2];
      heat[i + 3] = Math.round(((255 - a) * TINT_MAX_ALPHA) / 255);
      continue;
    }
    considered++;
    const d = Math.max(
      Math.abs(o[i] - r[i]),
      Math.abs(o[i + 1] - r[i + 1]),
      Math.abs(o[i + 2] - r[i + 2]),
      Math.abs(o[i + 3] - r[i + 3]),
    );
    if (d <= threshold) continue;
    changed++;
    // Red for a difference just over the threshold, yellow for the largest; opaque enough to see small ones.
    const t = Math.min(1, (d - threshold) / span);
    heat[i] = 255;
    heat[i + 1] = Math.round(255 * t);
    heat[i + 2] = 0;
    heat[i + 3] = Math.round(200 + 55 * t);
  }
  return {
    changedShare: considered === 0 ? 0 : changed / considered,
    changedPixels: changed,
    consideredPixels: considered,
    heatmap: { data: heat, width, height },
  };
}

/**
 * The original where the mask keeps it, the result where it was painted, blended on feathered edges:
 * out = original·a + result·(1−a), a = mask alpha / 255, on all four channels, rounded to nearest.
 * Exact at alpha 0 (result) and 255 (original).
 */
export function keepMaskedArea(original: RgbaImage, result: RgbaImage, mask: RgbaImage): RgbaImage {
  assertSameSize('keepMaskedArea', { original, result, mask });
  const out = blendThroughMask(original.data, result.data, mask.data, new Uint8ClampedArray(original.data.length));
  return { data: out, width: original.width, height: original.height };
}
