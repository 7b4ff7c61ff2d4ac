import 'server-only';
/**
 * The image of an `image_generation_call`: resolve the input images (data URLs, uploaded files, earlier
 * calls, the previous response's image), then render with the Images API renderer: a generation when there is
 * no image to work from, an edit over the first reference (through the tool's mask) when there is.
 */
import { createHash } from 'node:crypto';
import { ApiError, invalid } from '../../errors/api-error';
import { capsFor, type CapsNarrowing } from '../../models/caps';
import { parseSize, resolveAutoSize, type Dimensions } from '../../models/sizes';
import type { OutputFormat } from '../../models/types';
import { sniffImage, type ImageInfo } from '../../images/sniff';
import type { TokenQuality } from '../../cost/tokens';
import { checkDecodable } from '../decode.server';
import { DETAIL, resolveQuality } from '../quality.server';
import { renderEdit, renderGeneration, type EncodeOptions } from '../render.server';
import type { SceneSpec } from '../scene.server';
import type { ImageRef, ImageTool } from './parse.server';
import { getFile, getImageCall } from './store.server';

const MB = 1024 * 1024;
const MAX_IMAGE_BYTES = 50 * MB;

export interface InputImage {
  bytes: Uint8Array;
  info: ImageInfo;
}

export interface ImagePlan {
  tool: ImageTool;
  prompt: string;
  dims: Dimensions;
  quality: TokenQuality;
  background: 'transparent' | 'opaque';
  format: OutputFormat;
  detail: number;
  action: 'generate' | 'edit';
  images: InputImage[];
  mask?: InputImage;
  seed: string;
}

