/**
 * The cost estimator (browser-safe, pure): what a request will cost before it is sent, and what it did cost
 * once its `usage` block is back. Token counts come from tokens.ts (the same figures the offline API reports),
 * prices from pricing.ts, and — where this browser has been billed for the same combination before — from
 * what was billed (learned.ts). Everything is computed in full precision; only formatUsd rounds, for display.
 */
import { getModel } from '../models/registry';
import { formatSize, parseSize, resolveAutoSize, type Dimensions } from '../models/sizes';
import type { Complexity, EndpointCaps, InputFidelity, ModelId, Quality } from '../models/types';
import { learnedFor, type Combo, type Learned, type LearnedBook } from './learned';
import { DEFAULT_PRICES, pricingFor, tokenDollars, type ModelPricing, type PriceTable, type TokenPricing } from './pricing';
import { GPT_2X_FIT, inputImageTokens, outputImageTokens, PARTIAL_IMAGE_TOKENS, readsInputsAtHighFidelity, textTokens, UNMEASURED_QUALITIES, type TokenQuality } from './tokens';
import type { ImagesUsage } from './usage';
import { estimateSvgAuthoring, gifAutoFrame, gifSheet, type GifSheet, type SvgCostLine } from './gif-svg';

export { textTokens } from './tokens';

export interface Range {
  low: number;
  high: number;
}

/** One part of the bill. `tokens` is null where the model is priced per image. */
export interface CostLine {
  tokens: Range | null;
  dollars: Range;
}

export interface ImageInLine extends CostLine {
  images: number;
  fidelity: InputFidelity;
  /** Tokens the high-fidelity surcharge adds on top of the tile formula. */
  surchargeTokens: number;
}

export interface EstimateInput {
  model: ModelId;
  /** Decides how `auto` size resolves; default: edit when there are reference images. */
  endpoint?: 'generate' | 'edit' | 'variation';
  /** `auto`, `WxH`, or dimensions already resolved. */
  size: string | Dimensions;
  /** Default: the model's default quality (`auto` on GPT image models). */
  quality?: Quality;
  /** gpt-image-2.6's planning depth, when sent. */
  complexity?: Complexity;
  n: number;
  /** Partial images per image, when streaming (0 otherwise). */
  partialImages?: number;
  /**
   * Streamed: the Images API streams one image per request, so n images are n requests, each billed the prompt
   * and the reference images again (lib/generation/upstream.server.ts sends n = 1 per stream).
   */
  streamed?: boolean;
  prompt: string;
  inputImages?: Dimensions[];
  inputFidelity?: InputFidelity;
  /** gpt-image-2.6 animated GIF: `size` is one frame's; billed as the frame sheet (gif-svg.ts). */
  gif?: { frames: number };
  /** gpt-image-2.6 SVG: the authoring model and effort, priced as a second line. */
  svg?: { model: string; effort?: string };
  /** Where the request goes (offline, openai, azure, gateway): what was learned is kept per provider. */
  provider?: string;
}

/** Where the output figure came from: the published table, or this browser's earlier calls. */
export interface LearnedUse {
  /** Calls the figure rests on. */
  calls: number;
  /** Output tokens per image the table alone gives (partials included), for comparison; null where it gives a range. */
  table: Range | null;
}

export interface CostEstimate {
  /** Dollars, unrounded. Equal unless the quality spans a range (`auto` on Flare and older models). */
  low: number;
  high: number;
  /** A single figure rather than a range (how far to trust it is in `notes`). */
  exact: boolean;
  /** The size priced, after `auto` resolved. */
  size: Dimensions;
  /** The qualities the range spans, cheapest first. */
  qualities: string[];
  breakdown: { textIn: CostLine; imageIn: ImageInLine; imageOut: CostLine; partials: CostLine };
  /** Set when the output figure follows what this browser was billed before for the same combination. */
  learned?: LearnedUse;
  /** True where a figure rests on no published or measured number (xhigh, max): a guess, labelled. */
  guessed: boolean;
  notes: string[];
  /** A GIF: the sheet its frames are billed as. */
  gif?: GifSheet;
  /** An SVG: the authoring model's line (its dollars are in low/high when its rates are known). */
  svgAuthoring?: SvgCostLine;
}

