/**
 * Checks the image_generation tool's settings against the registry's `responses` endpoint caps, so a bad
 * value is refused here with the allowed values instead of upstream.
 */
import { capsFor, type CapsNarrowing } from '../models/caps';
import { findModel } from '../models/registry';
import type { GenerationError } from '../generation/events';
import type { ChatToolSettings } from './events';

function refuse(param: string, message: string): GenerationError {
  return { status: 400, message, type: 'invalid_request_error', param, code: 'invalid_value' };
}

/** Null when the settings are acceptable for `tool.model` on the provider's models. */
export function checkTool(tool: ChatToolSettings, allowedModels: readonly string[], narrowing?: CapsNarrowing): GenerationError | null {
  const model = findModel(String(tool.model ?? ''));
  const caps = model && allowedModels.includes(model.id) ? capsFor(model.id, 'responses', narrowing) : undefined;
  if (!model || !caps) {
    const ok = allowedModels.filter((m) => capsFor(m, 'responses'));
    return refuse('tools[0].model', `Image model '${String(tool.model)}' is not available for the image_generation tool here. Use one of: ${ok.join(', ')}.`);
  }
  const oneOf = (param: keyof ChatToolSettings, value: unknown, allowed: readonly string[] | undefined) =>
    value === undefined || (allowed ?? []).includes(String(value))
      ? null
      : refuse(`tools[0].${param}`, `${param} '${String(value)}' is not accepted by ${model.id}. Use one of: ${(allowed ?? []).join(', ') || 'none'}.`);
  const problem =
    oneOf('quality', tool.quality, caps.qualities) ??
    oneOf('size', tool.size, caps.sizes) ??
    oneOf('background', tool.background, caps.backgrounds) ??
    oneOf('output_format', tool.output_format, caps.outputFormats);
  if (problem) return problem;
  if (tool.background === 'transparent' && tool.output_format && !caps.transparentFormats?.includes(tool.output_format as never)) {
    return refuse('tools[0].background', `A transparent background needs output_format ${caps.transparentFormats?.join(' or ') ?? 'png'}.`);
  }
  const p = tool.partial_images;
  const range = caps.partialImages;
  if (p !== undefined && (!Number.isInteger(p) || !range || p < range.min || p > range.max)) {
    return refuse('tools[0].partial_images', `partial_images must be a whole number from ${range?.min ?? 0} to ${range?.max ?? 0}.`);
  }
  return null;
}
