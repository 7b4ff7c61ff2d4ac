/**
 * The cost estimator (browser-safe, pure): what a request will cost before it is sent, and what it did cost
 * once its `usage` block is back. Token counts come from tokens.ts (the same figures the offline API reports),
 * prices from pricing.ts. Everything is computed in full precision; only formatUsd rounds, for display.
 */
import { getModel } from '../models/registry';
import { formatSize, parseSize, resolveAutoSize, type Dimensions } from '../models/sizes';
import type { EndpointCaps, InputFidelity, ModelId, Quality } from '../models/types';
import { DEFAULT_PRICES, tokenDollars, type ModelPricing, type PriceTable, type TokenPricing } from './pricing';
import { inputImageTokens, outputImageTokens, PARTIAL_IMAGE_TOKENS, textTokens, type TokenQuality } from './tokens';
import type { ImagesUsage } from './usage';

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
  n: number;
  /** Partial images per image, when streaming (0 otherwise). */
  partialImages?: number;
  prompt: string;
  inputImages?: Dimensions[];
  inputFidelity?: InputFidelity;
}

export interface CostEstimate {
  /** Dollars, unrounded. Equal unless quality is `auto`. */
  low: number;
  high: number;
  /** A single figure rather than a range (how far to trust it is in `notes`). */
  exact: boolean;
  /** The size priced, after `auto` resolved. */
  size: Dimensions;
  /** The qualities the range spans, cheapest first. */
  qualities: string[];
  breakdown: { textIn: CostLine; imageIn: ImageInLine; imageOut: CostLine; partials: CostLine };
  notes: string[];
}

const TOKEN_QUALITIES: readonly TokenQuality[] = ['low', 'medium', 'high'];
const ZERO: Range = { low: 0, high: 0 };
const point = (v: number): Range => ({ low: v, high: v });
const sum = (...rs: Range[]): Range => ({ low: rs.reduce((a, r) => a + r.low, 0), high: rs.reduce((a, r) => a + r.high, 0) });

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

function priceNotes(model: ModelId, pricing: ModelPricing): string[] {
  if (pricing.sourceKind === 'third-party') return [`Prices for ${model} are third-party figures (${pricing.source}), not from an official page.`];
  if (pricing.sourceKind === 'override') return [`Prices for ${model} are set by the operator (${pricing.source}).`];
  return [];
}

/** Predict the cost of a request: a point, or a low..high range when quality is `auto`. Throws RangeError when unpriceable. */
export function estimateCost(input: EstimateInput, prices: PriceTable = DEFAULT_PRICES): CostEstimate {
  const refs = input.inputImages ?? [];
  const endpoint = input.endpoint ?? (refs.length ? 'edit' : 'generate');
  const caps = capsFor(input.model, endpoint);
  const notes: string[] = [];
  const size = resolveSize(input.size, caps, refs[0], notes);
  const pricing = prices[input.model];
  const n = Math.max(0, Math.floor(input.n));
  const quality = input.quality ?? caps.defaults.quality;
  const est = pricing.unit === 'per-image'
    ? perImageEstimate(input, pricing.perImage, size, quality, n, caps, notes)
    : tokenEstimate(input, pricing, size, quality, n, refs, notes);
  notes.push(...priceNotes(input.model, pricing));
  return { ...est, exact: est.low === est.high, size, notes };
}

function tokenQualities(model: ModelId, quality: Quality, notes: string[]): TokenQuality[] {
  if (quality === 'auto') {
    notes.push('Quality auto: a range from low to high quality; the model picks.');
    return [...TOKEN_QUALITIES];
  }
  if (!TOKEN_QUALITIES.includes(quality as TokenQuality)) throw new RangeError(`${model} has no quality "${quality}"; use low, medium, high or auto`);
  return [quality as TokenQuality];
}