/** The combination an estimate is learned under: the size and quality as asked, not as resolved. */
export function comboOf(input: EstimateInput): Combo | null {
  if (!input.provider) return null;
  const size = typeof input.size === 'string' ? input.size : formatSize(input.size);
  let quality: string | undefined = input.quality;
  if (!quality) {
    const eps = getModel(input.model).endpoints;
    const endpoint = input.endpoint ?? (input.inputImages?.length ? 'edit' : 'generate');
    quality = (eps[endpoint] ?? eps.generate)?.defaults.quality;
  }
  if (!quality) return null;
  return { provider: input.provider, model: input.model, size, quality, ...(input.complexity ? { complexity: input.complexity } : {}) };
}

const BASE_QUALITIES: readonly TokenQuality[] = ['low', 'medium', 'high'];
const TOP_QUALITIES: readonly TokenQuality[] = ['low', 'medium', 'high', 'xhigh', 'max'];
const ZERO: Range = { low: 0, high: 0 };
const point = (v: number): Range => ({ low: v, high: v });
const sum = (...rs: Range[]): Range => ({ low: rs.reduce((a, r) => a + r.low, 0), high: rs.reduce((a, r) => a + r.high, 0) });

/** The qualities a token-billed model has figures for: up to max on 2.5/2.6, up to high before. */
function qualitiesOf(model: ModelId): readonly TokenQuality[] {
  const rule = getModel(model).outputTokens;
  return rule === 'gpt-image-2.5-fit' || rule === 'gpt-image-2.6-fit' ? TOP_QUALITIES : BASE_QUALITIES;
}

/** Which 2.x variant an id is (a snapshot or an unknown id counts as the model whose rules it follows). */
function variantOf(model: ModelId): 'sunburst' | 'flare' | null {
  const spec = getModel(model);
  const id = String(spec.familyOf ?? spec.id);
  return /-sunburst(?:$|-)/.test(id) ? 'sunburst' : /-flare(?:$|-)/.test(id) ? 'flare' : null;
}

/**
 * The highest output seen for gpt-image-2.6-flare with quality left out: ≈5,800 tokens for one detailed 1024²
 * prompt (3P-laozhang, api-2026-12 §3), above what the fit gives even for `max`. Scaled to other sizes as the fit
 * scales. Only 2.6 was measured.
 */
export const FLARE_26_OMITTED_PEAK = { tokens: 5800, pixels: 1024 * 1024 } as const;

function capsFor(model: ModelId, endpoint: EstimateInput['endpoint']): EndpointCaps {
  const eps = getModel(model).endpoints;
  const caps = eps[endpoint ?? 'generate'] ?? eps.generate;
  if (!caps) throw new RangeError(`${model} has no ${endpoint} endpoint`);
  return caps;
}

/** `auto` resolves as the offline API resolves it (sizes.ts); models without `auto` get their default size. */
function resolveSize(size: string | Dimensions, caps: EndpointCaps, reference: Dimensions | undefined, notes: string[]): Dimensions {
  if (typeof size !== 'string') return size;
  if (size === 'auto') {
    if (!caps.sizes.includes('auto')) return parseSize(caps.defaults.size)!;
    const dims = resolveAutoSize(caps, reference);
    const how = reference ? "following the first reference's shape" : 'a square';
    notes.push(`Size auto: estimated at ${formatSize(dims)} (${how}, as the offline API resolves it); the real service may pick another size.`);
    return dims;
  }
  const dims = parseSize(size);
  if (!dims) throw new RangeError(`Size "${size}" is neither auto nor WxH`);
  return dims;
}

function priceNotes(model: ModelId, pricing: ModelPricing, borrowedFrom?: ModelId): string[] {
  const notes: string[] = [];
  if (borrowedFrom) notes.push(`${model} is not in the registry: priced as ${borrowedFrom}, whose rules it follows.`);
  const whose = borrowedFrom ?? model;
  if (pricing.sourceKind === 'third-party') notes.push(`Prices for ${whose} are third-party figures (${pricing.source}), not from an official page.`);
  if (pricing.sourceKind === 'override') notes.push(`Prices for ${whose} are set by the operator (${pricing.source}).`);
  return notes;
}

