/**
 * Browser image decoding and PNG encoding for the mask tools, on createImageBitmap + OffscreenCanvas so it
 * works the same on the main thread and in a worker.
 */
import type { RgbaImage } from './diff';

/** Raw pixels for comparisons: no colour-profile conversion, no premultiplication on decode. */
const BITMAP_OPTIONS: ImageBitmapOptions = { colorSpaceConversion: 'none', premultiplyAlpha: 'none' };

function canvas2d(width: number, height: number): OffscreenCanvasRenderingContext2D {
  if (typeof OffscreenCanvas === 'undefined') throw new Error('This browser has no OffscreenCanvas: image comparison is not available.');
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('Could not get a 2D canvas context to read the image.');
  return ctx;
}

export function decodeBitmap(blob: Blob): Promise<ImageBitmap> {
  return createImageBitmap(blob, BITMAP_OPTIONS).catch(() => {
    throw new Error(`Could not decode the image (${blob.type || 'unknown type'}, ${blob.size} bytes).`);
  });
}

/** The bitmap's pixels, scaled to width×height when given (high-quality smoothing). Closes the bitmap. */
export function bitmapToImageData(bitmap: ImageBitmap, width = bitmap.width, height = bitmap.height): ImageData {
  try {
    const ctx = canvas2d(width, height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}

/** Decodes an image blob to RGBA pixels, resized to width×height when both are given. */
export async function decodeToImageData(blob: Blob, width?: number, height?: number): Promise<ImageData> {
  const bitmap = await decodeBitmap(blob);
  return width && height ? bitmapToImageData(bitmap, width, height) : bitmapToImageData(bitmap);
}

/** A DOM ImageData from plain RGBA data (copies only when the bytes live in a SharedArrayBuffer). */
export function toImageData(img: RgbaImage): ImageData {
  if (typeof ImageData !== 'undefined' && img instanceof ImageData) return img;
  const bytes = img.data.buffer instanceof ArrayBuffer ? (img.data as Uint8ClampedArray<ArrayBuffer>) : new Uint8ClampedArray(img.data);
  return new ImageData(bytes, img.width, img.height);
}

/** Encodes RGBA pixels as a PNG blob (lossless for opaque pixels; alpha is kept exactly). */
export function encodePng(data: RgbaImage): Promise<Blob> {
  const ctx = canvas2d(data.width, data.height);
  ctx.putImageData(toImageData(data), 0, 0);
  return ctx.canvas.convertToBlob({ type: 'image/png' });
}
