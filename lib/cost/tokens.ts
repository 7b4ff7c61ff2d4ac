/**
 * Token accounting for the image models (api-reference §9, §12): output image tokens by model, size and
 * quality; input image tokens by the tile formula; prompt tokens with the o200k tokenizer.
 * The offline API builds its `usage` blocks from these; the cost estimator prices them.
 */
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { getModel } from '../models/registry';
import type { Dimensions } from '../models/sizes';
import type { ModelId } from '../models/types';

export type TokenQuality = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** gpt-image-1 output tokens (GUIDE "Cost and latency"); gpt-image-1.5 is priced on the same counts. */
const GPT_IMAGE_1_TABLE: Record<string, Record<'low' | 'medium' | 'high', number>> = {
  '1024x1024': { low: 272, medium: 1056, high: 4160 },
  '1024x1536': { low: 408, medium: 1584, high: 6240 },
  '1536x1024': { low: 400, medium: 1568, high: 6208 },
};

/**
 * gpt-image-1-mini does not fit the table above. These counts are the official per-image prices divided by
 * its $8/1M output price (api-reference §9.1: "mini's token counts are uncertain").
 */
const GPT_IMAGE_1_MINI_TABLE: Record<string, Record<'low' | 'medium' | 'high', number>> = {
  '1024x1024': { low: 625, medium: 1375, high: 4500 },
  '1024x1536': { low: 750, medium: 1875, high: 6500 },
  '1536x1024': { low: 750, medium: 1875, high: 6500 },
};

const GPT_IMAGE_2_Q: Record<'low' | 'medium' | 'high', number> = { low: 16, medium: 48, high: 96 };

/** The community-derived calculator formula for gpt-image-2 (api-reference §12). */
export function gptImage2OutputTokens({ width, height }: Dimensions, quality: 'low' | 'medium' | 'high'): number {
  const q = GPT_IMAGE_2_Q[quality];
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const s = Math.floor((2 * q * short + long) / (2 * long));
  return Math.ceil((q * s * (2_000_000 + width * height)) / 4_000_000);
}

/**
 * gpt-image-2.5 and 2.6 bill far fewer tokens than the gpt-image-2 formula gives (api-2026-12 §3). No table is
 * published; this fit goes through the points measured on the official route (3P-laozhang, 2026-11-05):
 * 2.6 at 1536×1024 low 664, high 1,353; 3840×2160 high ≈ 3,337, so tokens grow with pixels^0.545. Medium sits
 * between low and high (geometric mean); 2.5 bills the same as 2.6 at high and up, and 3.5× less at low and
 * medium ("2.6 low/medium ≈ 3–4× the 2.5 tokens"). `xhigh` and `max` have no figure anywhere: 1.5× and 2× high
 * are guesses, and the estimate says so (estimate.ts).
 */
export const GPT_2X_FIT = {
  referencePixels: 1536 * 1024,
  exponent: Math.log(3337 / 1353) / Math.log((3840 * 2160) / (1536 * 1024)),
  'gpt-image-2.6-fit': { low: 664, medium: Math.round(Math.sqrt(664 * 1353)), high: 1353, xhigh: Math.round(1353 * 1.5), max: 1353 * 2 },
  'gpt-image-2.5-fit': { low: Math.round(664 / 3.5), medium: Math.round(Math.sqrt(664 * 1353) / 3.5), high: 1353, xhigh: Math.round(1353 * 1.5), max: 1353 * 2 },
} as const;

/** Qualities with no published or measured token figure on any model: their estimates are guesses. */
export const UNMEASURED_QUALITIES: readonly TokenQuality[] = ['xhigh', 'max'];

export function gpt2xOutputTokens(rule: 'gpt-image-2.5-fit' | 'gpt-image-2.6-fit', { width, height }: Dimensions, quality: TokenQuality): number {
  const scale = ((width * height) / GPT_2X_FIT.referencePixels) ** GPT_2X_FIT.exponent;
  return Math.round(GPT_2X_FIT[rule][quality] * scale);
}

