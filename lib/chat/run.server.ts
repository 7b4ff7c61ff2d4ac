import 'server-only';
/**
 * One chat turn: validated input → `responses.create` with the image_generation tool through the provider's
 * SDK client → ChatEvents. The SSE body is read with `.asResponse()` and eventsource-parser (not the SDK
 * iterator, whose decoder rescans its buffer per chunk; see lib/generation/upstream.server.ts).
 */
import OpenAI from 'openai';
import { bytesOf, imageFacts, readSse, recordError, streamReadError } from '../pipeline/sse.server';
import { createClient } from '../providers/sdk-client.server';
import { upstreamModel } from '../providers/deployments';
import { findProvider } from '../providers/configured.server';
import { shutDownMessage } from '../providers/lineup';
import { lifecycleOf, lifecycleOwner } from '../models/lifecycle';
import { admitChat } from '../limits/chat-gate.server';
import type { User } from '../access/user.server';
import { toGenerationError } from '../generation/upstream.server';
import type { GenerationError } from '../generation/events';
import type { JobHandle } from '../pipeline/jobs.server';
import { resumeJob, runJob, type Preparation } from '../pipeline/lifecycle.server';
import { simulationHeaders } from '../pipeline/simulation';
import { checkImageRequest } from '../models/validate';
import { ApiError } from '../errors/api-error';
import { errorFor } from '../errors/codes';
import type { ModelId } from '../models/types';
import { CHAT_REPLAY, type ChatEvent, type ChatStart } from './events';
import type { ChatRequest } from '../pipeline/action-input';
import { buildInput, checkUploads, sendImages, toolParams, type ChatCreateParams, type SentImages } from './request.server';
import { takeInputUploads } from '../uploads/resolve.server';

function refuse(param: string, message: string, code = 'invalid_value'): { ok: false; error: GenerationError } {
  return { ok: false, error: { status: 400, message, type: 'invalid_request_error', param, code } };
}

function failed(e: ApiError): { ok: false; error: GenerationError } {
  return { ok: false, error: { ...e.toBody().error, status: e.status } };
}

/** Image bytes and type, for a chat event; a record without its image is a protocol error naming it. */
function image(b64: unknown, record: { type: string; field: string }): { bytes: Uint8Array; mime: string } {
  const bytes = bytesOf(b64, record);
  return { bytes, mime: imageFacts(bytes).mime };
}

/** A chat turn, through the one lifecycle (lib/pipeline/lifecycle.server.ts) under the job the browser named. */
export function startChat(input: ChatRequest, user: User): Promise<ChatStart> {
  return runJob(user, input.jobId, CHAT_REPLAY, (job) => prepare(input, user, job));
}

/** Coming back to a turn (the tab was closed or reloaded): what its job kept, then the rest live. */
export function resumeChatTurn(jobId: unknown, user: User): ChatStart {
  return resumeJob(jobId, user, CHAT_REPLAY);
}

