/**
 * The markup as gpt-image-2.6 takes it (api-2026-12 §2.4, §7.4): a PNG exactly the first image's pixel size,
 * fully transparent except the marks, which are opaque. Browser only (OffscreenCanvas).
 */
import { encodeRgbaPng } from './png';
import { drawMarks } from './render';
import type { Mark } from './shapes';

export function markupCanvas(marks: readonly Mark[], width: number, height: number): OffscreenCanvas {
  if (typeof OffscreenCanvas === 'undefined') throw new Error('This browser has no OffscreenCanvas: the markup cannot be exported.');
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Could not get a 2D canvas to draw the markup.');
  // A new canvas is transparent black everywhere: only what drawMarks paints becomes opaque.
  drawMarks(ctx, marks);
  return canvas;
}

/**
 * The canvas's pixels through encodeRgbaPng (on a 4K markup in Chromium: 0.47 s against 1.13 s for
 * convertToBlob, npm run bench), or convertToBlob where CompressionStream is missing.
 */
export async function exportMarkup(marks: readonly Mark[], width: number, height: number): Promise<Blob> {
  const canvas = markupCanvas(marks, width, height);
  if (typeof CompressionStream === 'undefined') return canvas.convertToBlob({ type: 'image/png' });
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height);
  return encodeRgbaPng(pixels.data, width, height);
}

/** The PNG, or null without marks (an edit sends no markup then). */
export async function exportMarkupIfAny(marks: readonly Mark[], width: number, height: number): Promise<Blob | null> {
  return marks.length ? exportMarkup(marks, width, height) : null;
}
