/**
 * Check the files of an edit or variation against the registry: count, bytes, type by magic bytes,
 * square for dall-e-2, and the mask (PNG, with alpha, the first image's size).
 */
import { invalid, listValues } from '../errors/api-error';
import { sniffImage, type ImageInfo } from '../images/sniff';
import type { EndpointCaps, InputImageRule, MaskRule } from './types';

export interface UploadedFile {
  bytes: Uint8Array;
  /** The form field it arrived in (`image`, `image[]`, `mask`). */
  field: string;
  filename?: string;
}

export interface CheckedImage {
  bytes: Uint8Array;
  info: ImageInfo;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

function checkOne(file: UploadedFile, param: string, maxBytes: number, types: readonly string[]): CheckedImage {
  if (file.bytes.byteLength > maxBytes) {
    throw invalid(param, 'image_too_large', `Invalid '${param}': the file is ${megabytes(file.bytes.byteLength)}; the limit is ${megabytes(maxBytes)}.`);
  }
  const info = sniffImage(file.bytes);
  if (!info) {
    throw invalid(param, 'invalid_image_format', `Invalid '${param}'${file.filename ? ` ('${file.filename}')` : ''}: the bytes are not a PNG, JPEG or WebP image. Supported file formats are ${listValues(types.map((t) => `image/${t}`))}.`);
  }
  if (!types.includes(info.type)) {
    throw invalid(param, 'invalid_image_format', `Invalid '${param}': image/${info.type} is not accepted here. Supported file formats are ${listValues(types.map((t) => `image/${t}`))}.`);
  }
  return { bytes: file.bytes, info };
}

/** One reference image against the model's rule: bytes, type by magic bytes, square where required. */
export function checkReferenceImage(file: UploadedFile, rule: InputImageRule, param: string, model: string): CheckedImage {
  const img = checkOne(file, param, rule.maxBytes, rule.types);
  if (rule.square && img.info.width !== img.info.height) {
    throw invalid(param, 'invalid_image_dimensions', `Invalid '${param}': ${model} needs a square image, but this one is ${img.info.width}x${img.info.height}.`);
  }
  return img;
}

export function validateImageFiles(
  caps: EndpointCaps,
  images: UploadedFile[],
  mask: UploadedFile | undefined,
  model: string,
): { images: CheckedImage[]; mask?: CheckedImage } {
  const rule = caps.images;
  if (!rule) throw new Error('validateImageFiles on an endpoint without images');
  if (images.length === 0) throw invalid('image', 'missing_required_parameter', "Missing required parameter: 'image'.");
  if (images.length > rule.maxCount) {
    throw invalid('image', 'array_above_max_length', `Invalid 'image': array too long. Expected an array with maximum length ${rule.maxCount} for ${model}, but got an array with length ${images.length} instead.`);
  }
  const checked = images.map((f, i) => checkReferenceImage(f, rule, images.length > 1 ? `image[${i}]` : 'image', model));

  if (!mask) {
    if (caps.maskFromImageAlpha && !checked[0].info.hasAlpha) {
      throw invalid('image', 'invalid_image_format', `Invalid 'image': without a mask, ${model} uses the image's transparency as the mask, but this PNG has no alpha channel. Send a mask or an RGBA PNG.`);
    }
    return { images: checked };
  }
  if (!caps.mask) throw invalid('mask', 'unknown_parameter', "Unknown parameter: 'mask'.");
  return { images: checked, mask: checkMask(mask, caps.mask, checked[0].info, 'mask') };
}

/**
 * The mask, for an edit (`mask`) and for the chat's image tool (`tools[0].input_image_mask`) alike: a PNG with an
 * alpha channel within the size limit, the first image's size when there is one.
 */
export function checkMask(mask: UploadedFile, rule: MaskRule, first: { width: number; height: number } | undefined, param: string): CheckedImage {
  const m = checkOne(mask, param, rule.maxBytes, ['png']);
  if (!m.info.hasAlpha) {
    throw invalid(param, 'invalid_image_format', `Invalid '${param}': the PNG has no alpha channel. Transparent pixels (alpha 0) mark the area to edit; save the mask as RGBA.`);
  }
  if (first && (m.info.width !== first.width || m.info.height !== first.height)) {
    throw invalid(param, 'invalid_image_dimensions', `Invalid '${param}': it is ${m.info.width}x${m.info.height} but the first image is ${first.width}x${first.height}; they must be the same size.`);
  }
  return m;
}

/**
 * A markup-guided edit's marks (api-2026-12 §2.4): a PNG with an alpha channel, exactly the first image's size,
 * on a transparent ground (the marks are its only opaque pixels; that is the painter's business, not checked here).
 */
export function checkMarkup(markup: UploadedFile, caps: EndpointCaps, first: { width: number; height: number }): CheckedImage {
  const rule = caps.markup;
  if (!rule) throw invalid('markup', 'unknown_parameter', "Unknown parameter: 'markup'. Markup-guided edits are gpt-image-2.6 only.");
  const m = checkOne(markup, rule.field, rule.maxBytes, ['png']);
  if (!m.info.hasAlpha) {
    throw invalid(rule.field, 'invalid_image_format', `Invalid '${rule.field}': the PNG has no alpha channel. Draw the marks on a fully transparent PNG (RGBA).`);
  }
  if (m.info.width !== first.width || m.info.height !== first.height) {
    throw invalid(rule.field, 'invalid_image_dimensions', `Invalid '${rule.field}': it is ${m.info.width}x${m.info.height} but the first image is ${first.width}x${first.height}; they must be the same size.`);
  }
  return m;
}
