import 'server-only';
/**
 * `POST /responses` and `GET /responses/{id}` of the offline API, OpenAI and Azure flavours: the
 * image_generation tool answered with an `image_generation_call` item and a short assistant message, as JSON
 * or as an SSE stream in the event order of api-reference §6.4.
 */
import { ApiError, invalid } from '../../errors/api-error';
import { textTokens } from '../../cost/tokens';
import { checkAuth, type Flavor } from '../auth.server';
import { azureImageModels, serveRetired, servedImageModels } from '../lineup.server';
import { readBody, releaseBody } from '../body.server';
import { contentFilterError, faultFrom, hang, latencyMs, moderationError, rateLimitError, serverError, sleep, variantFrom, type Fault } from '../faults';
import { errorResponse, jsonResponse, requestId, sseHeaders, sseRecord, toApiError } from '../http.server';
import { echoSettings, planImage, renderImage, revisedPrompt, type ImagePlan, type InputImage } from './images.server';
import { parseResponsesRequest, type ResponsesRequest } from './parse.server';
import { getResponse, newId, putResponse, type StoredResponse } from './store.server';
import { sniffImage } from '../../images/sniff';
import { bearerOf, checkApiVersion } from '../azure-auth.server';
import { azureContentFault, azureGateFault, type FaultContext } from '../azure-faults.server';
import { deploymentModel, deploymentNotFound } from '../azure-deployments.server';

const AZURE_NARROWING = { excludeOutputFormats: ['webp'] as const };

type Json = Record<string, unknown>;

function messageText(p: ImagePlan | null): string {
  if (!p) return 'The offline image API only makes images; no image was requested this turn.';
  return p.action === 'edit'
    ? `Here is the edited image (${p.dims.width}x${p.dims.height}, ${p.quality} quality).`
    : `Here is the generated image (${p.dims.width}x${p.dims.height}, ${p.quality} quality).`;
}

