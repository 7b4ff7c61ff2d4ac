'use client';
/** A small WebP thumbnail for the gallery grid, made off the main thread's canvas with createImageBitmap. */
const MAX_EDGE = 384;

/**
 * A decodable picture of `image`: createImageBitmap reads raster files; an SVG (which it does not take in
 * Chromium) is drawn through an <img>, as the page shows it, so its scripts never run.
 */
export async function bitmapOf(image: Blob): Promise<ImageBitmap> {
  if (image.type !== 'image/svg+xml') return createImageBitmap(image);
  const url = URL.createObjectURL(image);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const w = img.naturalWidth || 1024;
    const h = img.naturalHeight || 1024;
    return await createImageBitmap(img, { resizeWidth: w, resizeHeight: h });
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function makeThumbnail(image: Blob): Promise<Blob> {
  const bitmap = await bitmapOf(image);
  const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
}
