import 'server-only';
/**
 * One non-streamed generation through a provider's SDK client, validated against the registry first
 * (the UI prevents bad input, the server still refuses it). Image bytes go back as a Uint8Array, which
 * React's wire format carries as binary rather than base64 text.
 */
import OpenAI from 'openai';
import { ApiError, type ApiErrorBody } from '../errors/api-error';
import { sniffImage } from '../images/sniff';
import { checkImageRequest } from '../models/validate';
import type { ProviderKind } from '../providers/config';
import { createClient } from '../providers/client';
import { findProvider } from '../providers/server';

export interface GeneratedImage {
  bytes: Uint8Array;
  mime: string;
  width: number;
  height: number;
}

export type GenerateResult =
  | { ok: true; images: GeneratedImage[]; echoed: { size?: string; quality?: string; background?: string; output_format?: string }; usage?: unknown; latencyMs: number }
  | { ok: false; status: number; error: ApiErrorBody };

function failure(e: unknown): GenerateResult {
  if (e instanceof ApiError) return { ok: false, status: e.status, error: e.toBody().error };
  if (e instanceof OpenAI.APIError) {
    const inner = (e.error ?? {}) as Partial<ApiErrorBody>;
    return {
      ok: false,
      status: e.status ?? 0,
      error: { message: inner.message ?? e.message, type: inner.type ?? 'api_error', param: inner.param ?? null, code: inner.code ?? null },
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, status: 0, error: { message: `Could not reach the image service: ${message}`, type: 'connection_error', param: null, code: null } };
}

export async function generateImage(providerId: ProviderKind, fields: Record<string, unknown>): Promise<GenerateResult> {
  const provider = findProvider(providerId);
  if (!provider) {
    return failure(new ApiError(400, { message: `Provider '${String(providerId)}' is not configured on this server.`, param: 'provider', code: 'invalid_value' }));
  }
  const checked = checkImageRequest('generate', { ...fields, stream: undefined }, { narrowing: provider.narrowing, models: provider.models });
  if (!checked.ok) return failure(checked.error);
  const req = checked.request;
  const started = performance.now();
  try {
    const client = createClient(provider, req.model);
    const res = await client.images.generate({
      model: req.model,
      prompt: req.prompt,
      n: req.n,
      size: req.size as OpenAI.ImageGenerateParams['size'],
      quality: req.quality,
      background: req.background,
      output_format: req.outputFormat,
      output_compression: req.outputCompression,
      moderation: req.moderation,
      style: req.style,
      // dall-e answers with URLs by default; ask for bytes so nothing is fetched from a URL on the server.
      response_format: req.model.startsWith('dall-e') ? 'b64_json' : undefined,
    });
    const images = (res.data ?? []).flatMap((d) => {
      if (!d.b64_json) return [];
      const bytes = new Uint8Array(Buffer.from(d.b64_json, 'base64'));
      const info = sniffImage(bytes);
      return info ? [{ bytes, mime: `image/${info.type}`, width: info.width, height: info.height }] : [];
    });
    return {
      ok: true,
      images,
      echoed: { size: res.size, quality: res.quality, background: res.background, output_format: res.output_format },
      usage: res.usage,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (e) {
    return failure(e);
  }
}
