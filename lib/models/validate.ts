/**
 * Validate an Images API request against the registry, the way the real service does:
 * the same error codes, a `param` naming the field, a message that says what is allowed.
 * Used by the offline API and by the server before any upstream call.
 */
import { ApiError, invalid, listValues, wrongType } from '../errors/api-error';
import { narrowCaps, type CapsNarrowing } from './caps';
import { findModel, MARKUP_FIELD, MODELS } from './registry';
import { customSizeProblem, parseSize } from './sizes';
import type {
  Background,
  Complexity,
  Endpoint,
  EndpointCaps,
  InputFidelity,
  ModelId,
  Moderation,
  OutputFormat,
  Quality,
  ResponseFormat,
  Style,
  GifRule,
} from './types';

export type ImageEndpoint = 'generate' | 'edit' | 'variation';

/** A request after validation: known model, typed values, nothing the model would refuse. */
export interface ImageRequest {
  endpoint: ImageEndpoint;
  /** The registry's id, for looking up what the model accepts. */
  model: ModelId;
  /** The model as asked and as sent: a dated snapshot goes upstream as given, not as its alias. */
  modelName: string;
  prompt: string;
  n: number;
  /** As asked: `auto` or `WxH`. */
  size: string;
  quality?: Quality;
  complexity?: Complexity;
  outputFormat?: OutputFormat;
  /** gif only. */
  frameCount?: number;
  frameDurationMs?: number;
  /** svg only: the authoring model and its reasoning effort. */
  svg?: { model: string; effort?: string };
  outputCompression?: number;
  background?: Background;
  moderation?: Moderation;
  style?: Style;
  responseFormat?: ResponseFormat;
  inputFidelity?: InputFidelity;
  stream: boolean;
  partialImages: number;
  user?: string;
}

/**
 * The Responses API's image_generation tool after validation: the same image options as an Images request, but
 * no prompt (the main model writes it), no n (one image per call) and no stream flag (the response streams).
 */
export type ImageToolRequest = Omit<ImageRequest, 'endpoint' | 'prompt' | 'n' | 'stream' | 'style' | 'responseFormat' | 'user'> & { endpoint: 'responses' };

/** Every field each endpoint knows, across all models. File fields are checked separately. */
const KNOWN_FIELDS: Record<Endpoint, readonly string[]> = {
  generate: ['prompt', 'model', 'n', 'quality', 'complexity', 'frame_count', 'frame_duration_ms', 'svg', 'size', 'style', 'response_format', 'output_format', 'output_compression', 'background', 'moderation', 'stream', 'partial_images', 'user'],
  // No `moderation`: the edit schema does not have it (spec CreateImageEditRequest, the SDK's ImageEditParams).
  edit: ['prompt', 'model', 'n', 'quality', 'complexity', 'frame_count', 'frame_duration_ms', 'size', 'response_format', 'output_format', 'output_compression', 'background', 'stream', 'partial_images', 'input_fidelity', 'user', 'image', 'image[]', 'mask', MARKUP_FIELD],
  variation: ['model', 'n', 'size', 'response_format', 'user', 'image'],
  // The tool's image options (the mask travels as input_image_mask, checked with the files).
  responses: ['model', 'quality', 'size', 'background', 'output_format', 'output_compression', 'moderation', 'partial_images', 'input_fidelity'],
};

/** What a person needs to know when a model refuses a field it does not have. */
const WHY_REFUSED: Record<string, string> = {
  response_format: ' (GPT image models always return b64_json)',
  complexity: ' (complexity is a gpt-image-2.6 parameter)',
  frame_count: ' (animated GIF output is gpt-image-2.6 only)',
  frame_duration_ms: ' (animated GIF output is gpt-image-2.6 only)',
  svg: ' (SVG output is gpt-image-2.6 generations only)',
  input_fidelity: ' (gpt-image-2 and later always read input images at high fidelity; leave it out)',
};

const FILE_FIELDS = new Set(['image', 'image[]', 'mask', MARKUP_FIELD]);

