/**
 * The studio's parameters: their shape, how they follow a model change, and how they become request fields.
 * Pure: the store calls these, tests call them with plain objects. What is allowed comes from the registry.
 */
import { backgroundsFor, compressionApplies, controlOptions, type ControlOptions } from '../models/options';
import type { CapsNarrowing } from '../models/caps';
import { CUSTOM_SIZE, customSizeProblem, snapCustomSize } from '../models/sizes';
import type { ImageEndpoint } from '../models/validate';
import type { Background, Complexity, InputFidelity, ModelId, Moderation, OutputFormat, Quality, ResponseFormat, Style } from '../models/types';

/** The size control's value: a listed size, `auto`, or `custom` (then width/height apply). */
export { CUSTOM_SIZE };

export interface StudioParams {
  model: ModelId;
  prompt: string;
  size: string;
  customWidth: number;
  customHeight: number;
  quality: Quality;
  /** gpt-image-2.6's planning depth; `default` leaves it out (the model's own default). */
  complexity: Complexity | 'default';
  background: Background;
  outputFormat: OutputFormat;
  compression: number;
  n: number;
  moderation: Moderation;
  style: Style;
  responseFormat: ResponseFormat;
  inputFidelity: InputFidelity;
  /** Stream partial images (GPT image models). */
  stream: boolean;
  partialImages: number;
}

export function defaultParams(model: ModelId): StudioParams {
  return normalizeParams(
    {
      model,
      prompt: '',
      size: 'auto',
      customWidth: 2048,
      customHeight: 1152,
      quality: 'auto',
      complexity: 'default',
      background: 'auto',
      outputFormat: 'png',
      compression: 100,
      n: 1,
      moderation: 'auto',
      style: 'vivid',
      responseFormat: 'b64_json',
      inputFidelity: 'low',
      stream: true,
      partialImages: 2,
    },
    controlOptions(model, 'generate')!,
  );
}

function pick<T>(value: T, allowed: readonly T[] | undefined, fallback: T | undefined): T {
  if (!allowed || allowed.includes(value)) return value;
  return fallback !== undefined && allowed.includes(fallback) ? fallback : allowed[0];
}

/**
 * Keep every choice the model accepts and move the others to the model's default: a model change never
 * leaves an impossible combination (jpeg + transparent, n = 4 on dall-e-3, a custom size on gpt-image-1).
 */
export function normalizeParams(p: StudioParams, o: ControlOptions): StudioParams {
  const size = p.size === CUSTOM_SIZE ? (o.customSize ? CUSTOM_SIZE : o.defaults.size) : pick(p.size, o.sizes, o.defaults.size);
  const outputFormat = pick(p.outputFormat, o.outputFormats, o.defaults.outputFormat);
  const backgrounds = backgroundsFor(o, outputFormat);
  const { width, height } = o.customSize ? snapCustomSize({ width: p.customWidth, height: p.customHeight }, o.customSize) : { width: p.customWidth, height: p.customHeight };
  return {
    ...p,
    size,
    customWidth: width,
    customHeight: height,
    quality: pick(p.quality, o.qualities, o.defaults.quality),
    // Kept while hidden (a model without it), so coming back to 2.6 restores it; sent only where taken.
    complexity: o.complexities ? pick(p.complexity ?? 'default', ['default', ...o.complexities], 'default') : (p.complexity ?? 'default'),
    outputFormat,
    background: backgrounds.length ? pick(p.background, backgrounds, 'auto') : p.background,
    compression: Math.min(100, Math.max(0, Math.round(p.compression))),
    n: Math.min(o.n.max, Math.max(o.n.min, Math.round(p.n))),
    moderation: pick(p.moderation, o.moderation, o.defaults.moderation),
    style: pick(p.style, o.styles, o.defaults.style),
    responseFormat: pick(p.responseFormat, o.responseFormats, 'b64_json'),
    inputFidelity: pick(p.inputFidelity, o.inputFidelity, o.defaults.inputFidelity),
    stream: !!o.partialImages && p.stream,
    partialImages: o.partialImages ? Math.min(o.partialImages.max, Math.max(o.partialImages.min, Math.round(p.partialImages))) : 0,
  };
}

