import 'server-only';
/**
 * The parts of one chat turn's request that carry images: this turn's attachments and the tool's mask (sent
 * to POST /api/uploads first and taken from there by id, lib/uploads), checked by their bytes against the
 * registry (the tool model's edit rule: count, size, type; the mask's rule: PNG with alpha, the first image's
 * size), then sent inline as data URLs or uploaded through the SDK's
 * `files.create({purpose: 'vision'})` so the request carries `file_id`s.
 */
import type OpenAI from 'openai';
import { toFile } from 'openai';
import { ApiError, invalid } from '../errors/api-error';
import { sniffImage } from '../images/sniff';
import { capsFor, type CapsNarrowing } from '../models/caps';
import { checkMask, checkReferenceImage } from '../models/validate-files';
import type { ImageToolRequest } from '../models/validate';
import type { TakenUploads } from '../uploads/resolve.server';
import type { AttachMode } from './events';
import type { ChatRequest } from '../pipeline/action-input';

export interface CheckedImage {
  bytes: Uint8Array;
  mime: string;
  name: string;
}

export interface CheckedUploads {
  images: CheckedImage[];
  mask?: CheckedImage;
  attachAs: AttachMode;
}

/** Attachments and mask by their bytes; an ApiError names the field (`input[0].content[i]`, `tools[0].input_image_mask`). */
export function checkUploads(input: ChatRequest, taken: TakenUploads, toolModel: string, narrowing?: CapsNarrowing): CheckedUploads | ApiError {
  const attachAs = input.attachAs ?? 'data_url';
  if (attachAs !== 'data_url' && attachAs !== 'file') return invalid('attach_as', 'invalid_value', `attach_as '${String(attachAs)}' is not offered. Use 'data_url' or 'file'.`);
  const images = taken.images;
  const edit = capsFor(toolModel, 'edit', narrowing);
  const rule = edit?.images;
  const maskRule = capsFor(toolModel, 'responses', narrowing)?.mask;
  try {
    if (images.length && !rule) throw invalid('input', 'unknown_parameter', `${toolModel} does not take input images.`);
    if (rule && images.length > rule.maxCount) throw invalid('input', 'array_above_max_length', `Attach at most ${rule.maxCount} images for ${toolModel}; this turn has ${images.length}.`);
    const checked: CheckedImage[] = [];
    // The message comes after a branch's image_generation_call item; its content starts with the text.
    const message = input.referenceCallId ? 1 : 0;
    for (const [i, f] of images.entries()) {
      const bytes = f.bytes;
      const { info } = checkReferenceImage({ bytes, field: 'image', filename: f.filename }, rule!, `input[${message}].content[${i + 1}]`, toolModel);
      checked.push({ bytes, mime: `image/${info.type}`, name: f.filename || `image-${i + 1}.${info.type}` });
    }
    let mask: CheckedImage | undefined;
    if (taken.mask) {
      const param = 'tools[0].input_image_mask';
      if (!maskRule) throw invalid(param, 'unknown_parameter', `${toolModel} does not take a mask.`);
      const first = checked[0] && sniffImage(checked[0].bytes);
      // The studio's mask check (validate-files.ts), under the tool's field name.
      checkMask({ bytes: taken.mask.bytes, field: 'mask' }, maskRule, first ?? undefined, param);
      mask = { bytes: taken.mask.bytes, mime: 'image/png', name: 'mask.png' };
    }
    return { images: checked, mask, attachAs };
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
}

const dataUrl = (img: CheckedImage) => `data:${img.mime};base64,${Buffer.from(img.bytes).toString('base64')}`;

export interface SentImages {
  /** `input_image` parts for the message, in order. */
  parts: OpenAI.Responses.ResponseInputImage[];
  /** The tool's `input_image_mask`, if any. */
  mask?: OpenAI.Responses.Tool.ImageGeneration.InputImageMask;
  fileIds: string[];
  maskFileId?: string;
}

/**
 * The image tool as the SDK types it, extended with what 2.5 takes through it (quality xhigh/max, third-party
 * reports, api-2026-12 §4): the SDK sends body keys and values as given.
 */
export type ImageGenerationTool = Omit<OpenAI.Responses.Tool.ImageGeneration, 'quality' | 'output_format'> & {
  quality?: OpenAI.Responses.Tool.ImageGeneration['quality'] | 'xhigh' | 'max';
  output_format?: 'png' | 'jpeg' | 'webp';
};

/** The validated tool settings as the SDK's own tool type (extended): the compiler refuses a field the tool lacks. */
export function toolParams(req: ImageToolRequest): ImageGenerationTool {
  const tool: ImageGenerationTool = { type: 'image_generation', model: req.modelName, size: req.size };
  if (req.quality !== undefined) tool.quality = req.quality as ImageGenerationTool['quality'];
  if (req.background !== undefined) tool.background = req.background;
  // The tool offers png, jpeg and webp only (registry.ts); the validator refused the others.
  if (req.outputFormat !== undefined) tool.output_format = req.outputFormat as ImageGenerationTool['output_format'];
  if (req.outputCompression !== undefined) tool.output_compression = req.outputCompression;
  if (req.moderation !== undefined) tool.moderation = req.moderation;
  if (req.inputFidelity !== undefined) tool.input_fidelity = req.inputFidelity;
  if (req.partialImages) tool.partial_images = req.partialImages;
  return tool;
}

/** Inline or upload the checked images; uploads go through the SDK so auth, base URL and Azure routing are its own. */
export async function sendImages(client: OpenAI, uploads: CheckedUploads, signal: AbortSignal): Promise<SentImages> {
  if (uploads.attachAs === 'data_url') {
    return {
      parts: uploads.images.map((img) => ({ type: 'input_image', detail: 'auto', image_url: dataUrl(img) })),
      mask: uploads.mask && { image_url: dataUrl(uploads.mask) },
      fileIds: [],
    };
  }
  const upload = async (img: CheckedImage) =>
    (await client.files.create({ file: await toFile(img.bytes, img.name, { type: img.mime }), purpose: 'vision' }, { signal, maxRetries: 0 })).id;
  const fileIds = await Promise.all(uploads.images.map(upload));
  const maskFileId = uploads.mask ? await upload(uploads.mask) : undefined;
  return {
    parts: fileIds.map((file_id) => ({ type: 'input_image', detail: 'auto', file_id })),
    mask: maskFileId ? { file_id: maskFileId } : undefined,
    fileIds,
    maskFileId,
  };
}

/**
 * An earlier image_generation_call named by its id alone, as OpenAI's multi-turn image guide sends it; the SDK's
 * input type wants the whole item (result, status), so the request type is the SDK's, extended by this one item.
 */
export interface ImageCallReference {
  type: 'image_generation_call';
  id: string;
}

export type ChatRequestInput = (OpenAI.Responses.ResponseInputItem | ImageCallReference)[];

export type ChatCreateParams = Omit<OpenAI.Responses.ResponseCreateParamsStreaming, 'input' | 'tools'> & {
  input: ChatRequestInput;
  tools: (ImageGenerationTool & { input_image_mask?: OpenAI.Responses.Tool.ImageGeneration.InputImageMask })[];
};

/** The request's `input`: for a branch the referenced image call first, then this turn's message. */
export function buildInput(text: string, parts: OpenAI.Responses.ResponseInputImage[], referenceCallId?: string): ChatRequestInput {
  const items: ChatRequestInput = [];
  if (referenceCallId) items.push({ type: 'image_generation_call', id: referenceCallId });
  items.push({ role: 'user', content: [{ type: 'input_text', text }, ...parts] });
  return items;
}
