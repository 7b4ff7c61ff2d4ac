import 'server-only';
/**
 * Calls to the image APIs through the provider's `openai` SDK client, turned into GenerationEvents.
 * Streams are read with `.asResponse()` and eventsource-parser, not the SDK's iterator, whose decoder
 * rescans its buffer on every chunk (quadratic in a multi-MB record; design.md has the figures).
 */
import type { ImageEditParamsBase, ImageGenerateParamsBase } from 'openai/resources/images';
import OpenAI from 'openai';
import type { ImagesUsage, SvgUsage } from '../cost/usage';
import { errorFor } from '../errors/codes';
import { bytesOf, imageFacts as mimeOf, readSse, recordError, streamReadError, type SseRecord } from '../pipeline/sse.server';
import { MARKUP_FIELD } from '../models/registry';
import type { Wire } from './sdk-params';
import type { Echoed, GenerationError, GenerationEvent } from './events';

/** Files of an edit or variation, as the browser sent them. */
export interface Uploads {
  images?: File[];
  mask?: File;
  /** A markup-guided edit's marks, sent as the file part the registry names (MARKUP_FIELD, unconfirmed). */
  markup?: File;
}

export interface CallOptions {
  signal: AbortSignal;
  /** Extra request headers (the offline API's simulation controls). */
  headers?: Record<string, string>;
}

type Emit = (event: GenerationEvent) => void;

/** Seconds to wait: Azure's `retry-after-ms` (rounded up), else `Retry-After` in seconds (api-2026-12 §6.3). */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const ms = headers?.get?.('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.max(1, Math.ceil(Number(ms) / 1000));
  const s = headers?.get?.('retry-after')?.trim();
  return s && /^\d+$/.test(s) ? Number(s) : undefined;
}

/** Any failure as a GenerationError a person can act on; null when it was the user's own cancel. */
export function toGenerationError(e: unknown): GenerationError | null {
  if (e instanceof OpenAI.APIUserAbortError) return null;
  if (e instanceof OpenAI.APIConnectionTimeoutError) {
    return { status: 0, message: 'The image service did not answer in time.', type: 'timeout', param: null, code: 'timeout' };
  }
  if (e instanceof OpenAI.APIConnectionError) {
    return { status: 0, message: `Could not reach the image service: ${e.cause instanceof Error ? e.cause.message : e.message}`, type: 'connection_error', param: null, code: 'connection_error' };
  }
  if (e instanceof OpenAI.APIError) {
    const inner = (e.error ?? {}) as { message?: string; type?: string; param?: string | null; code?: string | number | null; inner_error?: { code?: unknown } };
    const innerCode = typeof inner.inner_error?.code === 'string' ? inner.inner_error.code : undefined;
    return {
      status: e.status ?? 0,
      message: inner.message ?? e.message,
      type: inner.type ?? 'api_error',
      param: inner.param ?? null,
      code: inner.code === undefined || inner.code === null ? null : String(inner.code),
      retryAfter: retryAfterSeconds(e.headers),
      requestId: e.requestID ?? undefined,
      ...(innerCode ? { innerCode } : {}),
    };
  }
  if (e instanceof Error && e.name === 'AbortError') return null;
  return { status: 0, message: e instanceof Error ? e.message : String(e), type: 'connection_error', param: null, code: 'connection_error' };
}

/**
 * The SDK call for an endpoint, with the SDK's own param types (sdk-params.ts): the one place that knows which
 * SDK method and which file fields each takes. One image goes as `image`, several as `image[]` (the SDK's
 * encoding); the mask applies to the first.
 */
function request(client: OpenAI, wire: Wire, files: Uploads, stream: boolean, options: OpenAI.RequestOptions) {
  const images = files.images ?? [];
  const image = images.length === 1 ? images[0] : images;
  // The SDK's multipart encoder sends every File in the body as a part under its key, typed or not.
  const mask = { ...(files.mask ? { mask: files.mask } : {}), ...(files.markup ? { [MARKUP_FIELD]: files.markup } : {}) };
  // The wire types extend the SDK's param types with what 2.5/2.6 take (sdk-params.ts); the SDK serializes those
  // keys as given, so narrowing back to its own types here is the one place the extension meets the SDK.
  switch (wire.endpoint) {
    case 'edit': {
      const params = wire.params as Omit<ImageEditParamsBase, 'image' | 'mask' | 'stream'>;
      return stream
        ? client.images.edit({ ...params, n: 1, stream: true, image, ...mask }, options)
        : client.images.edit({ ...params, image, ...mask }, options);
    }
    case 'variation':
      return client.images.createVariation({ ...wire.params, image: images[0] }, options);
    case 'generate': {
      const params = wire.params as Omit<ImageGenerateParamsBase, 'stream'>;
      return stream ? client.images.generate({ ...params, n: 1, stream: true }, options) : client.images.generate(params, options);
    }
  }
}

