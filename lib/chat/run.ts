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
import { admitChat } from '../limits/chat-gate';
import type { User } from '../access/user';
import { toGenerationError } from '../generation/upstream';
import type { GenerationError } from '../generation/events';
import { endJob, follow, startJob, underJob, type JobHandle } from '../generation/jobs';
import { KEEPALIVE, withKeepalive } from '../generation/keepalive';
import { ApiError } from '../errors/api-error';
import type { ModelId } from '../models/types';
import { CHAT_REPLAY, MAIN_MODELS, type ChatEvent, type ChatInput, type ChatStart } from './events';
import { buildInput, checkUploads, sendImages } from './request';
import { takeInputUploads } from '../uploads/resolve';
import { checkTool } from './tool-check';

function refuse(param: string, message: string): ChatStart {
  return { ok: false, error: { status: 400, message, type: 'invalid_request_error', param, code: 'invalid_value' } };
}

/** Image bytes and type, for a chat event. */
function image(b64: string): { bytes: Uint8Array; mime: string } {
  const bytes = bytesOf(b64);
  return { bytes, mime: imageFacts(bytes).mime };
}

/** A chat turn, started under the job the browser named. */
export function startChat(input: ChatInput, user: User): Promise<ChatStart> {
  return underJob(startJob(user.id, input.jobId, CHAT_REPLAY), (job) => run(input, user, job));
}

async function run(input: ChatInput, user: User, job: JobHandle<ChatEvent>): Promise<ChatStart> {
  const taken = takeInputUploads(user.id, input);
  if (taken instanceof ApiError) return { ok: false, error: { ...taken.toBody().error, status: taken.status } };
  const provider = findProvider(input.provider);
  if (!provider) return refuse('provider', `Provider '${String(input.provider)}' is not configured on this server.`);
  if (!MAIN_MODELS.includes(input.mainModel as never)) return refuse('model', `Main model '${String(input.mainModel)}' is not offered. Use one of: ${MAIN_MODELS.join(', ')}.`);
  if (typeof input.text !== 'string' || !input.text.trim()) return refuse('input', 'Write a message first.');
  if (input.previousResponseId && input.referenceCallId) return refuse('previous_response_id', 'A branch refers to an image call; it does not also continue a response.');
  const toolProblem = checkTool(input.tool ?? ({} as ChatInput['tool']), provider.models, provider.narrowing);
  if (toolProblem) return { ok: false, error: toolProblem };
  const uploads = checkUploads(input, taken, String(input.tool.model), provider.narrowing);
  if (uploads instanceof ApiError) return { ok: false, error: { ...uploads.toBody().error, status: uploads.status } };

  // Policy, rate limits and the spend cap, before anything is sent upstream; settled and audited when it ends.
  const admitted = await admitChat({ user, provider, input, images: uploads.images, userKey: input.userKey });
  if (!admitted.ok) return { ok: false, error: admitted.error };
  const gate = admitted.gate;

  const toolModel = input.tool.model as ModelId;
  const client = createClient(provider, input.mainModel as ModelId, undefined, gate.apiKey);
  const headers: Record<string, string> = {};
  // Azure routes the tool to its own deployment, named in this header (api-reference, Azure image tool).
  if (provider.id === 'azure') headers['x-ms-oai-image-generation-deployment'] = provider.deployments?.[toolModel] ?? toolModel;
  // The offline API's simulation, as the studio sends it (lib/generation/run.ts).
  if (provider.id === 'offline' && input.simulate) {
    if (input.simulate.fault) headers['x-offline-fault'] = String(input.simulate.fault);
    if (input.simulate.latencyMs !== undefined) headers['x-offline-latency-ms'] = String(input.simulate.latencyMs);
  }
  const { model: _m, ...rest } = input.tool;
  const tool = Object.fromEntries(Object.entries({ type: 'image_generation', model: toolModel, ...rest }).filter(([, v]) => v !== undefined && v !== ''));
  const bodyWith = (sent: Awaited<ReturnType<typeof sendImages>>) =>
    ({
      model: input.mainModel,
      input: buildInput(input.text, sent.parts, input.referenceCallId),
      tools: [sent.mask ? { ...tool, input_image_mask: sent.mask } : tool],
      stream: true,
      ...(input.previousResponseId ? { previous_response_id: input.previousResponseId } : {}),
    }) as unknown as OpenAI.Responses.ResponseCreateParamsStreaming;

  // The job owns the turn: if the browser leaves, it goes on and keeps its events for `resumeChat`; the
  // `cancel(jobId)` action aborts the uploads and the upstream call through it (a server action has no signal).
  const emit = (event: ChatEvent) => job.emit(gate.observe(event));
  const work = async () => {
    emit({ type: 'started', jobId: job.id });
    try {
      const sent = await sendImages(client, uploads, job.signal);
      if (sent.fileIds.length || sent.maskFileId) emit({ type: 'uploaded', fileIds: sent.fileIds, maskFileId: sent.maskFileId });
      const response = await client.responses.create(bodyWith(sent), { headers, signal: job.signal, maxRetries: 0 }).asResponse();
      await relay(response, emit, job.signal);
    } catch (e) {
      const error = job.signal.aborted ? null : toGenerationError(e);
      emit(error ? { type: 'error', error } : { type: 'cancelled' });
    }
  };
  // Settled exactly once, here on the server, whether or not a browser is still listening; before the stream
  // ends, so the spend a browser reads after a turn already counts it. (`work` reports its own failures as events.)
  void (async () => {
    await work().catch((e) => console.error(`chat: a turn stopped unexpectedly (${e instanceof Error ? e.name : typeof e})`));
    await gate.finish().catch((e) => console.error(`chat: could not settle a turn (${e instanceof Error ? e.name : typeof e})`));
    endJob(job.id);
  })();
  // The browser's stream is one subscriber: closing it (tab closed) stops listening, not the turn.
  return { ok: true, events: withKeepalive(follow(job.id, undefined, CHAT_REPLAY)!, KEEPALIVE) };
}

/** Coming back to a turn (the tab was closed or reloaded): what its job kept, then the rest live. */
export function resumeChatTurn(jobId: unknown, user: User): ChatStart {
  const events = typeof jobId === 'string' ? follow(jobId, user.id, CHAT_REPLAY) : null;
  if (!events) {
    return {
      ok: false,
      error: {
        status: 404,
        message: `This turn was interrupted: the server no longer has chat turn '${String(jobId).slice(0, 64)}' (it ended too long ago (JOB_RETENTION_MIN), was evicted to stay under JOB_RETENTION_MB, or the server restarted). What had arrived before is kept in the thread; send the message again to retry.`,
        type: 'invalid_request_error',
        param: 'jobId',
        code: 'job_not_found',
      },
    };
  }
  return { ok: true, events: withKeepalive(events, KEEPALIVE) };
}

/** Turn the SSE records into ChatEvents; an `error` record or a stream without `response.completed` fails. */
async function relay(response: Response, emit: (e: ChatEvent) => void, signal: AbortSignal): Promise<void> {
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
  else if (!completed && signal.aborted) emit({ type: 'cancelled' });
  else if (!completed) emit({ type: 'error', error: { status: response.status, message: 'The response stream ended before the response was complete.', type: 'stream_error', param: null, code: 'stream_incomplete' } });
}