function priced(model: ModelId, prices: PriceTable): { pricing: ModelPricing; borrowedFrom?: ModelId } {
  const p = pricingFor(model, prices);
  if (!p) throw new RangeError(`No price for ${model}`);
  return p;
}

/**
 * Predict the cost of a request: a point, or a low..high range where the quality leaves the level to the model.
 * With `learned` (this browser's book), a combination billed before is estimated from what was billed.
 * Throws RangeError when unpriceable.
 */
export function estimateCost(input: EstimateInput, prices: PriceTable = DEFAULT_PRICES, learned?: LearnedBook | null): CostEstimate {
  const refs = input.inputImages ?? [];
  const endpoint = input.endpoint ?? (refs.length ? 'edit' : 'generate');
  const caps = capsFor(input.model, endpoint);
  const notes: string[] = [];
  let gif: GifSheet | undefined;
  if (input.gif && caps.gif) {
    const frames = input.gif.frames;
    const frame = input.size === 'auto' ? gifAutoFrame(frames, caps.gif) : typeof input.size === 'string' ? parseSize(input.size) : input.size;
    if (!frame) throw new RangeError(`Size "${String(input.size)}" is neither auto nor WxH`);
    gif = gifSheet(frame, frames);
    if (input.size === 'auto') notes.push(`Size auto: a GIF frame is estimated at ${formatSize(frame)}, the largest square for ${frames} frames; the service picks the real one.`);
    notes.push(`GIF: ${frames} frames of ${formatSize(frame)} priced as one ${formatSize(gif.sheet)} image (a ${gif.cols}×${gif.rows} frame sheet) — inferred from third-party reports, not confirmed (api-2026-12 §3).`);
  }
  const size = gif ? gif.sheet : resolveSize(input.size, caps, refs[0], notes);
  const { pricing, borrowedFrom } = priced(input.model, prices);
  const n = Math.max(0, Math.floor(input.n));
  const quality = input.quality ?? caps.defaults.quality;
  // A GIF or SVG is billed unlike a still of the same size: what was learned from stills does not apply.
  const combo = gif || input.svg ? null : comboOf({ ...input, endpoint, quality });
  const est = pricing.unit === 'per-image'
    ? { ...perImageEstimate(input, pricing.perImage, size, quality, n, caps, notes), guessed: false }
    : tokenEstimate(input, pricing, size, quality, n, refs, notes, combo ? learnedFor(learned, combo) : null);
  notes.push(...priceNotes(input.model, pricing, borrowedFrom));
  if (input.svg && caps.svg) {
    const line = estimateSvgAuthoring(input.svg.model, input.svg.effort, input.prompt);
    notes.push(line.note);
    const low = est.low + (line.dollars?.low ?? 0);
    const high = est.high + (line.dollars?.high ?? 0);
    return { ...est, low, high, exact: low === high, size, notes, svgAuthoring: line, guessed: true };
  }
  return { ...est, exact: est.low === est.high, size, notes, ...(gif ? { gif } : {}) };
}

interface QualityPlan {
  qualities: TokenQuality[];
  /** Flare 2.6 with quality left out: the measured peak, above the fit's max. */
  peak?: boolean;
}

/** The qualities a request may be billed at, and what the notes say about them. */
function qualityPlan(model: ModelId, quality: Quality, notes: string[]): QualityPlan {
  const known = qualitiesOf(model);
  if (quality === 'auto') {
    const variant = variantOf(model);
    const omitted = getModel(model).qualityOmitted;
    if (variant === 'sunburst') {
      notes.push(`Quality auto: priced as high. ${omitted ?? ''} (third-party report, api-2026-12 §2.1; unconfirmed)`.replace('  ', ' '));
      return { qualities: ['high'] };
    }
    if (variant === 'flare') {
      const peak = getModel(model).outputTokens === 'gpt-image-2.6-fit';
      notes.push(
        `Quality auto: a range from low to max. ${omitted ?? ''}` +
          (peak ? ' The top of the range is the highest measured: ≈5,800 output tokens for one detailed 1024² prompt (3P-laozhang), scaled to this size.' : ''),
      );
      return { qualities: [...known], peak };
    }
    notes.push('Quality auto: a range from low to high quality; the model picks.');
    return { qualities: [...BASE_QUALITIES] };
  }
  if (!known.includes(quality as TokenQuality)) throw new RangeError(`${model} has no quality "${quality}"; use ${[...known, 'auto'].join(', ')}`);
  return { qualities: [quality as TokenQuality] };
}