/** The main model's usage: small deterministic numbers from the text in and out (the image tool is apart). */
function usage(req: ResponsesRequest, history: string[], text: string, p: ImagePlan | null) {
  const input = 20 + textTokens([...history, req.prompt, req.instructions ?? ''].join('\n')) + (p?.images.length ?? 0) * 85;
  const output = textTokens(text) + (p ? 20 : 0);
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

/** The tool as echoed: the request's options with the defaults filled in. */
function echoTool(req: ResponsesRequest): Json[] {
  if (!req.tool) return [];
  const t = req.tool;
  return [{
    type: 'image_generation',
    background: t.background ?? 'auto',
    model: t.modelName,
    moderation: t.moderation ?? 'auto',
    output_compression: t.outputCompression ?? 100,
    output_format: t.outputFormat ?? 'png',
    partial_images: t.partialImages,
    quality: t.quality ?? 'auto',
    size: t.size,
    action: t.action,
    ...(t.inputFidelity ? { input_fidelity: t.inputFidelity } : {}),
    ...(t.raw.input_image_mask ? { input_image_mask: t.raw.input_image_mask } : {}),
  }];
}

function responseObject(id: string, req: ResponsesRequest, createdAt: number, status: 'in_progress' | 'completed', output: Json[], use: Json | null): Json {
  return {
    id,
    object: 'response',
    created_at: createdAt,
    status,
    completed_at: status === 'completed' ? Math.floor(Date.now() / 1000) : null,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: req.instructions,
    max_output_tokens: null,
    max_tool_calls: null,
    model: req.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: req.previousResponseId ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: req.store,
    temperature: req.temperature,
    text: { format: { type: 'text' } },
    tool_choice: req.toolChoice,
    tools: echoTool(req),
    top_p: req.topP,
    truncation: 'disabled',
    ...(use ? { usage: use } : {}),
    ...(req.user !== undefined ? { user: req.user } : {}),
    metadata: req.metadata,
  };
}

function callItem(id: string, p: ImagePlan, status: 'in_progress' | 'completed', result: string | null): Json {
  if (status === 'in_progress') return { id, type: 'image_generation_call', status, result: null };
  return { id, type: 'image_generation_call', status, result, revised_prompt: revisedPrompt(p), action: p.action, ...echoSettings(p) };
}

function messageItem(id: string, text: string, status: 'in_progress' | 'completed'): Json {
  return { id, type: 'message', role: 'assistant', status, content: status === 'completed' ? [textPart(text)] : [] };
}

function textPart(text: string): Json {
  return { type: 'output_text', text, annotations: [], logprobs: [] };
}

interface Turn {
  responseId: string;
  /** The request's `input`, as given. */
  input: unknown;
  req: ResponsesRequest;
  plan: ImagePlan | null;
  history: string[];
  createdAt: number;
  callId: string;
  msgId: string;
  text: string;
  /** The simulated fault the stream plays out (`stall`), if any. */
  fault: Fault | null;
}

/** The input as the service lists it: a string becomes a user message; messages get ids and content parts. */
function inputItems(input: unknown): Json[] {
  const list: unknown[] = input === undefined || input === null ? [] : typeof input === 'string' ? [{ role: 'user', content: input }] : (input as unknown[]);
  return list.map((raw) => {
    const item = raw as Json;
    if (item.type && item.type !== 'message') return item;
    const content = typeof item.content === 'string' ? [{ type: 'input_text', text: item.content }] : item.content;
    return { id: newId('msg_'), type: 'message', status: 'completed', role: item.role ?? 'user', content };
  });
}

function store(t: Turn, body: Json, bytes: Buffer | null): void {
  if (!t.req.store) return;
  const entry: StoredResponse = { body, prompts: [...t.history, t.req.prompt].filter(Boolean).slice(-20), input: inputItems(t.input) };
  if (bytes) entry.image = { id: t.callId, bytes };
  putResponse(t.responseId, entry);
}

async function answerJson(t: Turn, latency: number, signal: AbortSignal, id: string): Promise<Response> {
  const bytes = t.plan ? await renderImage(t.plan) : null;
  await sleep(latency, signal);
  const output: Json[] = [];
  if (t.plan && bytes) output.push(callItem(t.callId, t.plan, 'completed', bytes.toString('base64')));
  output.push(messageItem(t.msgId, t.text, 'completed'));
  const body = responseObject(t.responseId, t.req, t.createdAt, 'completed', output, usage(t.req, t.history, t.text, t.plan));
  store(t, body, bytes);
  return jsonResponse(body, 200, id);
}

/** The SSE answer in the order of api-reference §6.4, with rising sequence numbers. */
function answerStream(t: Turn, latency: number, signal: AbortSignal, id: string): Response {
  const encoder = new TextEncoder();
  let cancelled = false;
  let seq = 0;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (type: string, data: Json) => {
        if (!cancelled) controller.enqueue(encoder.encode(sseRecord(type, { sequence_number: seq++, ...data })));
      };
      try {
        const pending = responseObject(t.responseId, t.req, t.createdAt, 'in_progress', [], null);
        send('response.created', { response: pending });
        send('response.in_progress', { response: pending });
        const output: Json[] = [];
        let bytes: Buffer | null = null;
        const p = t.plan;
        if (p) {
          const ref = { output_index: 0, item_id: t.callId };
          send('response.output_item.added', { output_index: 0, item: callItem(t.callId, p, 'in_progress', null) });
          send('response.image_generation_call.in_progress', ref);
          send('response.image_generation_call.generating', ref);
          const steps = p.tool.partialImages + 1;
          for (let k = 0; k < p.tool.partialImages && !cancelled; k++) {
            const [partial] = await Promise.all([renderImage(p, 1 / 2 ** (p.tool.partialImages - k)), sleep(latency / steps, signal)]);
            send('response.image_generation_call.partial_image', { ...ref, partial_image_index: k, partial_image_b64: partial.toString('base64'), ...echoSettings(p) });
            if (t.fault === 'stall') return hang(signal, () => cancelled);
          }
          if (t.fault === 'stall') return hang(signal, () => cancelled);
          [bytes] = await Promise.all([renderImage(p), sleep(latency / steps, signal)]);
          if (cancelled) return;
          send('response.image_generation_call.completed', ref);
          const done = callItem(t.callId, p, 'completed', bytes.toString('base64'));
          send('response.output_item.done', { output_index: 0, item: done });
          output.push(done);
        }
        const oi = output.length;
        const mref = { item_id: t.msgId, output_index: oi, content_index: 0 };
        send('response.output_item.added', { output_index: oi, item: messageItem(t.msgId, t.text, 'in_progress') });
        send('response.content_part.added', { ...mref, part: textPart('') });
        for (const piece of t.text.match(/\S+\s*/g) ?? [t.text]) send('response.output_text.delta', { ...mref, delta: piece, logprobs: [] });
        send('response.output_text.done', { ...mref, text: t.text, logprobs: [] });
        send('response.content_part.done', { ...mref, part: textPart(t.text) });
        const msg = messageItem(t.msgId, t.text, 'completed');
        send('response.output_item.done', { output_index: oi, item: msg });
        output.push(msg);
        const body = responseObject(t.responseId, t.req, t.createdAt, 'completed', output, usage(t.req, t.history, t.text, p));
        store(t, body, bytes);
        send('response.completed', { response: body });
        if (!cancelled) controller.close();
      } catch (e) {
        if (cancelled) return;
        const err = toApiError(e).toBody().error;
        send('error', { code: err.code ?? err.type, message: err.message, param: err.param });
        controller.close();
      }
    },
    cancel() {
      cancelled = true;
    },
  });
  return new Response(stream, { status: 200, headers: sseHeaders(id) });
}

/** The api-version the Azure route takes (azure-auth.server.ts); `preview` stands for none on OpenAI routes. */
function checkAzure(request: Request, flavor: Flavor): string {
  return flavor.kind === 'azure' ? checkApiVersion(request, flavor.route ?? 'deployments') : 'preview';
}

