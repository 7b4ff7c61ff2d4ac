/**
 * An ImageRequest as the wire (and the SDK) spells it, built as the SDK's own param types: an object literal per
 * endpoint, so the compiler refuses a field that endpoint's params lack (the edit params have no `moderation`,
 * variations no `prompt`). The server sends exactly this, and "Copy as code" prints exactly this.
 */
import type { ImageCreateVariationParams, ImageEditParamsBase, ImageGenerateParamsBase } from 'openai/resources/images';
import type { Complexity } from '../models/types';
import type { ImageRequest } from '../models/validate';

/**
 * What gpt-image-2.5 and 2.6 take beyond openai 6.49's types (api-2026-12 §2.1, §2.7): quality `xhigh`/`max`
 * and `complexity`. The SDK serializes body keys it has no type for, so extending its param types is enough.
 */
interface Gpt2xParams<Q, F> {
  quality?: Q | 'xhigh' | 'max' | null;
  complexity?: Complexity | null;
  /** gpt-image-2.6: animated GIF (with its two frame fields) and SVG (with its authoring model), §2.2–§2.3. */
  output_format?: F | 'gif' | 'svg' | null;
  frame_count?: number;
  frame_duration_ms?: number;
  svg?: { model: string; reasoning?: { effort: string } };
}

/** The SDK's params without the files (they are added at the call) and without the stream flag (per call). */
export type GenerateWire = Omit<ImageGenerateParamsBase, 'stream' | 'quality' | 'output_format'> & Gpt2xParams<ImageGenerateParamsBase['quality'], ImageGenerateParamsBase['output_format']>;
export type EditWire = Omit<ImageEditParamsBase, 'image' | 'mask' | 'stream' | 'quality' | 'output_format'> & Gpt2xParams<ImageEditParamsBase['quality'], ImageEditParamsBase['output_format']>;
export type VariationWire = Omit<ImageCreateVariationParams, 'image'>;

/** What one request sends, told apart by endpoint so each SDK call gets its own type. */
export type Wire =
  | { endpoint: 'generate'; params: GenerateWire; stream: boolean }
  | { endpoint: 'edit'; params: EditWire; stream: boolean }
  | { endpoint: 'variation'; params: VariationWire; stream: false };

/** The request's fields as flat JSON values, for code snippets and logs. */
export type WireValue = string | number | boolean | { [key: string]: WireValue };
export type WireParams = Record<string, WireValue>;

/** Only the fields that were set: an absent option is left for the service's default, never sent as null. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function svgParam(req: ImageRequest): GenerateWire['svg'] {
  return req.svg ? { model: req.svg.model, ...(req.svg.effort ? { reasoning: { effort: req.svg.effort } } : {}) } : undefined;
}

export function toWire(req: ImageRequest): Wire {
  const n = req.n !== 1 ? req.n : undefined;
  const partial_images = req.stream ? req.partialImages : undefined;
  switch (req.endpoint) {
    case 'generate': {
      const params: GenerateWire = {
        model: req.modelName, prompt: req.prompt, n, size: req.size, quality: req.quality as GenerateWire['quality'], complexity: req.complexity, background: req.background,
        output_format: req.outputFormat, output_compression: req.outputCompression, moderation: req.moderation,
        style: req.style, response_format: req.responseFormat, user: req.user, partial_images,
        frame_count: req.frameCount, frame_duration_ms: req.frameDurationMs, svg: svgParam(req),
      };
      return { endpoint: 'generate', params: defined(params), stream: req.stream };
    }
    case 'edit': {
      const params: EditWire = {
        model: req.modelName, prompt: req.prompt, n, size: req.size, quality: req.quality as EditWire['quality'], complexity: req.complexity, background: req.background,
        output_format: req.outputFormat, output_compression: req.outputCompression, input_fidelity: req.inputFidelity,
        response_format: req.responseFormat, user: req.user, partial_images,
        frame_count: req.frameCount, frame_duration_ms: req.frameDurationMs,
      };
      return { endpoint: 'edit', params: defined(params), stream: req.stream };
    }
    case 'variation': {
      const params: VariationWire = { model: req.modelName, n, size: req.size as VariationWire['size'], response_format: req.responseFormat, user: req.user };
      return { endpoint: 'variation', params: defined(params), stream: false };
    }
  }
}

/** The fields as the service receives them (stream flag included), in a flat record. */
export function toWireParams(req: ImageRequest): WireParams {
  const wire = toWire(req);
  const out: WireParams = {};
  for (const [k, v] of Object.entries(wire.params)) if (v !== undefined && v !== null) out[k] = v as WireValue;
  if (wire.stream) out.stream = true;
  return out;
}