/** Output tokens per image for `quality` at `size` from the published figures, partials left out. */
function tableTokens(model: ModelId, size: Dimensions, quality: TokenQuality): number | null {
  return outputImageTokens(getModel(model).familyOf ?? model, size, quality);
}

function fitNotes(model: ModelId, qualities: readonly TokenQuality[], complexity: Complexity | undefined, notes: string[]): boolean {
  const rule = getModel(model).outputTokens;
  if (rule === 'gpt-image-2-formula') notes.push('gpt-image-2 output tokens use a formula reverse-engineered from OpenAI\'s pricing calculator (community.openai.com thread 1382699); the returned usage is authoritative.');
  if (rule === 'gpt-image-1-mini-table') notes.push("gpt-image-1-mini's token counts are derived from its official per-image prices; its real counts are uncertain.");
  if (rule === 'gpt-image-2.6-fit' || rule === 'gpt-image-2.5-fit') {
    notes.push(
      'No token table is published for gpt-image-2.5/2.6: output tokens follow a fit through the points measured on the official route (3P-laozhang, 2026-11-05: 2.6 at 1536×1024 low 664, high 1,353; 3840×2160 high ≈ 3,337), medium in between' +
        (rule === 'gpt-image-2.5-fit' ? '; 2.5 taken as equal to 2.6 at high and up and ≈3.5× fewer at low and medium (third-party).' : '.'),
    );
  }
  const unmeasured = qualities.filter((q) => UNMEASURED_QUALITIES.includes(q));
  if (unmeasured.length) {
    const x = (q: TokenQuality) => `${q} ${(GPT_2X_FIT['gpt-image-2.6-fit'][q] / GPT_2X_FIT['gpt-image-2.6-fit'].high).toFixed(1)}× high`;
    notes.push(`Estimate only: no token figure for quality ${unmeasured.join(' or ')} is published or measured anywhere; priced as a guess (${unmeasured.map(x).join(', ')}).`);
  }
  if (complexity) notes.push(`Complexity ${complexity}: reported to cost nothing extra (3P-laozhang), unconfirmed; not priced.`);
  return unmeasured.length > 0;
}

