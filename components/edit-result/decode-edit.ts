import { bitmapToImageData, decodeBitmap, decodeToImageData } from '@/lib/mask/image-data';

export interface EditImages {
  original: ImageData;
  /** The result at the original's size (scaled when it came back at another size). */
  result: ImageData;
  mask: ImageData;
  /** The result's own size before scaling. */
  resultWidth: number;
  resultHeight: number;
}

/**
 * Decodes an edit's three images for pixel comparison: the original at its size, the result scaled to it,
 * the mask as sent (it must already be the original's size; the diff says so clearly when it is not).
 */
export async function decodeEditImages(original: Blob, result: Blob, mask: Blob): Promise<EditImages> {
  const [o, r, m] = await Promise.all([decodeToImageData(original), decodeBitmap(result), decodeToImageData(mask)]);
  const resultWidth = r.width;
  const resultHeight = r.height;
  return { original: o, result: bitmapToImageData(r, o.width, o.height), mask: m, resultWidth, resultHeight };
}
