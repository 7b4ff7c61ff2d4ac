/**
 * Prices as plain data (api-reference §9.3, §12), keyed by model, each entry with where it came from and when.
 * Browser-safe: the UI shows this table and the estimator prices with it. Operators may override it on the
 * server (overrides.ts), for gateways that charge differently.
 */
import { findModel } from '../models/registry';
import type { ModelId } from '../models/types';

/** How far to trust a price: the official model page, third-party pages, or the operator's own figure. */
export type PriceSourceKind = 'official' | 'third-party' | 'override';

interface PriceMeta {
  /** Where the figures come from, in words a person can follow up. */
  source: string;
  /** When the figures were read from that source (ISO date). */
  date: string;
  sourceKind: PriceSourceKind;
  note?: string;
}

/** Token-billed models: dollars per 1M tokens. */
export interface TokenPricing extends PriceMeta {
  unit: 'per-1m-tokens';
  textInput: number;
  cachedTextInput: number;
  imageInput: number;
  cachedImageInput: number;
  imageOutput: number;
  /** Only where a source lists one; text output tokens are otherwise not expected from an image model. */
  textOutput?: number;
}

/** Image-billed models (dall-e, or a gateway that charges per image): dollars per image, by size then quality. */
export interface PerImagePricing extends PriceMeta {
  unit: 'per-image';
  perImage: Record<string, Record<string, number>>;
}

export type ModelPricing = TokenPricing | PerImagePricing;
/**
 * Every model the registry knows has an entry. An id a provider lists that the registry does not know (a newer
 * gpt-image-*) has none, whatever the index type says: look prices up with pricingFor, which prices such an id
 * as the model whose rules it borrows.
 */
export type PriceTable = Readonly<Record<ModelId, ModelPricing>>;

/** The numeric fields of a token price, in the order a pricing table shows them. */
export const TOKEN_PRICE_FIELDS = ['textInput', 'cachedTextInput', 'imageInput', 'cachedImageInput', 'imageOutput', 'textOutput'] as const;
export type TokenPriceField = (typeof TOKEN_PRICE_FIELDS)[number];

export const TOKEN_PRICE_LABELS: Record<TokenPriceField, string> = {
  textInput: 'Text input',
  cachedTextInput: 'Cached text input',
  imageInput: 'Image input',
  cachedImageInput: 'Cached image input',
  imageOutput: 'Image output',
  textOutput: 'Text output',
};

// The date the api-reference's sources were collected (its spec HEAD); the docs snapshot is the same or newer.
const COLLECTED = '2026-08-21';

// The date the December 2026 supplement (api-2026-12 §3) was collected: its newest dated sources are from
// 2026-11 and it describes the lineup "as of December 2026".
const COLLECTED_2026_12 = '2026-12-01';

/** One page prices both 2.6 variants (MODEL-26). */
const GPT_IMAGE_26: ModelPricing = {
  unit: 'per-1m-tokens',
  textInput: 5,
  cachedTextInput: 1.25,
  imageInput: 8,
  cachedImageInput: 2,
  imageOutput: 30,
  source: 'OpenAI model page developers.openai.com/api/docs/models/gpt-image-2.6-sunburst, which lists both 2.6 variants (api-2026-12 §3, MODEL-26)',
  date: COLLECTED_2026_12,
  sourceKind: 'official',
  note: 'No text output price is listed. Output token counts are not published: see the estimate\'s notes.',
};

/** Both 2.5 variants are priced alike by the sources. */
const GPT_IMAGE_25: ModelPricing = {
  unit: 'per-1m-tokens',
  textInput: 5,
  cachedTextInput: 1.25,
  imageInput: 8,
  cachedImageInput: 2,
  imageOutput: 30,
  textOutput: 10,
  source: 'docs.apiyi.com (gpt-image-2.5 launch) and apidog.com (gpt-image-2.5 API), both citing openai.com/api/pricing (third-party; api-2026-12 §3)',
  date: COLLECTED_2026_12,
  sourceKind: 'third-party',
  note: 'Text output $10/1M from fal.ai (third-party), not confirmed on an official page.',
};

