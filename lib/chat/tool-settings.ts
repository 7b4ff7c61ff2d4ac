/**
 * The tool settings the chat offers, kept valid for the chosen image model: every value comes from the
 * registry's `responses` caps (via controlOptions), so a model switch falls back to that model's defaults and
 * drops what it does not take (compression outside jpeg/webp, input fidelity on models without it).
 */
import { backgroundsFor, compressionApplies, type ControlOptions } from '../models/options';
import { customSizeProblem, parseSize } from '../models/sizes';
import type { OutputFormat } from '../models/types';
import type { ChatToolSettings } from './events';

const pick = <T extends string>(value: string | undefined, allowed: readonly T[] | undefined, fallback: T | undefined): T | undefined =>
  allowed?.length ? (allowed.includes(value as T) ? (value as T) : (fallback ?? allowed[0])) : undefined;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(n)));

/** A WxH that the model's size rule accepts (gpt-image-2's custom sizes). */
function fitsCustomRule(size: string | undefined, caps: ControlOptions): boolean {
  const dims = size ? parseSize(size) : null;
  return Boolean(dims && caps.customSize && !caps.sizes.includes(size!) && !customSizeProblem(dims, caps.customSize));
}

export function normalizeTool(tool: ChatToolSettings, caps: ControlOptions): ChatToolSettings {
  const d = caps.defaults;
  const output_format = pick(tool.output_format, caps.outputFormats, d.outputFormat);
  const backgrounds = backgroundsFor(caps, output_format as OutputFormat | undefined);
  const out: ChatToolSettings = {
    model: tool.model,
    quality: pick(tool.quality, caps.qualities, d.quality),
    size: fitsCustomRule(tool.size, caps) ? tool.size : pick(tool.size, caps.sizes, d.size),
    output_format,
    background: pick(tool.background, backgrounds, backgrounds.includes(d.background as never) ? d.background : backgrounds[0]),
    moderation: pick(tool.moderation, caps.moderation, d.moderation),
    output_compression: compressionApplies(caps, output_format as OutputFormat) ? clamp(tool.output_compression ?? caps.compression!.max, caps.compression!.min, caps.compression!.max) : undefined,
    partial_images: caps.partialImages ? clamp(tool.partial_images ?? 1, caps.partialImages.min, caps.partialImages.max) : undefined,
    input_fidelity: pick(tool.input_fidelity, caps.inputFidelity, d.inputFidelity),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ChatToolSettings;
}

export function sameTool(a: ChatToolSettings, b: ChatToolSettings): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ChatToolSettings>;
  return [...keys].every((k) => a[k] === b[k]);
}
