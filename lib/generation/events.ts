/**
 * The events a generation sends from the server to the browser, declared once. The client folds them into
 * its state with one switch (lib/studio/apply-event.ts). Image bytes travel as Uint8Array: React's wire
 * format carries them as raw binary, not base64 text.
 */
import type { ApiErrorBody } from '../errors/api-error';
import type { ImagesUsage, SvgUsage } from '../cost/usage';

/** What the service said it used (GPT image models echo these; dall-e does not). */
export interface Echoed {
  size?: string;
  quality?: string;
  background?: string;
  output_format?: string;
}

export interface GenerationError extends ApiErrorBody {
  /** HTTP status from upstream, or 0 when it could not be reached. */
  status: number;
  /** Seconds to wait, from Retry-After (or Azure's retry-after-ms, rounded up). */
  retryAfter?: number;
  requestId?: string;
  /** Which provider answered: Azure's content filter and sign-in are explained in its own terms (explain.ts). */
  provider?: 'openai' | 'azure' | 'gateway' | 'offline';
  /** Azure's `inner_error.code` (e.g. ResponsibleAIPolicyViolation), when it sent one. */
  innerCode?: string;
}

export type GenerationEvent =
  /** First event: the job id (the browser's, or the server's when it sent none) and how many tiles will fill. */
  | { type: 'started'; jobId: string; tiles: number; streaming: boolean }
  /** `at`: epoch ms the upstream emitted it (offline API) or the server received it. */
  | { type: 'partial'; tile: number; partialIndex: number; bytes: Uint8Array; mime: string; at: number }
  | {
      type: 'completed';
      tile: number;
      /** The image; absent when the service answered with a URL instead (dall-e, response_format url). */
      bytes?: Uint8Array;
      url?: string;
      mime: string;
      width: number;
      height: number;
      echoed: Echoed;
      /** For a stream, this image's usage; for a batch, the whole request's usage on tile 0. */
      usage: ImagesUsage | null;
      /** An SVG answer's authoring model usage (top-level `svg_usage`, api-2026-12 §2.5), on tile 0. */
      svgUsage?: SvgUsage | null;
      revisedPrompt?: string;
      latencyMs: number;
      at: number;
    }
  /** tile null: the whole request failed. */
  | { type: 'error'; tile: number | null; error: GenerationError }
  | { type: 'cancelled'; tile: number | null }
  /** Sent after STREAM_KEEPALIVE_MS of silence so a proxy does not cut an idle connection; folded as a no-op. */
  | { type: 'keepalive' };
