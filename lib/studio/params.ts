/**
 * The studio's parameters: their shape, how they follow a model change, and how they become request fields.
 * Pure: the store calls these, tests call them with plain objects. What is allowed comes from the registry.
 */
import { backgroundsFor, compressionApplies, controlOptions, type ControlOptions } from '../models/options';
import type { CapsNarrowing } from '../models/caps';
import { CUSTOM_SIZE, customSizeProblem, parseSize, snapCustomSize } from '../models/sizes';
import { gifFrameProblem, type ImageEndpoint } from '../models/validate';
import type { Background, Complexity, GifRule, InputFidelity, ModelId, Moderation, OutputFormat, Quality, ResponseFormat, Style } from '../models/types';

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
  /** Animated GIF (gpt-image-2.6): frames and each frame's delay. Kept while another format is chosen. */
  frameCount: number;
  frameDurationMs: number;
  /** SVG (gpt-image-2.6): the authoring model and its reasoning effort (`default` leaves the effort out). */
  svgModel: string;
  svgEffort: string;
}

/**
 * Frame sizes offered for a GIF: the registry's square caps and a few sheets that fit them (3P-apiyi-gif).
 * The still image's listed sizes (1024² and up) are over every cap, so a GIF gets its own list.
 */
export const GIF_SIZES = ['512x512', '720x720', '816x816', '960x960', '768x512', '512x768', '960x640', '640x960'] as const;

/** The sizes a GIF of `frames` frames may take: `auto` and the presets under its cap. */
export function gifSizes(rule: GifRule, frames: number): string[] {
  return ['auto', ...GIF_SIZES.filter((s) => !gifFrameProblem(s, frames, rule))];
}

/** The size choices for this format: a GIF's frame sizes, SVG's reference-raster sizes, or the model's own. */
export function sizeChoices(o: ControlOptions, p: Pick<StudioParams, 'outputFormat' | 'frameCount'>): string[] {
  if (p.outputFormat === 'gif' && o.gif) return gifSizes(o.gif, p.frameCount);
  if (p.outputFormat === 'svg' && o.svg) return ['auto', ...o.svg.sizes];
  return [...o.sizes];
}

/** Whether this format takes a custom WxH: stills and GIFs on models with a size rule, never SVG. */
export function customSizeAllowed(o: ControlOptions, format: OutputFormat): boolean {
  return !!o.customSize && !(format === 'svg' && o.svg);
}

/** Why the studio turns streaming off for this format, or null when it may stream. */
export function noStreamReason(o: ControlOptions, format: OutputFormat): string | null {
  if (format === 'gif' && o.gif) return 'GIF output cannot stream: the frames arrive together as one file (no partial images).';
  if (format === 'svg' && o.svg) return 'SVG output is not streamed: a text model writes it after the reference image is drawn.';
  return null;
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
      frameCount: 9,
      frameDurationMs: 200,
      svgModel: '',
      svgEffort: 'default',
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
  const outputFormat = pick(p.outputFormat, o.outputFormats, o.defaults.outputFormat);
  const gif = outputFormat === 'gif' ? o.gif : undefined;
  const svg = outputFormat === 'svg' ? o.svg : undefined;
  const frameRule = o.gif?.frameCount;
  const frameCount = frameRule ? clampInt(p.frameCount ?? frameRule.default, frameRule.min, frameRule.max) : (p.frameCount ?? 9);
  const delay = o.gif?.frameDurationMs;
  const frameDurationMs = delay ? Math.min(delay.max, Math.max(delay.min, Math.round((p.frameDurationMs ?? delay.default) / delay.roundTo) * delay.roundTo)) : (p.frameDurationMs ?? 200);
  const choices = sizeChoices(o, { outputFormat, frameCount });
  const custom = customSizeAllowed(o, outputFormat);
  // A still size over a GIF's cap moves to the largest frame that fits, not to auto.
  const fallback = gif ? (choices.filter((c) => c !== 'auto' && parseSize(c)!.width === parseSize(c)!.height).at(-1) ?? 'auto') : svg ? 'auto' : o.defaults.size;
  const size = p.size === CUSTOM_SIZE ? (custom ? CUSTOM_SIZE : fallback) : pick(p.size, choices, fallback);
  const backgrounds = backgroundsFor(o, outputFormat);
  // A GIF frame is under the still image's pixel floor: keep its own numbers (multiples of 16, checked by gifFrameProblem).
  const { width, height } = gif
    ? { width: snap16(p.customWidth), height: snap16(p.customHeight) }
    : o.customSize ? snapCustomSize({ width: p.customWidth, height: p.customHeight }, o.customSize) : { width: p.customWidth, height: p.customHeight };
  const oneImage = !!svg;
  const noStream = !!(gif || svg);
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
    n: oneImage ? 1 : Math.min(o.n.max, Math.max(o.n.min, Math.round(p.n))),
    moderation: pick(p.moderation, o.moderation, o.defaults.moderation),
    style: pick(p.style, o.styles, o.defaults.style),
    responseFormat: pick(p.responseFormat, o.responseFormats, 'b64_json'),
    inputFidelity: pick(p.inputFidelity, o.inputFidelity, o.defaults.inputFidelity),
    stream: !!o.partialImages && !noStream && p.stream,
    partialImages: o.partialImages ? Math.min(o.partialImages.max, Math.max(o.partialImages.min, Math.round(p.partialImages))) : 0,
    frameCount,
    frameDurationMs,
    svgModel: o.svg ? pick(p.svgModel, o.svg.authoringModels, o.svg.authoringModels[0]) : (p.svgModel ?? ''),
    svgEffort: o.svg ? pick(p.svgEffort ?? 'default', ['default', ...o.svg.efforts], 'default') : (p.svgEffort ?? 'default'),
  };
}