/** Which capability makes a field acceptable; a field whose capability is absent is an unknown parameter. */
const FIELD_CAPABILITY: Record<string, (c: EndpointCaps) => unknown> = {
  prompt: (c) => c.promptMax > 0,
  quality: (c) => c.qualities.length > 0,
  complexity: (c) => c.complexities,
  frame_count: (c) => c.gif,
  frame_duration_ms: (c) => c.gif,
  svg: (c) => c.svg,
  style: (c) => c.styles,
  response_format: (c) => c.responseFormats,
  output_format: (c) => c.outputFormats,
  output_compression: (c) => c.compression,
  background: (c) => c.backgrounds,
  moderation: (c) => c.moderation,
  stream: (c) => c.partialImages,
  partial_images: (c) => c.partialImages,
  input_fidelity: (c) => c.inputFidelity,
};

export interface ValidateOptions {
  /** Multipart forms carry every value as a string (api-reference §2). */
  fromForm?: boolean;
  narrowing?: CapsNarrowing;
  /** Models the provider serves; others are refused as unknown. Default: all. */
  models?: readonly ModelId[];
  /** Where the fields sit in the request, for `param` and messages (`tools[0].` for the chat's image tool). */
  paramPrefix?: string;
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function readString(fields: Record<string, unknown>, name: string): string | undefined {
  const v = fields[name];
  if (!present(v)) return undefined;
  if (typeof v !== 'string') {
    throw wrongType(name, 'a string', v);
  }
  return v;
}

function readInt(fields: Record<string, unknown>, name: string, fromForm: boolean, range?: { min: number; max: number }): number | undefined {
  let v = fields[name];
  if (!present(v)) return undefined;
  if (fromForm && typeof v === 'string' && /^-?\d+$/.test(v.trim())) v = Number(v.trim());
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw wrongType(name, 'an integer', v);
  }
  if (range && v > range.max) {
    throw invalid(name, 'integer_above_max_value', `Invalid '${name}': integer above maximum value. Expected a value <= ${range.max}, but got ${v} instead.`);
  }
  if (range && v < range.min) {
    throw invalid(name, 'integer_below_min_value', `Invalid '${name}': integer below minimum value. Expected a value >= ${range.min}, but got ${v} instead.`);
  }
  return v;
}

function readBool(fields: Record<string, unknown>, name: string, fromForm: boolean): boolean | undefined {
  const v = fields[name];
  if (!present(v)) return undefined;
  if (typeof v === 'boolean') return v;
  if (fromForm && (v === 'true' || v === 'false')) return v === 'true';
  throw wrongType(name, 'a boolean', v);
}