function tokenEstimate(
  input: EstimateInput, p: TokenPricing, size: Dimensions, quality: Quality, n: number, refs: Dimensions[], notes: string[], learned: Learned | null,
): Omit<CostEstimate, 'exact' | 'size' | 'notes'> {
  const { model } = input;
  const spec = getModel(model);
  const plan = qualityPlan(model, quality, notes);
  const perImage = plan.qualities.map((q) => tableTokens(model, size, q));
  if (perImage.some((t) => t === null)) {
    throw new RangeError(`${model} has no token count for ${formatSize(size)}; use ${spec.endpoints.generate?.sizes.join(', ')}`);
  }
  let lowOut = Math.min(...(perImage as number[]));
  let highOut = Math.max(...(perImage as number[]));
  if (plan.peak) {
    const scale = ((size.width * size.height) / FLARE_26_OMITTED_PEAK.pixels) ** GPT_2X_FIT.exponent;
    highOut = Math.max(highOut, Math.round(FLARE_26_OMITTED_PEAK.tokens * scale));
  }
  const guessed = fitNotes(model, plan.qualities, input.complexity, notes);
  const partialCount = Math.max(0, Math.floor(input.partialImages ?? 0));
  const partialPerImage = partialCount * PARTIAL_IMAGE_TOKENS;
  const prompt = textTokens(input.prompt);
  let text = prompt;
  // Input lines are billed once per request: n times when the n images are n streams.
  const requests = input.streamed ? n : 1;

  // What this browser was billed before for the same combination replaces the table's figure.
  let learnedUse: LearnedUse | undefined;
  let partialTokens: Range = point(n * partialPerImage);
  if (learned) {
    const table = lowOut === highOut ? point(lowOut + partialPerImage) : { low: lowOut + partialPerImage, high: highOut + partialPerImage };
    const combo = `${model} at ${typeof input.size === 'string' ? input.size : formatSize(size)}, quality ${quality}${input.complexity ? `, complexity ${input.complexity}` : ''}`;
    const calls = `from ${learned.calls} of your call${learned.calls === 1 ? '' : 's'}`;
    if (learned.ratio !== null && lowOut === highOut) {
      // A fixed level: billed ÷ table, applied to this request's table figure (partials scale with it).
      lowOut = highOut = Math.round(lowOut * learned.ratio);
      partialTokens = point(Math.round(n * partialPerImage * learned.ratio));
      const pct = (learned.ratio - 1) * 100;
      notes.unshift(`Output tokens ${calls} with ${combo} (median billed: ${pct >= 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}% against the published figures).`);
    } else {
      // A level the model picks: the range of what was billed, partials included.
      lowOut = Math.round(learned.out.min);
      highOut = Math.round(learned.out.max);
      partialTokens = ZERO;
      notes.unshift(`Output tokens ${calls} with ${combo} (the range billed, partial images included).`);
    }
    if (learned.textOverhead !== null && learned.textOverhead !== 0) {
      text = Math.max(0, prompt + Math.round(learned.textOverhead));
      notes.push(`Text input: the prompt's ${prompt} tokens ${learned.textOverhead > 0 ? '+' : '−'} ${Math.abs(Math.round(learned.textOverhead))} the service added on your earlier calls.`);
    }
    learnedUse = { calls: learned.calls, table };
  }
  const outTokens = { low: n * lowOut, high: n * highOut };

  // Mirrors usage.ts: gpt-image-2, 2.5 and 2.6 always read references at high fidelity; models without the
  // parameter (mini) read them at low.
  const takesFidelity = !!spec.endpoints.edit?.inputFidelity;
  const base = spec.familyOf ?? model;
  const alwaysHigh = readsInputsAtHighFidelity(model);
  const fidelity: InputFidelity = alwaysHigh ? 'high' : takesFidelity ? (input.inputFidelity ?? 'low') : 'low';
  const imageTokens = refs.reduce((a, d) => a + inputImageTokens(d, fidelity), 0);
  const surcharge = imageTokens - refs.reduce((a, d) => a + inputImageTokens(d, 'low'), 0);

  if (partialTokens.high) notes.push('Each partial image adds 100 output tokens (documented for the Responses API on gpt-image-1; assumed for Images API streaming and for 2.x).');
  if (refs.length && alwaysHigh) notes.push(`${base} reads reference images at high fidelity, so each carries the high-fidelity surcharge.`);
  if (refs.length && !takesFidelity && input.inputFidelity === 'high' && !alwaysHigh) notes.push(`${model} has no input_fidelity; references are counted at low fidelity.`);
  if (refs.length && base !== 'gpt-image-1') notes.push(`Input image tokens use gpt-image-1's tile formula; unverified for ${model}${alwaysHigh ? ' (no formula is published for 2.x)' : ''}.`);

  const line = (tokens: Range, perMillion: number): CostLine => ({
    tokens,
    dollars: { low: tokenDollars(tokens.low, perMillion), high: tokenDollars(tokens.high, perMillion) },
  });
  if (requests > 1) notes.push(`Streamed, the ${n} images are ${n} requests: the prompt${refs.length ? ' and the reference images are' : ' is'} billed ${n} times.`);
  const textIn = line(point(text * requests), p.textInput);
  const imageIn: ImageInLine = { ...line(point(imageTokens * requests), p.imageInput), images: refs.length, fidelity, surchargeTokens: surcharge * requests };
  const imageOut = line(outTokens, p.imageOutput);
  const partials = line(partialTokens, p.imageOutput);
  const total = sum(textIn.dollars, imageIn.dollars, imageOut.dollars, partials.dollars);
  return { ...total, qualities: plan.qualities, breakdown: { textIn, imageIn, imageOut, partials }, guessed, ...(learnedUse ? { learned: learnedUse } : {}) };
}

/**
 * The table's output tokens for one image of a finished call (partials included): what learned.ts compares the
 * billed figure with. Null where the estimate is a range (quality auto on Flare), or the model is priced per image.
 */