function decodeDataUrl(ref: Extract<ImageRef, { kind: 'data_url' }>): Uint8Array {
  const m = /^data:(image\/[a-z0-9.+-]+)?(;[a-z0-9=-]+)*;base64,(.*)$/is.exec(ref.url);
  const b64 = m?.[3]?.replace(/\s+/g, '') ?? '';
  if (!m || !m[1] || !b64 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
    throw invalid(ref.param, 'invalid_base64_image', `Invalid '${ref.param}'. Expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got an invalid base64 string.`);
  }
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/** The bytes of one input image, checked: a PNG, JPEG or WebP under 50 MB. */
export function resolveImage(ref: ImageRef): InputImage {
  let bytes: Uint8Array;
  if (ref.kind === 'data_url') bytes = decodeDataUrl(ref);
  else if (ref.kind === 'file') {
    const f = getFile(ref.id);
    if (!f) throw new ApiError(404, { message: `No such File object: ${ref.id.slice(0, 80)}`, type: 'invalid_request_error', param: ref.param, code: 'image_file_not_found' });
    bytes = new Uint8Array(f.bytes);
  } else {
    const call = getImageCall(ref.id);
    if (!call) throw new ApiError(404, { message: `Item with id '${ref.id.slice(0, 80)}' not found.`, type: 'invalid_request_error', param: ref.param, code: null });
    bytes = new Uint8Array(call.bytes);
  }
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw invalid(ref.param, 'image_too_large', `Invalid '${ref.param}': the image is larger than 50 MB.`);
  const info = sniffImage(bytes);
  if (!info) throw invalid(ref.param, 'invalid_image_format', `Invalid '${ref.param}': the bytes are not a PNG, JPEG or WebP image.`);
  return { bytes, info };
}

async function checkAll(images: InputImage[], refs: ImageRef[], mask?: InputImage, maskRef?: ImageRef): Promise<void> {
  try {
    await checkDecodable(images, mask);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    // decode.ts names `image`, `image[i]` or `mask`: say which input it was.
    const i = e.param === 'image' ? 0 : Number(/^image\[(\d+)\]$/.exec(e.param ?? '')?.[1] ?? -1);
    const param = e.param === 'mask' ? maskRef?.param : refs[i]?.param;
    throw invalid(param ?? e.param, 'invalid_image', `Invalid '${param ?? e.param}': the image could not be decoded; the file is corrupt, cut short or too large to open.`);
  }
}

function hash(items: Uint8Array[]): string {
  const h = createHash('sha256');
  for (const b of items) h.update(b);
  return h.digest('hex').slice(0, 16);
}

/**
 * Resolve `auto`s as images.ts does. `refs` are this turn's images, `previous` the earlier turn's image (used
 * when this turn brings none). `action: auto` edits when there is an image to edit.
 */
export async function planImage(tool: ImageTool, prompt: string, refs: ImageRef[], previous: InputImage | undefined, variant: string, narrowing?: CapsNarrowing): Promise<ImagePlan> {
  const caps = capsFor(tool.model, 'responses', narrowing)!;
  const images = refs.map(resolveImage);
  if (!images.length && previous) images.push(previous);
  const mask = tool.mask ? resolveImage(tool.mask) : undefined;
  if (mask && mask.info.type !== 'png') throw invalid(tool.mask!.param, 'invalid_image_format', `Invalid '${tool.mask!.param}': the mask must be a PNG with an alpha channel.`);
  await checkAll(images, refs, mask, tool.mask);
  if (tool.action === 'edit' && !images.length) {
    throw invalid('tools[0].action', 'invalid_value', "Invalid value: 'edit'. There is no image to edit: add an input_image, an image_generation_call item or previous_response_id.");
  }
  const action = tool.action === 'generate' || !images.length ? 'generate' : 'edit';
  const used = action === 'edit' ? images : [];
  const dims = tool.size === 'auto' ? resolveAutoSize(caps, used[0]?.info) : parseSize(tool.size)!;
  const quality: TokenQuality = resolveQuality(tool.model, tool.quality, prompt);
  const format: OutputFormat = tool.outputFormat ?? 'png';
  const wantsTransparent = /\btransparen(t|cy)\b/i.test(prompt) && format !== 'jpeg';
  const background = tool.background && tool.background !== 'auto' ? tool.background : wantsTransparent ? 'transparent' : 'opaque';
  const seed = JSON.stringify(['responses', tool.model, prompt, dims, quality, background, action, hash(used.map((i) => i.bytes)), mask ? hash([mask.bytes]) : null, variant]);
  return { tool, prompt: prompt || 'image', dims, quality, background, format, detail: DETAIL[quality], action, images: used, mask: action === 'edit' ? mask : undefined, seed };
}

function scene(p: ImagePlan): SceneSpec {
  return {
    prompt: p.prompt,
    width: p.dims.width,
    height: p.dims.height,
    caption: `${p.tool.modelName} · ${p.dims.width}x${p.dims.height} · ${p.quality} · ${p.action}`.toUpperCase(),
    transparent: p.background === 'transparent',
    seed: p.seed,
  };
}

/** Render at `detail` of the plan's own (1 = final; partial images use less). */
export function renderImage(p: ImagePlan, share = 1): Promise<Buffer> {
  const enc: EncodeOptions = { format: p.format, compression: p.tool.outputCompression, transparent: p.background === 'transparent' };
  const detail = p.detail * share;
  if (p.action === 'edit') {
    return renderEdit(scene(p), { images: p.images.map((i) => i.bytes), mask: p.mask?.bytes, maskFromImageAlpha: false }, detail, enc);
  }
  return renderGeneration(scene(p), detail, enc);
}

/** Resolved settings, echoed on the call item and the partial image events. */
export function echoSettings(p: ImagePlan) {
  return { background: p.background, output_format: p.format, quality: p.quality, size: `${p.dims.width}x${p.dims.height}` };
}

export function revisedPrompt(p: ImagePlan): string {
  const base = p.prompt.trim().replace(/[.!]*$/, '');
  return p.action === 'edit'
    ? `${base}, applied to the given image as a synthetic offline edit.`
    : `${base}, shown as a synthetic offline test image: flat shapes on a soft gradient, with the prompt printed along the bottom.`;
}
