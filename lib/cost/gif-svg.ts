/**
 * What gpt-image-2.6's animated GIF and SVG outputs cost (api-2026-12 §3):
 * - GIF: "probably billed as one image the size of the frame sheet" (inferred from third-party reports, not
 *   confirmed). The frames are laid out on one sheet (3P-devto-super_lewis): cols = ⌈√frames⌉, rows = ⌈frames/cols⌉,
 *   which gives the 3×3, 4×3 and 4×4 sheets the measured caps fit (§2.2).
 * - SVG: the reference raster's image `usage`, plus `svg_usage` at the authoring model's text rates. Only
 *   gpt-6-luna's rates among the GPT-6 authoring models are known (3P, §3); the others are not priced.
 */
import type { Dimensions } from '../models/sizes';
import type { GifRule } from '../models/types';
import { gifSquareCap } from '../models/validate';
import { tokenDollars } from './pricing';
import { textTokens } from './tokens';

export interface GifSheet {
  cols: number;
  rows: number;
  frame: Dimensions;
  sheet: Dimensions;
}

/** The sheet `frames` frames of `frame` are laid out on. */
export function gifSheet(frame: Dimensions, frames: number): GifSheet {
  const cols = Math.ceil(Math.sqrt(frames));
  const rows = Math.ceil(frames / cols);
  return { cols, rows, frame, sheet: { width: cols * frame.width, height: rows * frame.height } };
}

/** A GIF with size `auto`: the service picks the frame; estimated at the largest square frame for the count. */
export function gifAutoFrame(frames: number, rule: GifRule): Dimensions {
  const side = gifSquareCap(frames, rule) ?? 720;
  return { width: side, height: side };
}

/** Text rates (USD per 1M tokens) of the SVG authoring models; a model missing here is not priced. */
export interface TextRates {
  input: number;
  output: number;
  source: string;
}

export const AUTHORING_PRICES: Record<string, TextRates> = {
  'gpt-6-luna': { input: 0.1, output: 0.5, source: 'api-2026-12 §3 (third-party: 3P-runware, 3P-inference.sh)' },
  'gpt-5.6-terra': { input: 2, output: 12, source: 'api-2026-12 §3 (third-party: 3P-runware, 3P-inference.sh)' },
};

/** `svg_usage` as a Responses-style usage block (the authoring model's text tokens; reasoning inside output). */
export interface SvgUsage {
  /** The authoring model, as the offline API and gateways report it. */
  model?: string;
  input_tokens: number;
  output_tokens: number;
  total_tokens?: number;
  input_tokens_details?: { cached_tokens?: number };
  output_tokens_details?: { reasoning_tokens?: number };
  /** Reasoning tokens, included in output_tokens (the offline API's flat shape). */
  reasoning_tokens?: number;
}

export interface SvgCostLine {
  model: string;
  /** null: the authoring model's text rates are unknown. */
  rates: TextRates | null;
  tokens: { input: number; output: { low: number; high: number } } | null;
  dollars: { low: number; high: number } | null;
  note: string;
}

/**
 * Output tokens the authoring model may spend: the SVG text plus reasoning. No figures are published or
 * measured; these ranges are a guess by effort (a 5–40 kB document is ≈ 1.5k–12k tokens; reasoning adds to it).
 */
const SVG_OUT_GUESS: Record<string, [number, number]> = {
  none: [1500, 8000],
  minimal: [1500, 9000],
  low: [2000, 12000],
  medium: [3000, 20000],
  default: [3000, 20000],
  high: [5000, 32000],
  xhigh: [8000, 48000],
  max: [12000, 64000],
};
/** The reference raster the authoring model reads, as input tokens: a guess (no formula is published). */
const SVG_REFERENCE_INPUT = 1000;

function rangeDollars(rates: TextRates, input: number, out: { low: number; high: number }) {
  return { low: tokenDollars(input, rates.input) + tokenDollars(out.low, rates.output), high: tokenDollars(input, rates.input) + tokenDollars(out.high, rates.output) };
}

/** The estimate's second line for an SVG request. */
export function estimateSvgAuthoring(model: string, effort: string | undefined, prompt: string): SvgCostLine {
  const rates = AUTHORING_PRICES[model] ?? null;
  const [low, high] = SVG_OUT_GUESS[effort ?? 'default'] ?? SVG_OUT_GUESS.default;
  const input = textTokens(prompt) + SVG_REFERENCE_INPUT;
  if (!rates) {
    return { model, rates: null, tokens: null, dollars: null, note: `SVG authoring by ${model}: not priced — its text rates are not known (api-2026-12 §3 lists only gpt-6-luna's among the GPT-6 models).` };
  }
  const tokens = { input, output: { low, high } };
  return {
    model,
    rates,
    tokens,
    dollars: rangeDollars(rates, input, tokens.output),
    note: `SVG authoring by ${model} at $${rates.input}/$${rates.output} per 1M text tokens in/out (${rates.source}); tokens are a guess (${low.toLocaleString('en-US')}–${high.toLocaleString('en-US')} out at effort ${effort ?? 'default'}): no figures are published.`,
  };
}

/** What `svg_usage` cost: null when the model's rates are unknown or no usage came back. */
export function svgActualCost(model: string, usage: SvgUsage | null | undefined): number | null {
  const rates = AUTHORING_PRICES[model];
  if (!rates || !usage) return null;
  return tokenDollars(usage.input_tokens, rates.input) + tokenDollars(usage.output_tokens, rates.output);
}
