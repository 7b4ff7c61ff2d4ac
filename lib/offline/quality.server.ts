import 'server-only';
/**
 * What the offline API makes of `quality: auto` (or no quality) per model, and what 2.6 adds to each image.
 * api-2026-12 §2.1: left out, Sunburst (2.5, 2.6) behaves like `high` and Flare picks a level from the prompt; older
 * GPT image models are answered at `medium`, as before. Flare's pick here is a stand-in (how it decides is not
 * published): the more the prompt says, the higher — up to 8 words medium, up to 30 high, longer xhigh. The
 * answer's `quality` says what was picked, as the real service echoes the resolved value.
 */
import { randomBytes } from 'node:crypto';
import { findModel } from '../models/registry';
import type { ModelId, Quality } from '../models/types';
import type { TokenQuality } from '../cost/tokens';

/** The registry model whose rules an id follows (itself, or the family an unknown id borrows from). */
function baseId(model: ModelId): string {
  const spec = findModel(model);
  return spec?.familyOf ?? spec?.id ?? model;
}

export function variantOf(model: ModelId): 'sunburst' | 'flare' | null {
  const base = baseId(model);
  return base.endsWith('-sunburst') ? 'sunburst' : base.endsWith('-flare') ? 'flare' : null;
}

/** Flare's own level for a prompt (see above). */
export function flarePick(prompt: string): TokenQuality {
  const words = prompt.trim().split(/\s+/).filter(Boolean).length;
  return words <= 8 ? 'medium' : words <= 30 ? 'high' : 'xhigh';
}

/** The quality a GPT image model renders and bills at, `auto` and omitted resolved. */
export function resolveQuality(model: ModelId, asked: Quality | undefined, prompt: string): TokenQuality {
  if (asked && asked !== 'auto') return asked as TokenQuality;
  const variant = variantOf(model);
  if (variant === 'sunburst') return 'high';
  if (variant === 'flare') return flarePick(prompt);
  return 'medium';
}

/** Render resolution as a share of full size: lower quality looks blockier. */
export const DETAIL: Record<TokenQuality | 'standard' | 'hd', number> = { low: 0.25, medium: 0.5, high: 1, xhigh: 1, max: 1, standard: 0.5, hd: 1 };

/**
 * gpt-image-2.6 answers carry `data[].generation_id`, one per image (api-2026-12 §2.5, from a third party's schema
 * example). What it can be passed back to is undocumented (§9.2), so the offline API only makes it unique.
 * It is given in the JSON body's `data[]` only, where the example shows it; streamed `.completed` events carry none
 * (no source shows one there).
 */
export function hasGenerationId(model: ModelId): boolean {
  return baseId(model).startsWith('gpt-image-2.6');
}

export function newGenerationId(): string {
  return `gen_${randomBytes(12).toString('hex')}`;
}

/**
 * gpt-image-2, 2.5 and 2.6 always read input images at high fidelity and take no `input_fidelity` (api-2026-12
 * §2.1): their input image tokens are counted as high. (lib/cost/usage.ts does so for gpt-image-2 by id only.)
 */
export function readsInputsAtHighFidelity(model: ModelId): boolean {
  const rule = findModel(model)?.outputTokens;
  return rule === 'gpt-image-2-formula' || rule === 'gpt-image-2.5-fit' || rule === 'gpt-image-2.6-fit';
}