function readEnum<T extends string>(fields: Record<string, unknown>, name: string, allowed: readonly T[] | undefined): T | undefined {
  const v = readString(fields, name);
  if (v === undefined || !allowed) return undefined;
  if (!allowed.includes(v as T)) {
    throw invalid(name, 'invalid_value', `Invalid value: '${clip(v)}'. Supported values are: ${listValues(allowed)}.`);
  }
  return v as T;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function checkSize(size: string, caps: EndpointCaps): void {
  if (caps.sizes.includes(size)) return;
  const dims = caps.customSize ? parseSize(size) : null;
  if (caps.customSize && dims) {
    const problem = customSizeProblem(dims, caps.customSize);
    if (!problem) return;
    throw invalid('size', 'invalid_value', `Invalid size '${clip(size)}': ${problem}. Use 'auto', one of ${listValues(caps.sizes.filter((s) => s !== 'auto'))}, or another WxH that fits.`);
  }
  const custom = caps.customSize ? ", or 'WxH' (multiples of 16, longest side <= 3840, aspect ratio <= 3:1)" : '';
  throw invalid('size', 'invalid_value', `Invalid value: '${clip(size)}'. Supported values are: ${listValues(caps.sizes)}${custom}.`);
}

/** Resolve and check the model; throws an ApiError naming `model`. */
export function resolveModel(endpoint: Endpoint, fields: Record<string, unknown>, options: ValidateOptions = {}): ModelId {
  const asked = readString(fields, 'model');
  const served = options.models ?? MODELS.map((m) => m.id);
  const offered = served.filter((id) => findModel(id)?.endpoints[endpoint]);
  if (asked === undefined) {
    // The reference now says `model` must be given: the old implicit defaults (dall-e-2, gpt-image-1.5, and the
    // tool's gpt-image-1) are shut down (api-2026-12 §2.1, §4).
    throw invalid('model', 'missing_required_parameter', `Missing required parameter: 'model'. Name the image model, one of ${listValues(offered)}.`);
  }
  const model = findModel(asked);
  // A provider may list a dated snapshot rather than its model's id (or the other way round): either serves it.
  if (!model || !(served.includes(asked) || served.includes(model.id))) {
    throw invalid('model', 'invalid_value', `Invalid value: '${clip(asked)}'. Supported values are: ${listValues(offered)}.`);
  }
  if (!model.endpoints[endpoint]) {
    const what = { variation: 'image variations', edit: 'image edits', generate: 'image generation', responses: 'the image_generation tool' }[endpoint];
    throw invalid('model', 'invalid_value', `Invalid value: '${asked}'. The model ${model.id} does not support ${what}; use ${listValues(offered)}.`);
  }
  return model.id;
}

/**
 * Check every non-file field of an Images API request, or of the Responses API's image_generation tool (the
 * studio and the chat share this one validator). Throws ApiError (400) on the first problem, in the order the
 * real service reports them: unknown parameters, model, prompt, types and ranges, cross-field rules.
 */
export function validateImageRequest(endpoint: ImageEndpoint, fields: Record<string, unknown>, options?: ValidateOptions): ImageRequest;
export function validateImageRequest(endpoint: 'responses', fields: Record<string, unknown>, options?: ValidateOptions): ImageToolRequest;
export function validateImageRequest(endpoint: Endpoint, fields: Record<string, unknown>, options: ValidateOptions = {}): ImageRequest | ImageToolRequest {
  if (!options.paramPrefix) return validateFields(endpoint, fields, options);
  try {
    return validateFields(endpoint, fields, options);
  } catch (e) {
    throw e instanceof ApiError ? prefixed(e, options.paramPrefix) : e;
  }
}

/** The same error, its field named where it sits in the request (`tools[0].size`). */
function prefixed(e: ApiError, prefix: string): ApiError {
  if (!e.param) return e;
  const param = `${prefix}${e.param}`;
  const message = e.message.split(`'${e.param}'`).join(`'${param}'`);
  return new ApiError(e.status, { ...e.toBody().error, message, param }, e.headers);
}

function validateFields(endpoint: Endpoint, fields: Record<string, unknown>, options: ValidateOptions): ImageRequest | ImageToolRequest {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
    throw invalid(null, 'invalid_type', `Invalid request: expected an object of fields, but got ${Array.isArray(fields) ? 'an array' : fields === null ? 'null' : `a ${typeof fields}`} instead.`);
  }
  const tool = endpoint === 'responses';
  const fromForm = options.fromForm ?? false;
  for (const key of Object.keys(fields)) {
    if (!KNOWN_FIELDS[endpoint].includes(key)) {
      throw invalid(key, 'unknown_parameter', `Unknown parameter: '${clip(key)}'.`);
    }
  }
  const model = resolveModel(endpoint, fields, options);
  const modelName = readString(fields, 'model') ?? model;
  const caps = narrowCaps(findModel(model)!.endpoints[endpoint]!, options.narrowing);

  for (const key of Object.keys(fields)) {
    if (FILE_FIELDS.has(key) || !present(fields[key])) continue;
    const capability = FIELD_CAPABILITY[key];
    if (capability && !capability(caps)) {
      throw invalid(key, 'unknown_parameter', `Unknown parameter: '${key}'. ${model} does not accept it${WHY_REFUSED[key] ?? ''}.`);
    }
  }

  let prompt = '';
  if (caps.promptMax > 0 && !tool) {
    const p = readString(fields, 'prompt');
    if (p === undefined) throw invalid('prompt', 'missing_required_parameter', "Missing required parameter: 'prompt'.");
    if (p.trim() === '') throw invalid('prompt', 'empty_string', "Invalid 'prompt': empty string. Expected a string with minimum length 1, but got an empty string instead.");
    const length = [...p].length;
    if (length > caps.promptMax) {
      throw invalid('prompt', 'string_above_max_length', `Invalid 'prompt': string too long. Expected a string with maximum length ${caps.promptMax}, but got a string with length ${length} instead.`);
    }
    prompt = p;
  }

  const n = readInt(fields, 'n', fromForm) ?? 1;
  if (n < 1 || n > 10) readInt({ n }, 'n', false, { min: 1, max: 10 });
  if (n > caps.n.max) {
    throw invalid('n', 'integer_above_max_value', `Invalid 'n': integer above maximum value. Expected a value <= ${caps.n.max} for ${model}, but got ${n} instead.`);
  }

  const size = readString(fields, 'size') ?? caps.defaults.size;
  // A GIF's size is one frame's, under the frame rules (checkGif), not the still image's pixel floor.
  if (!(fields.output_format === 'gif' && caps.gif)) checkSize(size, caps);

  const askedQuality = fields.quality;
  if ((askedQuality === 'xhigh' || askedQuality === 'max') && !caps.qualities.includes(askedQuality)) {
    throw invalid('quality', 'invalid_value', `Invalid value for 'quality': '${askedQuality}'. ${model} supports ${listValues(caps.qualities)}; xhigh and max need gpt-image-2.5 or 2.6.`);
  }
  const quality = readEnum(fields, 'quality', caps.qualities.length ? caps.qualities : undefined);
  const complexity = readEnum(fields, 'complexity', caps.complexities);
  const outputFormat = readEnum(fields, 'output_format', caps.outputFormats);
  const background = readEnum(fields, 'background', caps.backgrounds);
  const moderation = readEnum(fields, 'moderation', caps.moderation);
  const style = readEnum(fields, 'style', caps.styles);
  const responseFormat = readEnum(fields, 'response_format', caps.responseFormats);
  const inputFidelity = readEnum(fields, 'input_fidelity', caps.inputFidelity);
  const outputCompression = readInt(fields, 'output_compression', fromForm, caps.compression);
  const stream = tool ? true : (readBool(fields, 'stream', fromForm) ?? false);
  const partialImages = readInt(fields, 'partial_images', fromForm, caps.partialImages) ?? 0;
  const user = readString(fields, 'user');

  const format = outputFormat ?? caps.defaults.outputFormat;
  if (background === 'transparent' && format && caps.transparentFormats && !caps.transparentFormats.includes(format)) {
    throw invalid('background', 'invalid_value', `Invalid value: 'transparent'. A transparent background needs output_format ${listValues(caps.transparentFormats)}; '${format}' has no alpha channel.`);
  }
  if (outputCompression !== undefined && outputCompression < 100 && format === 'png') {
    throw invalid('output_compression', 'invalid_value', `Invalid 'output_compression': ${outputCompression}. Compression less than 100 is not supported for PNG output format; use output_format 'jpeg' or 'webp', or leave output_compression out.`);
  }

  const animated = checkGif(fields, caps, format, { size, n, stream, partialImages, outputCompression, fromForm });
  const svg = checkSvg(fields, caps, format, { n, stream });
  checkMarkup(fields, caps, model);

  if (tool) return { endpoint, model, modelName, size, quality, outputFormat, outputCompression, background, moderation, inputFidelity, partialImages };
  return {
    endpoint: endpoint as ImageEndpoint,
    model,
    modelName,
    prompt,
    n,
    size,
    quality,
    complexity,
    outputFormat,
    ...animated,
    ...(svg ? { svg } : {}),
    outputCompression,
    background,
    moderation,
    style,
    responseFormat,
    inputFidelity,
    stream,
    partialImages,
    user,
  };
}

