/**
 * The mask as the Images API takes it: an RGBA PNG of exactly the image's pixel size, alpha 0 where painted
 * (the area to edit), 255 elsewhere, feathered edges in between. Browser only (OffscreenCanvas).
 */
import { maskHasEdits } from './convert';
import { coverageState, type MaskOp } from './ops';
import { renderOps } from './render';

function maskCanvas(ops: readonly MaskOp[], width: number, height: number, willRead: boolean): OffscreenCanvas {
  if (typeof OffscreenCanvas === 'undefined') throw new Error('This browser has no OffscreenCanvas: the mask cannot be exported.');
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: willRead });
  if (!ctx) throw new Error('Could not get a 2D canvas to draw the mask.');
  renderOps(ctx, ops, { width, height, color: '#000' });
  // Coverage is in the alpha channel; xor with opaque black turns it into 255 − coverage.
  ctx.globalCompositeOperation = 'xor';
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, width, height);
  return canvas;
}

export function exportMask(ops: readonly MaskOp[], width: number, height: number): Promise<Blob> {
  return maskCanvas(ops, width, height, false).convertToBlob({ type: 'image/png' });
}

/** The PNG, or null when nothing is painted (an edit without a mask may change the whole image). */
export async function exportMaskIfAny(ops: readonly MaskOp[], width: number, height: number): Promise<Blob | null> {
  const state = coverageState(ops, { width, height });
  if (state === 'empty') return null;
  const canvas = maskCanvas(ops, width, height, state === 'unknown');
  // Erasing may have removed everything: only the pixels can tell.
  if (state === 'unknown' && !maskHasEdits(canvas.getContext('2d')!.getImageData(0, 0, width, height))) return null;
  return canvas.convertToBlob({ type: 'image/png' });
}
