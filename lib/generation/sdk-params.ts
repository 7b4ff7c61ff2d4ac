/**
 * An ImageRequest as the wire (and the SDK) spells it. The server sends exactly this, and "Copy as code"
 * prints exactly this, so what a user copies is what was sent.
 */
import type { ImageRequest } from '../models/validate';

export type WireParams = Record<string, string | number | boolean>;

export function toWireParams(req: ImageRequest): WireParams {
  const out: WireParams = { model: req.model };
  if (req.endpoint !== 'variation') out.prompt = req.prompt;
  if (req.n !== 1) out.n = req.n;
  out.size = req.size;
  const optional: [string, string | number | undefined][] = [
    ['quality', req.quality],
    ['background', req.background],
    ['output_format', req.outputFormat],
    ['output_compression', req.outputCompression],
    ['moderation', req.moderation],
    ['style', req.style],
    ['response_format', req.responseFormat],
    ['input_fidelity', req.inputFidelity],
    ['user', req.user],
  ];
  for (const [key, value] of optional) if (value !== undefined) out[key] = value;
  if (req.stream) {
    out.stream = true;
    out.partial_images = req.partialImages;
  }
  return out;
}