/** Validate, returning a result instead of throwing: for server actions that return typed unions. */
export function checkImageRequest(endpoint: ImageEndpoint, fields: Record<string, unknown>, options?: ValidateOptions): { ok: true; request: ImageRequest } | { ok: false; error: ApiError };
export function checkImageRequest(endpoint: 'responses', fields: Record<string, unknown>, options?: ValidateOptions): { ok: true; request: ImageToolRequest } | { ok: false; error: ApiError };
export function checkImageRequest(endpoint: Endpoint, fields: Record<string, unknown>, options?: ValidateOptions): { ok: true; request: ImageRequest | ImageToolRequest } | { ok: false; error: ApiError } {
  try {
    return { ok: true, request: validateImageRequest(endpoint as ImageEndpoint, fields, options) };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e };
    throw e;
  }
}

/**
 * gif (api-2026-12 §2.2): frame_count and frame_duration_ms only with gif; gif forbids streaming, partial images,
 * a mask and output_compression; a frame's size stays under the gateway-measured caps for its frame count.
 */
function checkGif(
  fields: Record<string, unknown>,
  caps: EndpointCaps,
  format: OutputFormat | undefined,
  asked: { size: string; n: number; stream: boolean; partialImages: number; outputCompression?: number; fromForm: boolean },
): { frameCount?: number; frameDurationMs?: number } {
  const rule = caps.gif;
  if (format !== 'gif' || !rule) {
    for (const key of ['frame_count', 'frame_duration_ms']) {
      if (present(fields[key])) throw invalid(key, 'invalid_value', `Invalid '${key}': accepted only with output_format 'gif' (this request asks for '${format ?? 'png'}').`);
    }
    return {};
  }
  if (asked.stream) throw invalid('stream', 'invalid_value', "Invalid 'stream': GIF output cannot stream. Leave stream out, or choose png, jpeg or webp to see partial images.");
  if (asked.partialImages > 0) throw invalid('partial_images', 'invalid_value', `Invalid 'partial_images': ${asked.partialImages}. GIF output has no partial images; leave it out.`);
  if (asked.outputCompression !== undefined) throw invalid('output_compression', 'invalid_value', "Invalid 'output_compression': not allowed with output_format 'gif'.");
  if (present(fields.mask)) throw invalid('mask', 'invalid_value', "Invalid 'mask': a mask is not allowed with output_format 'gif'.");
  const frameCount = readInt(fields, 'frame_count', asked.fromForm, rule.frameCount);
  const frameDurationMs = readInt(fields, 'frame_duration_ms', asked.fromForm, rule.frameDurationMs);
  const frames = frameCount ?? rule.frameCount.default;
  const problem = gifFrameProblem(asked.size, frames, rule);
  if (problem) throw invalid('size', 'invalid_value', `Invalid size '${clip(asked.size)}' for a ${frames}-frame GIF: ${problem}`);
  return { ...(frameCount !== undefined ? { frameCount } : {}), ...(frameDurationMs !== undefined ? { frameDurationMs } : {}) };
}

