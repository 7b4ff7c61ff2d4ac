/**
 * Prices as plain data (api-reference §9.3, §12), keyed by model, each entry with where it came from and when.
 * Browser-safe: the UI shows this table and the estimator prices with it. Operators may override it on the
 * server (overrides.ts), for gateways that charge differently.
 */
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

export const DEFAULT_PRICES: PriceTable = {
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

/** Dollars for `tokens` at `perMillion` dollars per 1M tokens, unrounded. */
export function tokenDollars(tokens: number, perMillion: number): number {
  return (tokens * perMillion) / 1_000_000;
}