/** Output image tokens for one image, or null for models priced per image (dall-e) or a quality the model lacks. */
export function outputImageTokens(model: ModelId, size: Dimensions, quality: TokenQuality): number | null {
  const key = `${size.width}x${size.height}`;
  const rule = getModel(model).outputTokens;
  if ((quality === 'xhigh' || quality === 'max') && rule !== 'gpt-image-2.5-fit' && rule !== 'gpt-image-2.6-fit') return null;
  switch (rule) {
    case 'gpt-image-2.5-fit':
    case 'gpt-image-2.6-fit':
      return gpt2xOutputTokens(rule, size, quality);
    case 'gpt-image-2-formula':
      return gptImage2OutputTokens(size, quality as 'low' | 'medium' | 'high');
    case 'gpt-image-1-table':
      return GPT_IMAGE_1_TABLE[key]?.[quality as 'low' | 'medium' | 'high'] ?? null;
    case 'gpt-image-1-mini-table':
      return GPT_IMAGE_1_MINI_TABLE[key]?.[quality as 'low' | 'medium' | 'high'] ?? null;
    case 'per-image':
      return null;
  }
}

/**
 * gpt-image-2, 2.5 and 2.6 always read input images at high fidelity and take no `input_fidelity` (api-reference
 * §12, api-2026-12 §2.1): their references carry the high-fidelity surcharge. No 2.x formula is published, so the
 * gpt-image-1 tile formula with its surcharge stands in.
 */
export function readsInputsAtHighFidelity(model: ModelId): boolean {
  const rule = getModel(model).outputTokens;
  return rule === 'gpt-image-2-formula' || rule === 'gpt-image-2.5-fit' || rule === 'gpt-image-2.6-fit';
}

/** Each streamed partial image costs 100 extra output tokens (GUIDE). */
export const PARTIAL_IMAGE_TOKENS = 100;

/**
 * Input tokens for one reference image (VISION "GPT Image 1"): fit in 2048², scale the short side to 512,
 * count 512-px tiles, 65 + 129 per tile; high input fidelity adds 4160 (square) or 6240 (otherwise).
 */
export function inputImageTokens({ width, height }: Dimensions, fidelity: 'low' | 'high' = 'low'): number {
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const shrink = 512 / Math.min(w, h);
  w *= shrink;
  h *= shrink;
  const tiles = Math.ceil(w / 512 - 1e-9) * Math.ceil(h / 512 - 1e-9);
  const base = 65 + 129 * tiles;
  if (fidelity !== 'high') return base;
  return base + (width === height ? 4160 : 6240);
}

/** Longest run without white space counted in one piece: byte-pair merging is quadratic in a piece's length. */
const MAX_RUN = 64;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'gu');

/**
 * o200k tokens of a prompt, in time linear in its length. The tokenizer merges within each pre-token, and its
 * cost grows with the square of a pre-token's length (32,000 × '字' took 10 s, 20,000 × 'b' 0.5 s, holding the
 * event loop the whole time). Runs without white space longer than MAX_RUN characters are counted in slices
 * of MAX_RUN: exact for ordinary text (its words are shorter), and for a long run never fewer tokens than the
 * whole run would have (a slice boundary can only stop a merge), so a cost estimate stays an upper bound.
 */
export function textTokens(text: string): number {
  if (!text) return 0;
  let total = 0;
  let last = 0;
  for (const m of text.matchAll(LONG_RUN)) {
    total += countTokens(text.slice(last, m.index));
    const chars = Array.from(m[0]);
    for (let i = 0; i < chars.length; i += MAX_RUN) total += countTokens(chars.slice(i, i + MAX_RUN).join(''));
    last = m.index + m[0].length;
  }
  return total + (last < text.length ? countTokens(text.slice(last)) : 0);
}
