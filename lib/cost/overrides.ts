/**
 * Operator price overrides, for gateways that charge differently (server-side: reads the environment and
 * possibly a file). `PRICING_FILE` names a JSON file and `PRICING_OVERRIDES` holds JSON text; both are
 * optional and the inline JSON is applied after the file, so it wins. Shape, keyed by model id or alias:
 *
 *   { "gpt-image-2": { "imageOutput": 25, "source": "Acme gateway price list", "date": "2026-11-01" },
 *     "dall-e-3": { "perImage": { "1024x1024": { "standard": 0.03 } } },
 *     "gpt-image-1": { "perImage": { "1024x1024": { "low": 0.01, "medium": 0.04, "high": 0.15 } } } }
 *
 * Token fields are dollars per 1M tokens; `perImage` is dollars per image and switches a token-billed model to
 * per-image billing (some gateways do that). A mistake is refused with the model and field named, because a
 * silently wrong price is worse than a server that says what to fix.
 */
import { readFileSync } from 'node:fs';
import { findModel, MODEL_IDS } from '../models/registry';
import type { ModelId } from '../models/types';
import { DEFAULT_PRICES, pricingFor, TOKEN_PRICE_FIELDS, type ModelPricing, type PriceTable, type TokenPriceField } from './pricing';

export type Env = Record<string, string | undefined>;

export class PricingOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PricingOverrideError';
  }
}

