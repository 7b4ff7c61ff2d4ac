/**
 * The chat action's input and the events it streams to the browser, declared once for both sides.
 * Image bytes travel as Uint8Array so React's wire format sends them as binary, not base64 text.
 */
import type { GenerationError } from '../generation/events';
import type { ReplayPolicy } from '../pipeline/jobs.server';
import type { Fault } from '../offline/faults';
import type { ProviderKind } from '../providers/config';

export { MAIN_MODELS, DEFAULT_MAIN_MODEL, type MainModel } from '../models/main-models';

/** The image_generation tool's settings, in the API's field names; what each model takes is in the registry. */
export interface ChatToolSettings {
  model: string;
  quality?: string;
  size?: string;
  background?: string;
  output_format?: string;
  /** jpeg and webp only. */
  output_compression?: number;
  moderation?: string;
  partial_images?: number;
  /** Only on models whose registry entry lists input fidelity. */
  input_fidelity?: string;
}

/** How a turn's images (and mask) reach the service: inline as data URLs, or uploaded to the Files API first. */
export const ATTACH_MODES = ['data_url', 'file'] as const;
export type AttachMode = (typeof ATTACH_MODES)[number];
export const ATTACH_MODE_LABEL: Record<AttachMode, string> = { data_url: 'data URL', file: 'Files API upload' };

export interface ChatInput {
  provider: ProviderKind;
  mainModel: string;
  text: string;
  previousResponseId?: string;
  /** A branch: refer to this earlier image_generation_call instead of continuing a response. */
  referenceCallId?: string;
  /** This turn's attached images, as ids from POST /api/uploads (lib/uploads): bytes never ride in the action body. */
  imageIds?: string[];
  /** How the images and mask are sent upstream (default data_url). */
  attachAs?: AttachMode;
  /** The tool's input_image_mask (an upload id): a PNG whose transparent pixels mark the area to change. */
  maskId?: string;
  tool: ChatToolSettings;
  /** The offline API's simulation controls, as in the studio; ignored for real providers. */
  simulate?: { fault?: Fault; latencyMs?: number };
  /** The user's own API key, when the policy allows it: used for this turn only, never stored or logged. */
  userKey?: string;
  /**
   * The turn's job id, made by the browser (crypto.randomUUID()) and saved with the turn before the call, so a
   * page closed before the first event can still `resumeChat` it. Absent: the server names it in `started`.
   */
  jobId?: string;
}

export type ChatEvent =
  /** The turn's job id (the browser's, or the server's when it sent none): the `cancel(jobId)` action stops this turn. */
  | { type: 'started'; jobId: string }
  /** Files API ids of this turn's uploads, in the order of the images; the mask's id apart. */
  | { type: 'uploaded'; fileIds: string[]; maskFileId?: string }
  | { type: 'partial'; index: number; bytes: Uint8Array; mime: string }
  | { type: 'image'; callId: string; bytes: Uint8Array; mime: string; revisedPrompt?: string }
  | { type: 'text'; text: string }
  | { type: 'completed'; responseId: string }
  | { type: 'cancelled' }
  | { type: 'error'; error: GenerationError }
  /** After STREAM_KEEPALIVE_MS of silence, so a proxy does not cut a quiet connection; folded as a no-op. */
  | { type: 'keepalive' };

/**
 * What a chat turn's job keeps for a browser that comes back (lib/pipeline/jobs.server.ts): the job id, the upload
 * ids, the latest partial until the image replaces it, the image, the text, and how the turn ended. Replayed
 * in that order, it folds into the same turn the live stream built.
 */
export const CHAT_REPLAY: ReplayPolicy<ChatEvent> = {
  kind: 'chat',
  noun: 'chat turn',
  short: 'turn',
  kept: 'What had arrived before is kept in the thread; send the message again to retry.',
  ended: (error) => (error ? { type: 'error', error } : { type: 'cancelled' }),
  keep(e) {
    switch (e.type) {
      case 'started':
        return { slot: 0 };
      case 'uploaded':
        return { slot: 1 };
      case 'partial':
        return { slot: 2 };
      case 'image':
        return { log: true, clears: 2 };
      case 'text':
      case 'completed':
      case 'cancelled':
      case 'error':
        return { log: true };
      case 'keepalive':
        return null;
    }
  },
};

export type ChatStart = { ok: true; events: ReadableStream<ChatEvent> } | { ok: false; error: GenerationError };