/** One streamed image (n = 1) into `tile`: partial events as they arrive, then the completed one. */
export async function streamOne(client: OpenAI, wire: Wire, files: Uploads, tile: number, opts: CallOptions, emit: Emit): Promise<void> {
  const started = performance.now();
  const response = await request(client, wire, files, true, { signal: opts.signal, headers: opts.headers, maxRetries: 0 }).asResponse();
  let failure: GenerationError | null = null;
  let completed = false;
  // The last partial that arrived: a stream cut after it says so (the service was reached; the partial is kept).
  let partials = 0;
  const onRecord = (record: SseRecord) => {
    // Without the offline API's emission stamp, the receive time stands in.
    const at = record.emittedAt ?? Date.now();
    const { type, data } = record;
    failure ??= recordError(record, response.status);
    if (failure) return;
    if (type.endsWith('.partial_image')) {
      const bytes = bytesOf(data.b64_json, { type, field: 'b64_json' });
      partials = Number(data.partial_image_index ?? partials) + 1;
      emit({ type: 'partial', tile, partialIndex: partials - 1, bytes, mime: mimeOf(bytes).mime, at });
    } else if (type.endsWith('.completed')) {
      const bytes = bytesOf(data.b64_json, { type, field: 'b64_json' });
      const { mime, width, height } = mimeOf(bytes);
      const echoed: Echoed = { size: data.size, quality: data.quality, background: data.background, output_format: data.output_format };
      completed = true;
      emit({ type: 'completed', tile, bytes, mime, width, height, echoed, usage: (data.usage as ImagesUsage) ?? null, latencyMs: Math.round(performance.now() - started), at });
    }
  };
  try {
    await readSse(response, onRecord);
  } catch (e) {
    if (opts.signal.aborted) throw new OpenAI.APIUserAbortError();
    const known = streamReadError(e, response.status);
    if (known) throw new StreamFailure(known);
    throw new StreamFailure(cutShort(partials, wire, response.status));
  }
  if (failure) throw new StreamFailure(failure);
  if (!completed) {
    if (opts.signal.aborted) throw new OpenAI.APIUserAbortError();
    throw new StreamFailure(cutShort(partials, wire, response.status));
  }
}

/**
 * A stream that ended (cut or closed) before its final image: the service answered, so this is not "could not
 * reach"; it says how far it got, and that the partial is kept.
 */
function cutShort(partials: number, wire: Wire, status: number): GenerationError {
  const asked = Number((wire.params as { partial_images?: unknown }).partial_images) || 0;
  const message = partials
    ? `The stream ended after partial ${partials}${asked >= partials ? ` of ${asked}` : ''}; the partial is kept.`
    : 'The stream ended before the first partial image arrived.';
  return errorFor('stream_incomplete', message, null, status);
}

/** An `error` event inside a 200 stream. */
export class StreamFailure extends Error {
  constructor(readonly failure: GenerationError) {
    super(failure.message);
  }
}

/** One request for all n images, answered at once: a completed event per image. */
export async function batch(client: OpenAI, wire: Wire, files: Uploads, opts: CallOptions, emit: Emit): Promise<void> {
  const started = performance.now();
  const res = (await request(client, wire, files, false, { signal: opts.signal, headers: opts.headers, maxRetries: 0 })) as OpenAI.ImagesResponse;
  const echoed: Echoed = { size: res.size, quality: res.quality, background: res.background, output_format: res.output_format };
  const latencyMs = Math.round(performance.now() - started);
  (res.data ?? []).forEach((item, tile) => {
    const common = { type: 'completed' as const, tile, echoed, revisedPrompt: item.revised_prompt, latencyMs, at: Date.now() };
    const usage = tile === 0 ? ((res.usage as ImagesUsage | undefined) ?? null) : null;
    // dall-e with response_format url: the browser loads the URL itself; the server fetches nothing.
    if (!item.b64_json) {
      if (item.url) emit({ ...common, url: item.url, mime: '', width: 0, height: 0, usage });
      return;
    }
    const bytes = bytesOf(item.b64_json);
    const { mime, width, height } = mimeOf(bytes);
    // svg_usage is newer than openai 6.49's ImagesResponse (api-2026-12 §2.5); the SDK passes it through.
    const svgUsage = (res as OpenAI.ImagesResponse & { svg_usage?: SvgUsage }).svg_usage;
    emit({
      type: 'completed', tile, bytes, mime, width, height, echoed,
      usage: tile === 0 ? ((res.usage as ImagesUsage | undefined) ?? null) : null,
      ...(tile === 0 && svgUsage ? { svgUsage } : {}),
      revisedPrompt: item.revised_prompt, latencyMs, at: Date.now(),
    });
  });
}