/** The largest square frame for this many frames (a gateway's measurement, 3P-apiyi-gif); undefined past 16. */
export function gifSquareCap(frames: number, rule: GifRule): number | undefined {
  return rule.squareCaps.find(([most]) => frames <= most)?.[1];
}

/**
 * Why a frame of `size` does not fit `frames` frames, or null. `auto` is the service's to choose. The frames are
 * laid out on one sheet (3P-devto-super_lewis): sides multiples of 16, ratio within 3:1, and each frame under the
 * square cap for its count.
 */
export function gifFrameProblem(size: string, frames: number, rule: GifRule): string | null {
  if (size === 'auto') return null;
  const dims = parseSize(size);
  if (!dims) return "use 'auto' or WxH.";
  if (dims.width % 16 || dims.height % 16) return 'frame sides must be multiples of 16.';
  if (Math.max(dims.width, dims.height) / Math.min(dims.width, dims.height) > 3) return 'the aspect ratio must be between 1:3 and 3:1.';
  const side = gifSquareCap(frames, rule);
  if (!side) return null;
  if (dims.width * dims.height <= side * side) return null;
  return `frames may hold at most ${(side * side).toLocaleString('en-US')} pixels (${side}×${side}) with ${frames} frames; this size has ${(dims.width * dims.height).toLocaleString('en-US')}. Fewer frames allow larger ones (up to 9: 960², up to 12: 816², up to 16: 720²; measured by a gateway, OpenAI publishes no figures).`;
}