/** The size string to send, or a reason the custom size cannot be sent. */
export function sizeValue(p: StudioParams, o: ControlOptions): { size: string } | { problem: string } {
  if (p.size !== CUSTOM_SIZE) return { size: p.size };
  if (!o.customSize) return { problem: 'This model takes only the listed sizes.' };
  const problem = customSizeProblem({ width: p.customWidth, height: p.customHeight }, o.customSize);
  return problem ? { problem: `${p.customWidth}×${p.customHeight}: ${problem}.` } : { size: `${p.customWidth}x${p.customHeight}` };
}

/**
 * The request fields for the server: only what this model accepts, nothing it would refuse. The server
 * validates again with the same registry.
 */
export function paramsToFields(p: StudioParams, o: ControlOptions): Record<string, unknown> {
  const size = sizeValue(p, o);
  const fields: Record<string, unknown> = { model: p.model, n: p.n };
  if (o.promptMax > 0) fields.prompt = p.prompt;
  if ('size' in size) fields.size = size.size;
  if (o.qualities.length) fields.quality = p.quality;
  if (o.complexities && p.complexity !== 'default') fields.complexity = p.complexity;
  if (o.outputFormats) fields.output_format = p.outputFormat;
  if (o.backgrounds) fields.background = p.background;
  if (compressionApplies(o, p.outputFormat)) fields.output_compression = p.compression;
  if (o.moderation) fields.moderation = p.moderation;
  if (o.styles) fields.style = p.style;
  if (o.responseFormats) fields.response_format = p.responseFormat;
  if (o.inputFidelity) fields.input_fidelity = p.inputFidelity;
  if (o.partialImages && p.stream) {
    fields.stream = true;
    fields.partial_images = p.partialImages;
  }
  return fields;
}

/** Parameters back from request fields ("Reuse settings"), keeping the current values for what is missing. */
export function fieldsToParams(fields: Record<string, unknown>, current: StudioParams, narrowing?: CapsNarrowing, endpoint: ImageEndpoint = 'generate'): StudioParams {
  const model = (fields.model as ModelId) ?? current.model;
  const o = controlOptions(model, endpoint, narrowing);
  if (!o) return current;
  const size = typeof fields.size === 'string' ? fields.size : current.size;
  const isCustom = size !== 'auto' && !o.sizes.includes(size) && /^\d+x\d+$/.test(size);
  const [w, h] = isCustom ? size.split('x').map(Number) : [current.customWidth, current.customHeight];
  const next: StudioParams = {
    ...current,
    model,
    prompt: typeof fields.prompt === 'string' ? fields.prompt : current.prompt,
    size: isCustom ? CUSTOM_SIZE : size,
    customWidth: w,
    customHeight: h,
    quality: (fields.quality as Quality) ?? current.quality,
    complexity: (fields.complexity as Complexity) ?? 'default',
    background: (fields.background as Background) ?? current.background,
    outputFormat: (fields.output_format as OutputFormat) ?? current.outputFormat,
    compression: typeof fields.output_compression === 'number' ? fields.output_compression : current.compression,
    n: typeof fields.n === 'number' ? fields.n : 1,
    moderation: (fields.moderation as Moderation) ?? current.moderation,
    style: (fields.style as Style) ?? current.style,
    responseFormat: (fields.response_format as ResponseFormat) ?? current.responseFormat,
    stream: fields.stream === true,
    partialImages: typeof fields.partial_images === 'number' ? fields.partial_images : current.partialImages,
    inputFidelity: (fields.input_fidelity as InputFidelity) ?? current.inputFidelity,
  };
  return normalizeParams(next, o);
}