function tokenEstimate(
  input: EstimateInput, p: TokenPricing, size: Dimensions, quality: Quality, n: number, refs: Dimensions[], notes: string[],
): Omit<CostEstimate, 'exact' | 'size' | 'notes'> {
  const { model } = input;
  const spec = getModel(model);
  const qualities = tokenQualities(model, quality, notes);
  const perImage = qualities.map((q) => outputImageTokens(model, size, q));
  if (perImage.some((t) => t === null)) {
    throw new RangeError(`${model} has no token count for ${formatSize(size)}; use ${spec.endpoints.generate?.sizes.join(', ')}`);
  }
  const outTokens = { low: n * Math.min(...(perImage as number[])), high: n * Math.max(...(perImage as number[])) };
  const partialCount = Math.max(0, Math.floor(input.partialImages ?? 0));
  const partialTokens = n * partialCount * PARTIAL_IMAGE_TOKENS;
  const text = textTokens(input.prompt);

  // Mirrors usage.ts: gpt-image-2 always reads references at high fidelity (§12); models without the
  // parameter (mini) read them at low.
  const takesFidelity = !!spec.endpoints.edit?.inputFidelity;
  const fidelity: InputFidelity = model === 'gpt-image-2' ? 'high' : takesFidelity ? (input.inputFidelity ?? 'low') : 'low';
  const imageTokens = refs.reduce((a, d) => a + inputImageTokens(d, fidelity), 0);
  const surcharge = imageTokens - refs.reduce((a, d) => a + inputImageTokens(d, 'low'), 0);

  if (spec.outputTokens === 'gpt-image-2-formula') notes.push('gpt-image-2 output tokens use a formula reverse-engineered from OpenAI\'s pricing calculator (community.openai.com thread 1382699); the returned usage is authoritative.');
  if (spec.outputTokens === 'gpt-image-1-mini-table') notes.push("gpt-image-1-mini's token counts are derived from its official per-image prices; its real counts are uncertain.");
  if (partialTokens) notes.push('Each partial image adds 100 output tokens (documented for the Responses API; assumed for Images API streaming).');
  if (refs.length && model === 'gpt-image-2') notes.push('gpt-image-2 reads reference images at high fidelity, so each carries the high-fidelity surcharge.');
  if (refs.length && !takesFidelity && input.inputFidelity === 'high' && model !== 'gpt-image-2') notes.push(`${model} has no input_fidelity; references are counted at low fidelity.`);
  if (refs.length && model !== 'gpt-image-1') notes.push(`Input image tokens use gpt-image-1's tile formula; unverified for ${model}.`);

  const line = (tokens: Range, perMillion: number): CostLine => ({
    tokens,
    dollars: { low: tokenDollars(tokens.low, perMillion), high: tokenDollars(tokens.high, perMillion) },
  });
  const textIn = line(point(text), p.textInput);
  const imageIn: ImageInLine = { ...line(point(imageTokens), p.imageInput), images: refs.length, fidelity, surchargeTokens: surcharge };
  const imageOut = line(outTokens, p.imageOutput);
  const partials = line(point(partialTokens), p.imageOutput);
  const total = sum(textIn.dollars, imageIn.dollars, imageOut.dollars, partials.dollars);
  return { ...total, qualities, breakdown: { textIn, imageIn, imageOut, partials } };
}

function perImageEstimate(
  input: EstimateInput, table: Record<string, Record<string, number>>, size: Dimensions, quality: Quality, n: number, caps: EndpointCaps, notes: string[],
): Omit<CostEstimate, 'exact' | 'size' | 'notes'> {
  const { model } = input;
  const key = formatSize(size);
  const bySize = table[key];
  if (!bySize) throw new RangeError(`No per-image price for ${model} at ${key}; priced sizes: ${Object.keys(table).join(', ')}`);
  // dall-e has no `auto` quality (its default applies); a GPT model billed per image by a gateway spans low..high.
  let qualities: string[] = [quality];
  if (quality === 'auto') qualities = getModel(model).family === 'dall-e' ? [caps.defaults.quality] : [...TOKEN_QUALITIES];
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
  const p = prices[model];
  if (p.unit === 'per-image') return p.perImage[formatSize(size)]?.[quality] ?? null;
  if (!TOKEN_QUALITIES.includes(quality as TokenQuality)) return null;
  const tokens = outputImageTokens(model, size, quality as TokenQuality);
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
  const p = prices[model];
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
  const dollars = Math.abs(raw) < EPSILON ? 0 : raw;
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