export const DEFAULT_PRICES: PriceTable = {
  'gpt-image-2.6-sunburst': GPT_IMAGE_26,
  'gpt-image-2.6-flare': GPT_IMAGE_26,
  'gpt-image-2.5-sunburst': GPT_IMAGE_25,
  'gpt-image-2.5-flare': GPT_IMAGE_25,
  'gpt-image-2': {
    unit: 'per-1m-tokens',
    textInput: 5,
    cachedTextInput: 1.25,
    imageInput: 8,
    cachedImageInput: 2,
    imageOutput: 30,
    textOutput: 10,
    source: 'xairouter.com and skytells.ai model pages citing openai.com/api/pricing (third-party)',
    date: COLLECTED,
    sourceKind: 'third-party',
    note: 'Text output $10/1M from robotsatlas.com (third-party), not confirmed on an official page.',
  },
  'gpt-image-1.5': {
    unit: 'per-1m-tokens',
    textInput: 5,
    cachedTextInput: 1.25,
    imageInput: 8,
    cachedImageInput: 2,
    imageOutput: 32,
    textOutput: 10,
    source: 'llmreference.com, imagine.art, fal.ai; consistent, but not seen on an official page',
    date: COLLECTED,
    sourceKind: 'third-party',
    note: 'Shut down on OpenAI 2026-12-01; Azure and gateways may still serve it.',
  },
  'gpt-image-1': {
    unit: 'per-1m-tokens',
    textInput: 5,
    cachedTextInput: 1.25,
    imageInput: 10,
    cachedImageInput: 2.5,
    imageOutput: 40,
    source: 'OpenAI model page developers.openai.com/api/docs/models/gpt-image-1',
    date: COLLECTED,
    sourceKind: 'official',
    note: 'Shut down on OpenAI 2026-10-23; Azure and gateways may still serve it.',
  },
  'gpt-image-1-mini': {
    unit: 'per-1m-tokens',
    textInput: 2,
    cachedTextInput: 0.2,
    imageInput: 2.5,
    cachedImageInput: 0.25,
    imageOutput: 8,
    source: 'OpenAI model page developers.openai.com/api/docs/models/gpt-image-1-mini',
    date: COLLECTED,
    sourceKind: 'official',
    note: 'Shut down on OpenAI 2026-12-01; Azure and gateways may still serve it.',
  },
  'dall-e-3': {
    unit: 'per-image',
    perImage: {
      '1024x1024': { standard: 0.04, hd: 0.08 },
      '1792x1024': { standard: 0.08, hd: 0.12 },
      '1024x1792': { standard: 0.08, hd: 0.12 },
    },
    source: 'kevinhermawan/Canvas model-info.json, matching the long-standing public prices at openai.com/api/pricing',
    date: COLLECTED,
    sourceKind: 'third-party',
    note: 'Removed from OpenAI 2026-05-12 (third-party report); Azure and gateways may still serve it.',
  },
  'dall-e-2': {
    unit: 'per-image',
    perImage: {
      '256x256': { standard: 0.016 },
      '512x512': { standard: 0.018 },
      '1024x1024': { standard: 0.02 },
    },
    source: 'kevinhermawan/Canvas model-info.json, matching the long-standing public prices at openai.com/api/pricing',
    date: COLLECTED,
    sourceKind: 'third-party',
    note: 'Removed from OpenAI 2026-05-12 (third-party report). Edits and variations are priced as generations.',
  },
};

/**
 * The price of a model: its own entry, or for an id the registry does not know (a provider listed it), the entry
 * of the registry model whose rules it borrows. `borrowedFrom` names that model, so the estimate can say so.
 * Null when neither is priced.
 */
export function pricingFor(model: ModelId, prices: PriceTable = DEFAULT_PRICES): { pricing: ModelPricing; borrowedFrom?: ModelId } | null {
  const own = prices[model] as ModelPricing | undefined;
  if (own) return { pricing: own };
  const base = findModel(model)?.familyOf;
  const borrowed = base ? (prices[base] as ModelPricing | undefined) : undefined;
  return borrowed ? { pricing: borrowed, borrowedFrom: base } : null;
}

/** Dollars for `tokens` at `perMillion` dollars per 1M tokens, unrounded. */
export function tokenDollars(tokens: number, perMillion: number): number {
  return (tokens * perMillion) / 1_000_000;
}