/**
 * The image tool's deployment header, resolved to the model it runs (a named deployment or a model-named one).
 * Unknown names are Azure's 404 when the request has the tool; without it the header is not looked at.
 */
function toolDeployment(header: string | null, fields: Record<string, unknown>): string | null {
  if (!header) return null;
  const model = deploymentModel(header);
  if (model) return model;
  const hasTool = Array.isArray(fields.tools) && fields.tools.some((t) => (t as { type?: unknown } | null)?.type === 'image_generation');
  if (hasTool) throw deploymentNotFound(header);
  return header;
}

export async function handleResponses(request: Request, flavor: Flavor): Promise<Response> {
  const id = requestId();
  try {
    checkAuth(request.headers, flavor);
    const apiVersion = checkAzure(request, flavor);
    const fault = faultFrom(request.headers);
    const faultCtx: FaultContext = { operation: 'responses', apiVersion, requestId: id, bearer: !!bearerOf(request.headers) };
    const gate = azureGateFault(fault, faultCtx);
    if (gate) throw gate;
    // Azure serves what its deployments name, whatever OpenAI's dates say.
    const retired = serveRetired(request.headers) || flavor.kind === 'azure';
    if (fault === 'rate_limit') throw rateLimitError();
    if (fault === 'server_error') throw serverError();

    const body = await readBody(request);
    if (body.fromForm) throw invalid(null, 'unsupported_content_type', 'POST /responses takes a JSON body.');
    const azure = flavor.kind === 'azure';
    const narrowing = azure ? AZURE_NARROWING : undefined;
    const req = parseResponsesRequest(body.fields, {
      narrowing,
      retired,
      models: azure ? azureImageModels() : servedImageModels(retired),
      azure: azure ? { imageDeployment: toolDeployment(request.headers.get('x-ms-oai-image-generation-deployment'), body.fields) } : undefined,
    });

    let previous: StoredResponse | undefined;
    if (req.previousResponseId) {
      previous = getResponse(req.previousResponseId);
      if (!previous) {
        throw new ApiError(400, { message: `Previous response with id '${req.previousResponseId.slice(0, 80)}' not found.`, type: 'invalid_request_error', param: 'previous_response_id', code: 'previous_response_not_found' });
      }
    }
    const history = previous?.prompts ?? [];
    const prevImage: InputImage | undefined = previous?.image ? { bytes: previous.image.bytes, info: sniffImage(previous.image.bytes)! } : undefined;
    const prompt = req.prompt || history[history.length - 1] || '';
    const plan = req.callTool && req.tool ? await planImage(req.tool, prompt, req.images, prevImage, variantFrom(request.headers), narrowing) : null;

    if (fault === 'moderation') throw moderationError('gpt-image', id);
    if (fault === 'content_filter') throw contentFilterError();
    const refused = azureContentFault(fault, { ...faultCtx, prompt });
    if (refused) throw refused;

    const turn: Turn = {
      responseId: newId('resp_'),
      input: body.fields.input,
      req,
      plan,
      history,
      createdAt: Math.floor(Date.now() / 1000),
      callId: newId('ig_'),
      msgId: newId('msg_'),
      text: messageText(plan),
      fault,
    };
    const latency = latencyMs(request.headers);
    if (req.stream) return answerStream(turn, latency, request.signal, id);
    return await answerJson(turn, latency, request.signal, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  } finally {
    releaseBody(request);
  }
}

/** A stored response the caller may read, or the 404 the real API gives for an unknown id. */
function storedResponse(request: Request, responseId: string, flavor: Flavor): NonNullable<ReturnType<typeof getResponse>> {
  checkAuth(request.headers, flavor);
  checkAzure(request, flavor);
  const stored = getResponse(responseId);
  if (!stored) throw new ApiError(404, { message: `Response with id '${responseId.slice(0, 80)}' not found.`, type: 'invalid_request_error', param: null, code: null });
  return stored;
}

export async function handleGetResponse(request: Request, responseId: string, flavor: Flavor): Promise<Response> {
  const id = requestId();
  try {
    return jsonResponse(storedResponse(request, responseId, flavor).body, 200, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  }
}

/** GET /responses/{id}/input_items: the stored turn's input, newest first unless `order=asc`. */
export async function handleGetInputItems(request: Request, responseId: string, flavor: Flavor): Promise<Response> {
  const id = requestId();
  try {
    const stored = storedResponse(request, responseId, flavor);
    const order = new URL(request.url).searchParams.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw invalid('order', 'invalid_value', `Invalid value: '${order.slice(0, 20)}'. Supported values are: 'asc' and 'desc'.`);
    const items = order === 'asc' ? [...(stored.input ?? [])] : [...(stored.input ?? [])].reverse();
    const idOf = (x?: Json) => (x?.id as string | undefined) ?? null;
    return jsonResponse({ object: 'list', data: items, first_id: idOf(items[0]), last_id: idOf(items[items.length - 1]), has_more: false }, 200, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  }
}
