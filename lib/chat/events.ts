/**
 * The chat action's input and the events it streams to the browser, declared once for both sides.
 * Image bytes travel as Uint8Array so React's wire format sends them as binary, not base64 text.
 */
import type { GenerationError } from '../generation/events';
import type { ProviderKind } from '../providers/config';

export const MAIN_MODELS = ['gpt-5', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-4o', 'gpt-4o-mini', 'o3'] as const;
export type MainModel = (typeof MAIN_MODELS)[number];
export const DEFAULT_MAIN_MODEL: MainModel = 'gpt-4.1-mini';

/** The image_generation tool's settings, in the API's field names. */
export interface ChatToolSettings {
  model: string;
  quality?: string;
  size?: string;
  background?: string;
  output_format?: string;
  partial_images?: number;
}

export interface ChatInput {
  provider: ProviderKind;
  mainModel: string;
  text: string;
  previousResponseId?: string;
  /** A branch: refer to this earlier image_generation_call instead of continuing a response. */
  referenceCallId?: string;
  images?: File[];
  tool: ChatToolSettings;
}

export type ChatEvent =
  | { type: 'started' }
  | { type: 'partial'; index: number; bytes: Uint8Array; mime: string }
  | { type: 'image'; callId: string; bytes: Uint8Array; mime: string; revisedPrompt?: string }
  | { type: 'text'; text: string }
  | { type: 'completed'; responseId: string }
  | { type: 'error'; error: GenerationError };

export type ChatStart = { ok: true; events: ReadableStream<ChatEvent> } | { ok: false; error: GenerationError };