function clampInt(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(Number.isFinite(v) ? v : min)));
}

function snap16(v: number): number {
  return Math.max(16, Math.round((Number.isFinite(v) ? v : 512) / 16) * 16);
}

/**
 * One parameter changed, as the store applies it. Only a model or format change re-fits the custom size into
 * its rule; any other edit keeps the sides as typed, a typed side rounded only to the multiple. Snapping the
 * pair on every edit used the other side's stale value (Width 3840 left against the old height 1152 became
 * 3648, and 3648×2160 was sent): a pair that breaks the rule is reported by sizeValue instead.
 */
export function applyParam<K extends keyof StudioParams>(p: StudioParams, key: K, value: StudioParams[K], o: ControlOptions | undefined): StudioParams {
  const next = { ...p, [key]: value };
  if (!o) return next;
  const normal = normalizeParams(next, o);
  if (key === 'model' || key === 'outputFormat') return normal;
  const gif = normal.outputFormat === 'gif' && o.gif;
  const multiple = gif ? 16 : o.customSize?.multiple;
  const side = (v: number) => (multiple && Number.isFinite(v) && v > 0 ? Math.max(multiple, Math.round(v / multiple) * multiple) : v);
  return { ...normal, customWidth: key === 'customWidth' ? side(next.customWidth) : p.customWidth, customHeight: key === 'customHeight' ? side(next.customHeight) : p.customHeight };
}

/** The size string to send, or a reason the custom size cannot be sent. */
export function sizeValue(p: StudioParams, o: ControlOptions): { size: string } | { problem: string } {
  if (p.outputFormat === 'gif' && o.gif) {
    const size = p.size === CUSTOM_SIZE ? `${p.customWidth}x${p.customHeight}` : p.size;
    const problem = gifFrameProblem(size, p.frameCount, o.gif);
    return problem ? { problem: `${size.replace('x', '×')} for ${p.frameCount} GIF frames: ${problem}` } : { size };
  }
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
  if (o.partialImages && p.stream && !noStreamReason(o, p.outputFormat)) {
    fields.stream = true;
    fields.partial_images = p.partialImages;
  }
  if (p.outputFormat === 'gif' && o.gif) {
    fields.frame_count = p.frameCount;
    fields.frame_duration_ms = p.frameDurationMs;
  }
  if (p.outputFormat === 'svg' && o.svg) {
    fields.n = 1;
    fields.svg = { model: p.svgModel, ...(p.svgEffort !== 'default' ? { reasoning: { effort: p.svgEffort } } : {}) };
  }
  return fields;
}

/** Parameters back from request fields ("Reuse settings"), keeping the current values for what is missing. */
export function fieldsToParams(fields: Record<string, unknown>, current: StudioParams, narrowing?: CapsNarrowing, endpoint: ImageEndpoint = 'generate'): StudioParams {
  const model = (fields.model as ModelId) ?? current.model;
  const o = controlOptions(model, endpoint, narrowing);
  if (!o) return current;
  const size = typeof fields.size === 'string' ? fields.size : current.size;
  const svg = fields.svg && typeof fields.svg === 'object' ? (fields.svg as { model?: unknown; reasoning?: { effort?: unknown } }) : undefined;
  const format = (fields.output_format as OutputFormat) ?? current.outputFormat;
  const frames = typeof fields.frame_count === 'number' ? fields.frame_count : current.frameCount;
  const listed = sizeChoices(o, { outputFormat: format, frameCount: frames });
  const isCustom = size !== 'auto' && !listed.includes(size) && /^\d+x\d+$/.test(size);
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
    frameCount: typeof fields.frame_count === 'number' ? fields.frame_count : current.frameCount,
    frameDurationMs: typeof fields.frame_duration_ms === 'number' ? fields.frame_duration_ms : current.frameDurationMs,
    svgModel: typeof svg?.model === 'string' ? svg.model : current.svgModel,
    svgEffort: typeof svg?.reasoning?.effort === 'string' ? svg.reasoning.effort : svg ? 'default' : current.svgEffort,
  };
  return normalizeParams(next, o);
}