export function tableOutputPerImage(model: ModelId, size: Dimensions, quality: Quality, partialImages: number, prices: PriceTable = DEFAULT_PRICES): number | null {
  try {
    const e = estimateCost({ model, size, quality, n: 1, partialImages, prompt: '' }, prices);
    const out = e.breakdown.imageOut.tokens;
    const partials = e.breakdown.partials.tokens;
    if (!out || !partials || out.low !== out.high) return null;
    return out.low + partials.low;
  } catch {
    return null;
  }
}

function perImageEstimate(
  input: EstimateInput, table: Record<string, Record<string, number>>, size: Dimensions, quality: Quality, n: number, caps: EndpointCaps, notes: string[],
): Omit<CostEstimate, 'exact' | 'size' | 'notes' | 'guessed'> {
  const { model } = input;
  const key = formatSize(size);
  const bySize = table[key];
  if (!bySize) throw new RangeError(`No per-image price for ${model} at ${key}; priced sizes: ${Object.keys(table).join(', ')}`);
  // dall-e has no `auto` quality (its default applies); a GPT model billed per image by a gateway spans low..high.
  let qualities: string[] = [quality];
  if (quality === 'auto') qualities = getModel(model).family === 'dall-e' ? [caps.defaults.quality] : [...BASE_QUALITIES];
  if (quality === 'auto' && qualities.length > 1) notes.push('Quality auto: a range from low to high quality; the model picks.');
  const each = qualities.map((q) => {
    const v = bySize[q];
    if (v === undefined) throw new RangeError(`No per-image price for ${model} at ${key}, quality ${q}; priced: ${Object.keys(bySize).join(', ')}`);
    return v;
  });
  notes.push(`${model} is priced per image${getModel(model).family === 'dall-e' ? '; the prompt is not billed' : ''}.`);
  if ((input.partialImages ?? 0) > 0) notes.push('Partial images are not priced separately under a per-image price.');
  const imageOut: CostLine = { tokens: null, dollars: { low: n * Math.min(...each), high: n * Math.max(...each) } };
  const none: CostLine = { tokens: null, dollars: ZERO };
  const imageIn: ImageInLine = { ...none, images: input.inputImages?.length ?? 0, fidelity: 'low', surchargeTokens: 0 };
  return { ...imageOut.dollars, qualities, breakdown: { textIn: none, imageIn, imageOut, partials: none } };
}

/** Price of one image with no prompt, references or partials: the per-image figure a pricing table shows. */
export function pricePerImage(model: ModelId, size: Dimensions, quality: string, prices: PriceTable = DEFAULT_PRICES): number | null {
  const found = pricingFor(model, prices);
  if (!found) return null;
  const p = found.pricing;
  if (p.unit === 'per-image') return p.perImage[formatSize(size)]?.[quality] ?? null;
  if (!qualitiesOf(model).includes(quality as TokenQuality)) return null;
  const tokens = tableTokens(model, size, quality as TokenQuality);
  return tokens === null ? null : tokenDollars(tokens, p.imageOutput);
}

/** A usage block as the real API may send it: `output_tokens_details` is optional there (OAPI ImagesUsage). */
export type UsageBlock = Pick<ImagesUsage, 'input_tokens' | 'output_tokens'> &
  Partial<Pick<ImagesUsage, 'input_tokens_details' | 'output_tokens_details' | 'total_tokens'>>;

/** What the answer says was made; needed where the model is priced per image (dall-e returns no usage). */
export interface ReturnedImages {
  n: number;
  size: string;
  quality?: string;
}

export interface ActualCost {
  dollars: number;
  textIn: number;
  imageIn: number;
  imageOut: number;
  textOut: number;
}

/**
 * The cost of a finished request from its usage block(s): one per answer, or one per image of a stream
 * (summed). Null when it cannot be priced (no usage on a token-billed model, no size on a per-image one).
 */
