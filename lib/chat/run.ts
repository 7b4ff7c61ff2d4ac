import 'server-only';
/**
 * One chat turn: validated input → `responses.create` with the image_generation tool through the provider's
 * SDK client → ChatEvents. The SSE body is read with `.asResponse()` and eventsource-parser (not the SDK
 * iterator, whose decoder rescans its buffer per chunk; see lib/generation/upstream.ts).
 */
import OpenAI from 'openai';
import { bytesOf, imageFacts, readSse, recordError } from '../generation/sse';
import { createClient } from '../providers/client';
import { findProvider } from '../providers/server';
import type { User } from '../access/user';
import { toGenerationError } from '../generation/upstream';
import type { GenerationError } from '../generation/events';
import type { ModelId } from '../models/types';
import { MAIN_MODELS, type ChatEvent, type ChatInput, type ChatStart } from './events';
import { checkTool } from './tool-check';

const MAX_IMAGES = 16;

function refuse(param: string, message: string): ChatStart {
  return { ok: false, error: { status: 400, message, type: 'invalid_request_error', param, code: 'invalid_value' } };
}

/** Image bytes and type, for a chat event. */
function image(b64: string): { bytes: Uint8Array; mime: string } {
  const bytes = bytesOf(b64);
  return { bytes, mime: imageFacts(bytes).mime };
}

async function dataUrl(f: File): Promise<string> {
  const type = f.type || 'image/png';
  return `data:${type};base64,${Buffer.from(await f.arrayBuffer()).toString('base64')}`;
}

/** The `input` of the request: this turn's message, and for a branch the referenced image call first. */
async function buildInput(input: ChatInput): Promise<unknown[]> {
  const images = (input.images ?? []).filter((f): f is File => f instanceof Blob);
  const content: unknown[] = [{ type: 'input_text', text: input.text }];
  for (const f of images) content.push({ type: 'input_image', image_url: await dataUrl(f) });
  const items: unknown[] = [];
  if (input.referenceCallId) items.push({ type: 'image_generation_call', id: input.referenceCallId });
  items.push({ role: 'user', content });
  return items;
}

export async function startChat(input: ChatInput, user: User): Promise<ChatStart> {
  const provider = findProvider(input.provider);
  if (!provider) return refuse('provider', `Provider '${String(input.provider)}' is not configured on this server.`);
  if (!MAIN_MODELS.includes(input.mainModel as never)) return refuse('model', `Main model '${String(input.mainModel)}' is not offered. Use one of: ${MAIN_MODELS.join(', ')}.`);
  if (typeof input.text !== 'string' || !input.text.trim()) return refuse('input', 'Write a message first.');
  if ((input.images?.length ?? 0) > MAX_IMAGES) return refuse('input', `Attach at most ${MAX_IMAGES} images.`);
  if (input.previousResponseId && input.referenceCallId) return refuse('previous_response_id', 'A branch refers to an image call; it does not also continue a response.');
  const toolProblem = checkTool(input.tool ?? ({} as ChatInput['tool']), provider.models, provider.narrowing);
  if (toolProblem) return { ok: false, error: toolProblem };

  const toolModel = input.tool.model as ModelId;
  const client = createClient(provider, input.mainModel as ModelId);
  const headers: Record<string, string> = {};
  // Azure routes the tool to its own deployment, named in this header (api-reference, Azure image tool).
  if (provider.id === 'azure') headers['x-ms-oai-image-generation-deployment'] = provider.deployments?.[toolModel] ?? toolModel;
  const { model: _m, ...rest } = input.tool;
  const tool = Object.fromEntries(Object.entries({ type: 'image_generation', model: toolModel, ...rest }).filter(([, v]) => v !== undefined && v !== ''));
  const body = {
    model: input.mainModel,
    input: await buildInput(input),
    tools: [tool],
    stream: true,
    ...(input.previousResponseId ? { previous_response_id: input.previousResponseId } : {}),
  } as unknown as OpenAI.Responses.ResponseCreateParamsStreaming;

  const controller = new AbortController();
  const events = new ReadableStream<ChatEvent>({
    async start(out) {
      let closed = false;
      const emit = (e: ChatEvent) => {
        if (!closed) out.enqueue(e);
      };
      emit({ type: 'started' });
      try {
        const response = await client.responses.create(body, { headers, signal: controller.signal, maxRetries: 0 }).asResponse();
        await relay(response, emit);
      } catch (e) {
        const error = toGenerationError(e);
        if (error) emit({ type: 'error', error });
      }
      closed = true;
      out.close();
    },
    cancel() {
      controller.abort();
    },
  });
  return { ok: true, events };
}

/** Turn the SSE records into ChatEvents; an `error` record or a stream without `response.completed` fails. */
async function relay(response: Response, emit: (e: ChatEvent) => void): Promise<void> {
  let failure: GenerationError | null = null;
  let completed = false;
  await readSse(response, (record) => {
    const { type, data } = record;
    failure ??= recordError(record, response.status);
    if (failure) return;
    if (type === 'response.image_generation_call.partial_image') {
      emit({ type: 'partial', index: Number(data.partial_image_index ?? 0), ...image(data.partial_image_b64) });
    } else if (type === 'response.output_item.done' && data.item?.type === 'image_generation_call' && data.item.result) {
      emit({ type: 'image', callId: data.item.id, revisedPrompt: data.item.revised_prompt, ...image(data.item.result) });
    } else if (type === 'response.output_text.done') {
      emit({ type: 'text', text: data.text });
    } else if (type === 'response.completed') {
      completed = true;
      emit({ type: 'completed', responseId: data.response.id });
    }
  });
  if (failure) emit({ type: 'error', error: failure });
  else if (!completed) emit({ type: 'error', error: { status: response.status, message: 'The response stream ended before the response was complete.', type: 'stream_error', param: null, code: 'stream_incomplete' } });
}
