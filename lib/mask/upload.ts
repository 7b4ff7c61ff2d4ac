/**
 * Uploaded mask files → a coverage bitmap the painter can draw and undo. Browser only.
 */
import { classifyMask, coverageFromAlpha, coverageFromLuminance, coverageStateOf, type CoverageImage, type MaskKind, type RgbaImage } from './convert';
import { decodeToImageData, toImageData } from './image-data';
import type { Coverage, Size } from './ops';

export interface DecodedMask {
  image: RgbaImage;
  kind: MaskKind;
}

/** Decodes the file (resized to `size` when given) and tells what kind of mask it is. */
export async function decodeMask(file: Blob, size?: Size): Promise<DecodedMask> {
  const image = size ? await decodeToImageData(file, size.width, size.height) : await decodeToImageData(file);
  return { image, kind: classifyMask(image) };
}

export async function toCoverage(img: CoverageImage): Promise<Coverage> {
  const source = await createImageBitmap(toImageData(img));
  return { width: img.width, height: img.height, source, state: coverageStateOf(img) };
}

/** The coverage a decoded mask stands for; black-and-white masks need the user's reading of white. */
export function coverageOf(mask: DecodedMask, whiteMeans?: 'edit' | 'keep'): CoverageImage {
  if (mask.kind === 'alpha') return coverageFromAlpha(mask.image);
  if (mask.kind === 'black-and-white' && whiteMeans) return coverageFromLuminance(mask.image, whiteMeans);
  throw new Error('This image is not a mask: use a PNG whose transparent pixels mark the area to edit, or a black-and-white image.');
}