async function prepare(input: ChatRequest, user: User, job: JobHandle<ChatEvent>): Promise<Preparation<ChatEvent>> {
  const taken = takeInputUploads(user.id, input);
  if (taken instanceof ApiError) return failed(taken);
  const provider = await findProvider(input.provider);
  if (!provider) return refuse('provider', `Provider '${String(input.provider)}' is not configured on this server.`);
  if (!provider.mainModels.includes(input.mainModel)) {
    const life = lifecycleOf('main', provider.id, input.mainModel);
    const why = life.state === 'shut-down' ? `was shut down on ${lifecycleOwner(provider.id)} on ${life.shutdown}; use ${life.replacement} instead` : 'is not offered';
    return refuse('model', `Main model '${String(input.mainModel)}' ${why}. Offered: ${provider.mainModels.join(', ')}.`, life.state === 'shut-down' ? 'model_shut_down' : undefined);
  }
  const shut = typeof input.tool?.model === 'string' ? shutDownMessage(input.tool.model, provider) : undefined;
  if (shut) return refuse('tools[0].model', shut, 'model_shut_down');
  if (typeof input.text !== 'string' || !input.text.trim()) return refuse('input', 'Write a message first.');
  if (input.previousResponseId && input.referenceCallId) return refuse('previous_response_id', 'A branch refers to an image call; it does not also continue a response.');
  // The studio's validator, on the tool's fields: errors name `tools[0].<field>`.
  const checked = checkImageRequest('responses', { ...input.tool }, { narrowing: provider.narrowing, models: provider.models, paramPrefix: 'tools[0].' });
  if (!checked.ok) return failed(checked.error);
  const toolReq = checked.request;
  const uploads = checkUploads(input, taken, toolReq.model, provider.narrowing);
  if (uploads instanceof ApiError) return failed(uploads);

  // Policy, rate limits and the spend cap, before anything is sent upstream; settled and audited when it ends.
  const admitted = await admitChat({ user, provider, input, tool: toolReq, images: uploads.images, userKey: input.userKey });
  if (!admitted.ok) return admitted;
  const gate = admitted.gate;

  const client = createClient(provider, input.mainModel as ModelId, undefined, gate.apiKey);
  const headers = simulationHeaders(provider, input.simulate);
  // Azure routes the tool to its own deployment, named in this header (api-reference, Azure image tool).
  if (provider.id === 'azure') headers['x-ms-oai-image-generation-deployment'] = upstreamModel(provider, toolReq.model);
  const tool = toolParams(toolReq);
  const bodyWith = (sent: SentImages): ChatCreateParams => ({
    model: upstreamModel(provider, input.mainModel),
    input: buildInput(input.text, sent.parts, input.referenceCallId),
    tools: [sent.mask ? { ...tool, input_image_mask: sent.mask } : tool],
    stream: true,
    ...(input.previousResponseId ? { previous_response_id: input.previousResponseId } : {}),
  });

  const work = async (send: (e: ChatEvent) => void) => {
    // Errors say which provider answered: Azure's are explained in its own terms (explain.ts).
    const emit = (e: ChatEvent) => send(e.type === 'error' ? { ...e, error: { ...e.error, provider: provider.id } } : e);
    emit({ type: 'started', jobId: job.id });
    try {
      const sent = await sendImages(client, uploads, job.signal);
      if (sent.fileIds.length || sent.maskFileId) emit({ type: 'uploaded', fileIds: sent.fileIds, maskFileId: sent.maskFileId });
      // What `responses.create` does, with the input type extended by the id-only image call reference (request.ts).
      const body: ChatCreateParams = bodyWith(sent);
      const response = await client.post('/responses', { body, stream: true, headers, signal: job.signal, maxRetries: 0 }).asResponse();
      await relay(response, emit, job.signal);
    } catch (e) {
      const error = job.signal.aborted ? null : toGenerationError(e);
      emit(error ? { type: 'error', error } : { type: 'cancelled' });
    }
  };
  return { ok: true, prepared: { gate, work } };
}

/** Turn the SSE records into ChatEvents; an `error` record or a stream without `response.completed` fails. */
async function relay(response: Response, emit: (e: ChatEvent) => void, signal: AbortSignal): Promise<void> {
  let failure: GenerationError | null = null;
  let completed = false;
  try {
    await readSse(response, (record) => {
      const { type, data } = record;
      failure ??= recordError(record, response.status);
      if (failure) return;
      if (type === 'response.image_generation_call.partial_image') {
        emit({ type: 'partial', index: Number(data.partial_image_index ?? 0), ...image(data.partial_image_b64, { type, field: 'partial_image_b64' }) });
      } else if (type === 'response.output_item.done' && data.item?.type === 'image_generation_call' && data.item.status !== 'failed') {
        emit({ type: 'image', callId: data.item.id, revisedPrompt: data.item.revised_prompt, ...image(data.item.result, { type, field: 'item.result' }) });
      } else if (type === 'response.output_text.done') {
        emit({ type: 'text', text: data.text });
      } else if (type === 'response.completed') {
        completed = true;
        emit({ type: 'completed', responseId: data.response.id });
      }
    });
  } catch (e) {
    if (signal.aborted) return emit({ type: 'cancelled' });
    const known = streamReadError(e, response.status);
    if (!known) throw e;
    failure ??= known;
  }
  if (failure) emit({ type: 'error', error: failure });
  else if (!completed && signal.aborted) emit({ type: 'cancelled' });
  else if (!completed) emit({ type: 'error', error: errorFor('stream_incomplete', 'The response stream ended before the response was complete.', null, response.status) });
}
