/**
 * The markup as gpt-image-2.6 takes it (api-2026-12 §2.4, §7.4): a PNG exactly the first image's pixel size,
 * fully transparent except the marks, which are opaque. Browser only (OffscreenCanvas).
 */
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

export function exportMarkup(marks: readonly Mark[], width: number, height: number): Promise<Blob> {
  return markupCanvas(marks, width, height).convertToBlob({ type: 'image/png' });
}

/** The PNG, or null without marks (an edit sends no markup then). */
export async function exportMarkupIfAny(marks: readonly Mark[], width: number, height: number): Promise<Blob | null> {
  return marks.length ? exportMarkup(marks, width, height) : null;
}