/** svg (api-2026-12 §2.3): needs svg.model; one image; not streamed (whether SVG streams is unknown). */
function checkSvg(fields: Record<string, unknown>, caps: EndpointCaps, format: OutputFormat | undefined, asked: { n: number; stream: boolean }): ImageRequest['svg'] {
  const raw = fields.svg;
  if (format !== 'svg' || !caps.svg) {
    if (present(raw)) throw invalid('svg', 'invalid_value', `Invalid 'svg': accepted only with output_format 'svg' (this request asks for '${format ?? 'png'}').`);
    return undefined;
  }
  if (!present(raw) || typeof raw !== 'object' || Array.isArray(raw)) {
    if (present(raw)) throw wrongType('svg', 'an object', raw);
    throw invalid('svg.model', 'missing_required_parameter', "SVG generation requires 'svg.model'.");
  }
  const svg = raw as Record<string, unknown>;
  for (const key of Object.keys(svg)) if (key !== 'model' && key !== 'reasoning') throw invalid(`svg.${key}`, 'unknown_parameter', `Unknown parameter: 'svg.${clip(key)}'.`);
  if (!present(svg.model)) throw invalid('svg.model', 'missing_required_parameter', "SVG generation requires 'svg.model'.");
  if (typeof svg.model !== 'string' || !svg.model.trim()) throw wrongType('svg.model', 'a model name', svg.model);
  let effort: string | undefined;
  if (present(svg.reasoning)) {
    const reasoning = svg.reasoning as Record<string, unknown>;
    if (typeof reasoning !== 'object' || Array.isArray(reasoning)) throw wrongType('svg.reasoning', 'an object', svg.reasoning);
    if (present(reasoning.effort)) {
      // `minimal` works only on the original gpt-5 family (3P-apiyi-svg).
      const allowed = svg.model.startsWith('gpt-5') && !/^gpt-5\.\d/.test(svg.model) ? ['minimal', ...caps.svg.efforts] : caps.svg.efforts;
      if (typeof reasoning.effort !== 'string' || !allowed.includes(reasoning.effort)) {
        throw invalid('svg.reasoning.effort', 'invalid_value', `Invalid value: '${clip(String(reasoning.effort))}'. Supported values are: ${listValues(allowed)}.`);
      }
      effort = reasoning.effort;
    }
  }
  if (asked.n !== 1) throw invalid('n', 'invalid_value', `Invalid 'n': ${asked.n}. SVG output makes one image per request; use n = 1.`);
  if (asked.stream) throw invalid('stream', 'invalid_value', "Invalid 'stream': SVG output is not streamed here (whether the service streams it is unknown); leave stream out.");
  return { model: svg.model, ...(effort ? { effort } : {}) };
}

/** Markup (api-2026-12 §2.4): 2.6 edits only, never with a mask. Its size is checked with the files. */
function checkMarkup(fields: Record<string, unknown>, caps: EndpointCaps, model: string): void {
  if (!present(fields[MARKUP_FIELD])) return;
  if (!caps.markup) throw invalid(MARKUP_FIELD, 'unknown_parameter', `Unknown parameter: '${MARKUP_FIELD}'. ${model} does not take markup-guided edits (gpt-image-2.6 edits only).`);
  if (present(fields.mask)) throw invalid(MARKUP_FIELD, 'invalid_value', `Invalid '${MARKUP_FIELD}': send a mask or markup, not both. A mask says where to edit; markup says what to change with marks.`);
}
