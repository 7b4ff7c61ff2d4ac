/**
 * Checks the image_generation tool's settings against the registry's `responses` endpoint caps, so a bad
 * value is refused here, naming `tools[0].<field>` and the allowed values, instead of upstream.
 */
import { capsFor, type CapsNarrowing } from '../models/caps';
import { findModel } from '../models/registry';
import { customSizeProblem, parseSize } from '../models/sizes';
import type { GenerationError } from '../generation/events';
import type { ChatToolSettings } from './events';

const FIELDS: readonly (keyof ChatToolSettings)[] = ['model', 'quality', 'size', 'background', 'output_format', 'output_compression', 'moderation', 'partial_images', 'input_fidelity'];

function refuse(param: string, message: string, code = 'invalid_value'): GenerationError {
  return { status: 400, message, type: 'invalid_request_error', param: `tools[0].${param}`, code };
}

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Null when the settings are acceptable for `tool.model` on the provider's models. */
export function checkTool(tool: ChatToolSettings, allowedModels: readonly string[], narrowing?: CapsNarrowing): GenerationError | null {
  if (!tool || typeof tool !== 'object') return refuse('model', 'The image_generation tool settings are missing.', 'missing_required_parameter');
  const unknown = Object.keys(tool).find((k) => !FIELDS.includes(k as keyof ChatToolSettings));
  if (unknown) return refuse(unknown, `Unknown tool setting '${unknown}'. The image_generation tool takes: ${FIELDS.join(', ')}.`, 'unknown_parameter');
  const model = findModel(String(tool.model ?? ''));
  const caps = model && allowedModels.includes(model.id) ? capsFor(model.id, 'responses', narrowing) : undefined;
  if (!model || !caps) {
    const ok = allowedModels.filter((m) => capsFor(m, 'responses'));
    return refuse('model', `Image model '${String(tool.model)}' is not available for the image_generation tool here. Use one of: ${ok.join(', ')}.`);
  }
  const oneOf = (param: keyof ChatToolSettings, allowed: readonly string[] | undefined) => {
    const value = tool[param];
    if (!given(value) || (allowed ?? []).includes(String(value))) return null;
    return allowed?.length
      ? refuse(param, `${param} '${String(value)}' is not accepted by ${model.id}. Use one of: ${allowed.join(', ')}.`)
      : refuse(param, `${model.id} does not take ${param}; leave it out.`, 'unknown_parameter');
  };
  const problem =
    oneOf('quality', caps.qualities) ??
    sizeProblem(tool.size, caps, model.id) ??
    oneOf('background', caps.backgrounds) ??
    oneOf('output_format', caps.outputFormats) ??
    oneOf('moderation', caps.moderation) ??
    oneOf('input_fidelity', caps.inputFidelity);
  if (problem) return problem;
  if (tool.background === 'transparent' && given(tool.output_format) && !caps.transparentFormats?.includes(tool.output_format as never)) {
    return refuse('background', `A transparent background needs output_format ${caps.transparentFormats?.join(' or ') ?? 'png'}, not ${tool.output_format}.`);
  }
  const c = tool.output_compression;
  if (given(c)) {
    const format = tool.output_format || caps.defaults.outputFormat;
    if (!caps.compression || (format !== 'jpeg' && format !== 'webp')) {
      return refuse('output_compression', `output_compression applies to jpeg and webp only; output_format is ${format ?? 'not set'}.`, 'unknown_parameter');
    }
    if (typeof c !== 'number' || !Number.isInteger(c) || c < caps.compression.min || c > caps.compression.max) {
      return refuse('output_compression', `output_compression must be a whole number from ${caps.compression.min} to ${caps.compression.max}; got ${String(c)}.`);
    }
  }
  const p = tool.partial_images;
  const range = caps.partialImages;
  if (given(p) && (typeof p !== 'number' || !Number.isInteger(p) || !range || p < range.min || p > range.max)) {
    return refuse('partial_images', `partial_images must be a whole number from ${range?.min ?? 0} to ${range?.max ?? 0}; got ${String(p)}.`);
  }
  return null;
}

function sizeProblem(size: unknown, caps: NonNullable<ReturnType<typeof capsFor>>, model: string): GenerationError | null {
  if (!given(size) || caps.sizes.includes(String(size))) return null;
  const dims = caps.customSize && parseSize(String(size));
  const custom = dims ? customSizeProblem(dims, caps.customSize!) : null;
  if (dims && !custom) return null;
  const rule = caps.customSize ? ` or a WxH size (${custom ?? 'like 2048x1152'})` : '';
  return refuse('size', `size '${String(size)}' is not accepted by ${model}. Use one of: ${caps.sizes.join(', ')}${rule}.`);
}