const META_FIELDS = ['source', 'date', 'note'] as const;
const ALLOWED_FIELDS: readonly string[] = [...TOKEN_PRICE_FIELDS, 'perImage', ...META_FIELDS];
const PER_IMAGE_QUALITIES = ['standard', 'hd', 'low', 'medium', 'high', 'xhigh', 'max'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shown(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

function price(v: unknown, where: string, unit: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new PricingOverrideError(`${where} must be a non-negative number of ${unit} (got ${shown(v)})`);
  }
  return v;
}

function perImageTable(v: unknown, where: string): Record<string, Record<string, number>> {
  const example = '{"1024x1024": {"standard": 0.04}}';
  if (!isObject(v)) throw new PricingOverrideError(`${where} must be an object of size → quality → dollars, e.g. ${example} (got ${shown(v)})`);
  const out: Record<string, Record<string, number>> = {};
  for (const [size, qualities] of Object.entries(v)) {
    if (!/^\d{1,5}x\d{1,5}$/.test(size)) throw new PricingOverrideError(`${where}: "${size}" is not a size; use WxH, e.g. 1024x1024`);
    if (!isObject(qualities)) throw new PricingOverrideError(`${where}.${size} must be an object of quality → dollars, e.g. {"standard": 0.04} (got ${shown(qualities)})`);
    out[size] = {};
    for (const [quality, dollars] of Object.entries(qualities)) {
      if (!PER_IMAGE_QUALITIES.includes(quality)) {
        throw new PricingOverrideError(`${where}.${size}: "${quality}" is not a quality; use one of ${PER_IMAGE_QUALITIES.join(', ')}`);
      }
      out[size][quality] = price(dollars, `${where}.${size}.${quality}`, 'dollars per image');
    }
  }
  return out;
}

/** One model's override, validated and laid over its current entry. */
function overrideModel(model: ModelId, base: ModelPricing, raw: unknown, origin: string, today: string): ModelPricing {
  const where = `${origin}: ${model}`;
  if (!isObject(raw)) throw new PricingOverrideError(`${where} must be an object of prices, e.g. {"imageOutput": 30} (got ${shown(raw)})`);
  for (const field of Object.keys(raw)) {
    if (!ALLOWED_FIELDS.includes(field)) {
      throw new PricingOverrideError(`${where}.${field} is not a price field; use ${ALLOWED_FIELDS.join(', ')}`);
    }
  }
  for (const field of META_FIELDS) {
    if (raw[field] !== undefined && typeof raw[field] !== 'string') {
      throw new PricingOverrideError(`${where}.${field} must be a string (got ${shown(raw[field])})`);
    }
  }
  const tokenFields = TOKEN_PRICE_FIELDS.filter((f) => raw[f] !== undefined);
  const meta = {
    source: (raw.source as string | undefined) ?? `operator override (${origin})`,
    date: (raw.date as string | undefined) ?? today,
    sourceKind: 'override' as const,
  };

  if (raw.perImage !== undefined) {
    if (tokenFields.length) {
      throw new PricingOverrideError(`${where}: give either perImage or per-token prices (${tokenFields.join(', ')}), not both`);
    }
    const table = perImageTable(raw.perImage, `${where}.perImage`);
    // Per-image over per-image merges size by size; over a token price it replaces the billing model outright.
    const merged: Record<string, Record<string, number>> = {};
    if (base.unit === 'per-image') for (const [s, q] of Object.entries(base.perImage)) merged[s] = { ...q };
    for (const [s, q] of Object.entries(table)) merged[s] = { ...merged[s], ...q };
    return { unit: 'per-image', perImage: merged, ...meta, note: (raw.note as string | undefined) ?? base.note };
  }

  if (base.unit === 'per-image') {
    if (tokenFields.length) {
      throw new PricingOverrideError(
        `${where}.${tokenFields[0]}: ${model} is priced per image, not per token; give perImage, e.g. {"perImage": {"1024x1024": {"standard": 0.04}}}`,
      );
    }
    return { ...base, ...meta, note: (raw.note as string | undefined) ?? base.note };
  }

  const prices: Partial<Record<TokenPriceField, number>> = {};
  for (const f of tokenFields) prices[f] = price(raw[f], `${where}.${f}`, 'dollars per 1M tokens');
  // A partial override keeps the other fields, so say which came from where.
  const kept = TOKEN_PRICE_FIELDS.filter((f) => !tokenFields.includes(f) && base[f] !== undefined);
  const mixed = tokenFields.length > 0 && kept.length > 0;
  const note = (raw.note as string | undefined) ?? (mixed ? `Set by the operator: ${tokenFields.join(', ')}; ${kept.join(', ')} from ${base.source}.` : undefined);
  return { ...base, ...prices, ...meta, note };
}

/** Validate `raw` (parsed JSON) and lay it over `base`. `origin` names where it came from, for errors. */
export function applyPriceOverrides(base: PriceTable, raw: unknown, origin: string, today = new Date().toISOString().slice(0, 10)): PriceTable {
  if (!isObject(raw)) {
    throw new PricingOverrideError(`${origin} must be a JSON object keyed by model, e.g. {"gpt-image-2": {"imageOutput": 30}} (got ${shown(raw)})`);
  }
  const out: Record<ModelId, ModelPricing> = { ...base };
  for (const [key, value] of Object.entries(raw)) {
    const model = findModel(key)?.id;
    if (!model) throw new PricingOverrideError(`${origin}: unknown model "${key}"; use one of ${MODEL_IDS.join(', ')}`);
    // An id the registry does not know (a provider listed it) starts from the model whose rules it borrows.
    const base = pricingFor(model, out)?.pricing;
    if (!base) throw new PricingOverrideError(`${origin}: no price to start ${model} from`);
    out[model] = overrideModel(model, base, value, origin, today);
  }
  return out;
}

function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PricingOverrideError(`${origin} is not valid JSON: ${(e as Error).message}`);
  }
}

export interface LoadOptions {
  readFile?: (path: string) => string;
  /** The date an override without its own `date` is stamped with (ISO). */
  today?: string;
}

/** The price table: the defaults, then `PRICING_FILE`, then `PRICING_OVERRIDES`. Throws PricingOverrideError. */
export function loadPriceOverrides(env: Env = process.env, options: LoadOptions = {}): PriceTable {
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  let table: PriceTable = DEFAULT_PRICES;
  const file = env.PRICING_FILE?.trim();
  if (file) {
    let text: string;
    try {
      text = readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new PricingOverrideError(`PRICING_FILE: cannot read ${file} (${code})`);
    }
    table = applyPriceOverrides(table, parseJson(text, `PRICING_FILE ${file}`), `PRICING_FILE ${file}`, options.today);
  }
  const inline = env.PRICING_OVERRIDES?.trim();
  if (inline) table = applyPriceOverrides(table, parseJson(inline, 'PRICING_OVERRIDES'), 'PRICING_OVERRIDES', options.today);
  return table;
}
