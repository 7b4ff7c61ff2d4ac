/** A model's capabilities on one endpoint, as a provider offers them (a provider may narrow them). */
import { findModel } from './registry';
import type { EndpointCaps, ModelSpec, OutputFormat } from './types';

/** What a provider takes away from the registry's facts (Azure: no webp, api-reference §8). */
export interface CapsNarrowing {
  excludeOutputFormats?: readonly OutputFormat[];
}

export function narrowCaps(caps: EndpointCaps, narrowing?: CapsNarrowing): EndpointCaps {
  const excluded = narrowing?.excludeOutputFormats;
  if (!excluded?.length || !caps.outputFormats) return caps;
  const keep = (f: OutputFormat) => !excluded.includes(f);
  return {
    ...caps,
    outputFormats: caps.outputFormats.filter(keep),
    transparentFormats: caps.transparentFormats?.filter(keep),
  };
}

export function capsFor(
  model: string,
  endpoint: keyof ModelSpec['endpoints'],
  narrowing?: CapsNarrowing,
): EndpointCaps | undefined {
  const caps = findModel(model)?.endpoints[endpoint];
  return caps && narrowCaps(caps, narrowing);
}
