import 'server-only';
/**
 * The registry checks uploads by their first bytes only (lib/images/sniff). A file whose header is right but
 * whose data is corrupt or cut short, or whose header claims more pixels than sharp will open, would only fail
 * in the renderer: a 500, or an error inside a stream already answered 200. Decode each upload once, before
 * answering, and refuse the bad one with a 400 naming its field, as the registry's own checks do.
 */
import sharp from 'sharp';
import { invalid } from '../errors/api-error';
import type { CheckedImage } from '../models/validate-files';

/** Reads every row (corrupt data throws) into a thumbnail, so a large upload never becomes a large raster. */
async function decodes(bytes: Uint8Array): Promise<boolean> {
  try {
    await sharp(bytes, { failOn: 'error' }).resize(16, 16, { fit: 'fill' }).raw().toBuffer();
    return true;
  } catch {
    return false;
  }
}

export async function checkDecodable(images: CheckedImage[], mask?: CheckedImage): Promise<void> {
  const uploads = images.map((img, i) => ({ img, param: images.length > 1 ? `image[${i}]` : 'image' }));
  if (mask) uploads.push({ img: mask, param: 'mask' });
  const ok = await Promise.all(uploads.map((u) => decodes(u.img.bytes)));
  const bad = uploads.find((_, i) => !ok[i]);
  if (bad) {
    const { type, width, height } = bad.img.info;
    throw invalid(bad.param, 'invalid_image_format', `Invalid '${bad.param}': the ${type.toUpperCase()} (${width}x${height} by its header) could not be decoded; the file is corrupt, cut short or too large to open.`);
  }
}
