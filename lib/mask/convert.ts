/**
 * Uploaded masks, on plain RGBA data (ImageData fits). The API's convention: alpha 0 = edit, 255 = keep.
 * Coverage here is the opposite scale, 255 = painted = edit, as the painter draws it.
 */
import type { RgbaImage } from './diff';
import type { CoverageState, Size } from './ops';

export type { RgbaImage };

/**
 * 'alpha': some pixel is not opaque, so the alpha channel is the mask, used as is.
 * 'black-and-white': opaque greys only (anti-aliased edges included); which shade means "edit" is a
 * convention the user must confirm. 'other': opaque colours, not a mask.
 */
export type MaskKind = 'alpha' | 'black-and-white' | 'other';

/** Channel spread still counted as grey (JPEG noise, colour-managed greys). */
const GREY_TOLERANCE = 12;

export function classifyMask(img: RgbaImage): MaskKind {
  const d = img.data;
  let grey = true;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] < 255) return 'alpha';
    if (grey && (Math.abs(d[i] - d[i + 1]) > GREY_TOLERANCE || Math.abs(d[i + 1] - d[i + 2]) > GREY_TOLERANCE)) grey = false;
  }
  return grey ? 'black-and-white' : 'other';
}

export function resizeNeeded(mask: Size, image: Size): boolean {
  return mask.width !== image.width || mask.height !== image.height;
}

/** Black pixels whose alpha is the coverage: the form the painter draws and the bitmap op holds. */
export type CoverageImage = RgbaImage;

function coverage(img: RgbaImage, value: (d: Uint8ClampedArray, i: number) => number): CoverageImage {
  const src = img.data;
  const out = new Uint8ClampedArray(src.length);
  for (let i = 3; i < src.length; i += 4) out[i] = value(src, i - 3);
  return { data: out, width: img.width, height: img.height };
}

/** An alpha mask as is: coverage = 255 − alpha. */
export function coverageFromAlpha(img: RgbaImage): CoverageImage {
  return coverage(img, (d, i) => 255 - d[i + 3]);
}

/** A black-and-white mask: with whiteMeans 'edit', coverage = luminance; with 'keep', its opposite. */
export function coverageFromLuminance(img: RgbaImage, whiteMeans: 'edit' | 'keep'): CoverageImage {
  const flip = whiteMeans === 'keep';
  return coverage(img, (d, i) => {
    const l = Math.round(0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]);
    return flip ? 255 - l : l;
  });
}

export function coverageStateOf(img: CoverageImage): CoverageState {
  let any = false;
  let all = true;
  const d = img.data;
  for (let i = 3; i < d.length; i += 4) {
    if (d[i] > 0) any = true;
    if (d[i] < 255) all = false;
    if (any && !all) return 'partial';
  }
  return all && d.length > 0 ? 'full' : any ? 'partial' : 'empty';
}

/** True when some pixel of an exported mask (alpha = 255 − coverage) is not fully kept. */
export function maskHasEdits(mask: RgbaImage): boolean {
  const d = mask.data;
  for (let i = 3; i < d.length; i += 4) if (d[i] < 255) return true;
  return false;
}
