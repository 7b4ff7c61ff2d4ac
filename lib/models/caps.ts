/** A model's capabilities on one endpoint, as a provider offers them (a provider or a policy may narrow them). */
import { findModel } from './registry';
import { parseSize } from './sizes';
import type { EndpointCaps, ModelSpec, OutputFormat, Quality } from './types';

/** The qualities a policy can cap at. */
export type QualityCap = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/**
 * How expensive a quality can be: `auto` may pick high (Flare's auto may pick more; a cap at high still lets auto through,
 * since the service decides it); dall-e's `standard` and `hd` sit with medium and high.
 * A policy's maximum quality is compared on this scale.
 */
export const QUALITY_RANK: Record<Quality, number> = { low: 0, medium: 1, standard: 1, high: 2, hd: 2, auto: 2, xhigh: 3, max: 4 };

/** What a provider (Azure: no webp, api-reference §8) or the operator's policy takes away from the registry's facts. */
export interface CapsNarrowing {
  excludeOutputFormats?: readonly OutputFormat[];
  /** Policy: most images per request. */
  maxN?: number;
  /** Policy: the most expensive quality offered (`auto` counts as high). */
  maxQuality?: QualityCap;
  /** Policy: the largest image in pixels (width × height); `auto` counts as the model's largest listed size. */
  maxPixels?: number;
  /** Policy: most partial images per streamed image. */
  maxPartialImages?: number;
}

/** Pixels of a listed size; `auto` counts as the largest size it could resolve to among the listed ones. */
export function sizePixels(size: string, caps: Pick<EndpointCaps, 'sizes'>): number {
  if (size === 'auto') return Math.max(0, ...caps.sizes.map((s) => parseSize(s)).map((d) => (d ? d.width * d.height : 0)));
  const d = parseSize(size);
  return d ? d.width * d.height : Infinity;
}

function excludeFormats(caps: EndpointCaps, excluded: readonly OutputFormat[] | undefined): EndpointCaps {
  if (!excluded?.length || !caps.outputFormats) return caps;
  const keep = (f: OutputFormat) => !excluded.includes(f);
  return { ...caps, outputFormats: caps.outputFormats.filter(keep), transparentFormats: caps.transparentFormats?.filter(keep) };
}

function applyLimits(caps: EndpointCaps, n: CapsNarrowing): EndpointCaps {
  const { maxN, maxQuality, maxPixels, maxPartialImages } = n;
  if (maxN === undefined && maxQuality === undefined && maxPixels === undefined && maxPartialImages === undefined) return caps;
  const out: EndpointCaps = { ...caps, defaults: { ...caps.defaults } };
  if (maxN !== undefined) out.n = { min: caps.n.min, max: Math.min(caps.n.max, maxN) };
  if (maxQuality !== undefined) {
    out.qualities = caps.qualities.filter((q) => QUALITY_RANK[q] <= QUALITY_RANK[maxQuality]);
    // The default moves to the best quality still offered (gpt-image's default `auto` counts as high).
    if (!out.qualities.includes(caps.defaults.quality) && out.qualities.length) {
      out.defaults.quality = [...out.qualities].sort((a, b) => QUALITY_RANK[b] - QUALITY_RANK[a])[0];
    }
  }
  if (maxPixels !== undefined) {
    out.sizes = caps.sizes.filter((s) => sizePixels(s, caps) <= maxPixels);
    if (caps.customSize) out.customSize = maxPixels >= caps.customSize.minPixels ? { ...caps.customSize, maxPixels: Math.min(caps.customSize.maxPixels, maxPixels) } : undefined;
    if (!out.sizes.includes(caps.defaults.size) && out.sizes.length) out.defaults.size = out.sizes[0];
  }
  if (maxPartialImages !== undefined && caps.partialImages) {
    out.partialImages = { min: caps.partialImages.min, max: Math.min(caps.partialImages.max, maxPartialImages) };
  }
  return out;
}

export function narrowCaps(caps: EndpointCaps, narrowing?: CapsNarrowing): EndpointCaps {
  if (!narrowing) return caps;
  return applyLimits(excludeFormats(caps, narrowing.excludeOutputFormats), narrowing);
}

/** Whether anything is left to ask for: a size, and a quality where the endpoint takes one. */
export function capsUsable(narrowed: EndpointCaps, original: EndpointCaps): boolean {
  return (narrowed.sizes.length > 0 || !!narrowed.customSize) && (narrowed.qualities.length > 0 || original.qualities.length === 0);
}

/** The caps, or undefined when the model has no such endpoint or the narrowing leaves nothing to ask for. */
export function capsFor(
  model: string,
  endpoint: keyof ModelSpec['endpoints'],
  narrowing?: CapsNarrowing,
): EndpointCaps | undefined {
  const caps = findModel(model)?.endpoints[endpoint];
  if (!caps) return undefined;
  const narrowed = narrowCaps(caps, narrowing);
  return capsUsable(narrowed, caps) ? narrowed : undefined;
}