export function actualCostBreakdown(
  model: ModelId, usage: UsageBlock | readonly UsageBlock[] | null | undefined, prices: PriceTable = DEFAULT_PRICES, images?: ReturnedImages,
): ActualCost | null {
  const found = pricingFor(model, prices);
  if (!found) return null;
  const p = found.pricing;
  if (p.unit === 'per-image') {
    if (!images) return null;
    const quality = !images.quality || images.quality === 'auto' ? getModel(model).endpoints.generate?.defaults.quality : images.quality;
    const each = p.perImage[images.size]?.[quality ?? ''];
    if (each === undefined) return null;
    const dollars = images.n * each;
    return { dollars, textIn: 0, imageIn: 0, imageOut: dollars, textOut: 0 };
  }
  const blocks = usage ? (Array.isArray(usage) ? usage : [usage as UsageBlock]) : [];
  if (!blocks.length) return null;
  const t = { text: 0, image: 0, out: 0, outText: 0 };
  for (const u of blocks) {
    // Without a split, input is taken as text and output as image tokens: what an image model's usage means.
    t.text += u.input_tokens_details?.text_tokens ?? u.input_tokens;
    t.image += u.input_tokens_details?.image_tokens ?? 0;
    t.out += u.output_tokens_details?.image_tokens ?? u.output_tokens;
    t.outText += u.output_tokens_details?.text_tokens ?? 0;
  }
  const textIn = tokenDollars(t.text, p.textInput);
  const imageIn = tokenDollars(t.image, p.imageInput);
  const imageOut = tokenDollars(t.out, p.imageOutput);
  const textOut = tokenDollars(t.outText, p.textOutput ?? 0);
  return { dollars: textIn + imageIn + imageOut + textOut, textIn, imageIn, imageOut, textOut };
}

export function actualCost(
  model: ModelId, usage: UsageBlock | readonly UsageBlock[] | null | undefined, prices: PriceTable = DEFAULT_PRICES, images?: ReturnedImages,
): number | null {
  return actualCostBreakdown(model, usage, prices, images)?.dollars ?? null;
}

export interface CostDifference {
  /** actual − estimate; against a range, the distance past the nearer bound (0 inside it). */
  dollars: number;
  /** `dollars` as a share of the bound it is measured from; null when that bound is 0. */
  relative: number | null;
  within: boolean;
  summary: string;
}

// Below a millionth of a cent, a difference is floating-point noise, not money.
const EPSILON = 1e-8;

export function costDifference(estimate: Range, actual: number): CostDifference {
  const bound = actual < estimate.low ? estimate.low : actual > estimate.high ? estimate.high : actual;
  const raw = actual - bound;
  // A difference that rounds to 0.0 % is no difference to show (nor to flag in warning colour).
  const dollars = Math.abs(raw) < EPSILON || (bound > 0 && Math.abs(raw / bound) < 0.0005) ? 0 : raw;
  const relative = dollars === 0 ? 0 : bound ? dollars / bound : null;
  const pct = relative === null ? '' : ` (${relative > 0 ? '+' : ''}${(relative * 100).toFixed(Math.abs(relative) < 0.1 ? 1 : 0)}%)`;
  const within = dollars === 0;
  const summary = !within
    ? `${formatUsd(dollars, { signed: true })}${pct} ${dollars > 0 ? 'over' : 'under'} the estimate`
    : estimate.low === estimate.high ? 'matches the estimate' : 'within the estimated range';
  return { dollars, relative, within, summary };
}

/**
 * Dollars for display: cents from $1 up; three decimals below (as OpenAI's per-image prices are written,
 * a trailing zero dropped: $0.011, $0.25); two significant digits below a tenth of a cent.
 */
export function formatUsd(amount: number, options: { signed?: boolean } = {}): string {
  if (!Number.isFinite(amount)) return '–';
  const sign = amount < 0 ? '-' : options.signed && amount > 0 ? '+' : '';
  const abs = Math.abs(amount);
  if (abs === 0) return '$0.00';
  // A millionth of a dollar is below anything billed per request; more digits would be noise.
  if (abs < 0.000001) return `${sign}<$0.000001`;
  const mills = Math.round(abs * 1000) / 1000;
  let text: string;
  if (mills >= 1) text = abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  else if (mills >= 0.001) text = mills.toFixed(3).replace(/(\.\d\d)0$/, '$1');
  else text = abs.toFixed(1 - Math.floor(Math.log10(abs))).replace(/0+$/, '');
  return `${sign}$${text}`;
}
