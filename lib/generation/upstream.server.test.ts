import OpenAI from 'openai';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { GenerationEvent } from './events';
import { batch, retryAfterSeconds, StreamFailure, streamOne, toGenerationError } from './upstream.server';
import type { Wire } from './sdk-params';

const png = async (w: number, h: number) =>
  (await sharp({ create: { width: w, height: h, channels: 3, background: '#336699' } }).png().toBuffer()).toString('base64');

/** An SDK client whose transport answers with `body` (SSE text or JSON), so the real SDK code path runs. */
function clientAnswering(body: string | (() => ReadableStream<Uint8Array>), init: ResponseInit = { status: 200 }) {
  return new OpenAI({
    apiKey: 'test',
    baseURL: 'http://upstream.test/v1',
    maxRetries: 0,
    fetch: async () => new Response(typeof body === 'string' ? body : body(), init),
  });
}

const record = (type: string, data: object, emittedAt?: number) =>
  `${emittedAt ? `: emitted-at ${emittedAt}\n` : ''}event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

async function collect(run: (emit: (e: GenerationEvent) => void) => Promise<void>) {
  const events: GenerationEvent[] = [];
  await run((e) => events.push(e));
  return events;
}

const opts = () => ({ signal: new AbortController().signal });
const gen = (params: { model: string; prompt: string }): Wire => ({ endpoint: 'generate', params, stream: false });

describe('streamOne maps SDK stream events to UI events', () => {
  it('turns partial_image and completed records into partial and completed events with bytes, size and usage', async () => {
    const [partial, final] = [await png(64, 32), await png(1536, 1024)];
    const usage = { input_tokens: 5, input_tokens_details: { text_tokens: 5, image_tokens: 0 }, output_tokens: 6408, total_tokens: 6413 };
    const sse =
      record('image_generation.partial_image', { b64_json: partial, partial_image_index: 0, size: '1536x1024', quality: 'high', background: 'opaque', output_format: 'png', created_at: 1 }, 1234) +
      record('image_generation.completed', { b64_json: final, size: '1536x1024', quality: 'high', background: 'opaque', output_format: 'png', created_at: 2, usage });
    const events = await collect((emit) => streamOne(clientAnswering(sse), gen({ model: 'gpt-image-1', prompt: 'x' }), {}, 2, opts(), emit));
    expect(events.map((e) => e.type)).toEqual(['partial', 'completed']);
    const [p, c] = events as [Extract<GenerationEvent, { type: 'partial' }>, Extract<GenerationEvent, { type: 'completed' }>];
    expect(p).toMatchObject({ tile: 2, partialIndex: 0, mime: 'image/png', at: 1234 });
    expect(Buffer.from(p.bytes).toString('base64')).toBe(partial);
    expect(c).toMatchObject({ tile: 2, mime: 'image/png', width: 1536, height: 1024, usage, echoed: { size: '1536x1024', quality: 'high', background: 'opaque', output_format: 'png' } });
    // A plain Uint8Array (not a Buffer), so React's wire format sends it as binary.
    expect(Object.getPrototypeOf(c.bytes)).toBe(Uint8Array.prototype);
  });

  it('reads image_edit.* events the same way', async () => {
    const sse = record('image_edit.completed', { b64_json: await png(8, 8), size: '1024x1024', quality: 'low', background: 'opaque', output_format: 'png', created_at: 1, usage: null });
    const events = await collect((emit) => streamOne(clientAnswering(sse), gen({ model: 'gpt-image-1', prompt: 'x' }), {}, 0, opts(), emit));
    expect(events[0]).toMatchObject({ type: 'completed', width: 8, height: 8 });
  });

  it('throws a StreamFailure with the code when the stream carries an error event', async () => {
    const sse = record('error', { error: { message: 'Your request was rejected by the safety system.', type: 'image_generation_user_error', code: 'moderation_blocked', param: null } });
    const run = streamOne(clientAnswering(sse), gen({ model: 'gpt-image-1', prompt: 'x' }), {}, 0, opts(), () => {});
    await expect(run).rejects.toBeInstanceOf(StreamFailure);
    await expect(run).rejects.toMatchObject({ failure: { code: 'moderation_blocked', type: 'image_generation_user_error' } });
  });

  it('reports a stream that ends before the final image, keeping the partial it already emitted', async () => {
    const sse = record('image_generation.partial_image', { b64_json: await png(4, 4), partial_image_index: 0, size: '1024x1024', quality: 'low', background: 'opaque', output_format: 'png', created_at: 1 });
    const events: GenerationEvent[] = [];
    await expect(streamOne(clientAnswering(sse), gen({ model: 'gpt-image-1', prompt: 'x' }), {}, 0, opts(), (e) => events.push(e))).rejects.toMatchObject({ failure: { code: 'stream_incomplete' } });
    expect(events.map((e) => e.type)).toEqual(['partial']);
  });

  it('reports a connection cut mid-stream as a connection error', async () => {
    const first = new TextEncoder().encode(record('image_generation.partial_image', { b64_json: await png(4, 4), partial_image_index: 0, size: '1024x1024', quality: 'low', background: 'opaque', output_format: 'png', created_at: 1 }));
    const body = () => new ReadableStream<Uint8Array>({ start(c) { c.enqueue(first); c.error(new Error('socket hang up')); } });
    const err = await streamOne(clientAnswering(body), gen({ model: 'gpt-image-1', prompt: 'x' }), {}, 0, opts(), () => {}).catch((e) => e);
    expect(toGenerationError(err)).toMatchObject({ status: 0, code: 'connection_error' });
  });
});

describe('streamOne: a stream that misbehaves without closing', () => {
  it('ends an upstream that goes quiet with the idle-timeout error, keeping the partial it emitted', async () => {
    const first = new TextEncoder().encode(record('image_generation.partial_image', { b64_json: await png(4, 4), partial_image_index: 0, size: '1024x1024', quality: 'low', background: 'opaque', output_format: 'png', created_at: 1 }));
    let cancelled = false;
    const body = () => new ReadableStream<Uint8Array>({ start(c) { c.enqueue(first); }, cancel() { cancelled = true; } });
    const events: GenerationEvent[] = [];
    process.env.UPSTREAM_IDLE_TIMEOUT_MS = '60';
    try {
      const err = await streamOne(clientAnswering(body), gen({ model: 'gpt-image-1', prompt: 'x' }), {}, 0, opts(), (e) => events.push(e)).catch((e) => e);
      expect(err).toBeInstanceOf(StreamFailure);
      expect(err.failure).toMatchObject({ code: 'upstream_idle_timeout', type: 'timeout' });
    } finally {
      delete process.env.UPSTREAM_IDLE_TIMEOUT_MS;
    }
    expect(events.map((e) => e.type)).toEqual(['partial']);
    // The upstream connection is closed, not left hanging.
    expect(cancelled).toBe(true);
  });

  it('names a malformed record instead of calling it a cut connection', async () => {
    const sse = 'event: image_generation.partial_image\ndata: {"b64_json": "AAA\n\n';
    const err = await streamOne(clientAnswering(sse), gen({ model: 'gpt-image-1', prompt: 'x' }), {}, 0, opts(), () => {}).catch((e) => e);
    expect(err.failure).toMatchObject({ code: 'stream_malformed', type: 'protocol_error' });
    expect(err.failure.message).toContain('image_generation.partial_image');
  });

  it('names a record without its image', async () => {
    const sse = record('image_generation.completed', { size: '1024x1024', created_at: 1, usage: null });
    const err = await streamOne(clientAnswering(sse), gen({ model: 'gpt-image-1', prompt: 'x' }), {}, 0, opts(), () => {}).catch((e) => e);
    expect(err.failure).toMatchObject({ code: 'stream_malformed' });
    expect(err.failure.message).toMatch(/image_generation\.completed.*b64_json/);
  });
});

describe('toGenerationError', () => {
  it('keeps status, code, param and Retry-After from an SDK error', async () => {
    const client = clientAnswering(JSON.stringify({ error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } }), {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '7', 'x-request-id': 'req_1' },
    });
    const err = await batch(client, gen({ model: 'gpt-image-1', prompt: 'x' }), {}, opts(), () => {}).catch((e) => e);
    expect(toGenerationError(err)).toEqual({ status: 429, message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded', retryAfter: 7, requestId: 'req_1' });
  });

  it("turns Azure's numeric-string codes into strings and treats a user abort as no error", () => {
    const e = OpenAI.APIError.generate(401, { error: { code: '401', message: 'Access denied' } }, undefined, new Headers());
    expect(toGenerationError(e)).toMatchObject({ status: 401, code: '401', message: 'Access denied' });
    expect(toGenerationError(new OpenAI.APIUserAbortError())).toBeNull();
  });

  it("keeps Azure's inner_error code and its retry-after-ms", () => {
    const body = { error: { code: 'content_policy_violation', message: 'blocked', type: 'invalid_request_error', inner_error: { code: 'ResponsibleAIPolicyViolation' } } };
    expect(toGenerationError(OpenAI.APIError.generate(400, body, undefined, new Headers()))).toMatchObject({ code: 'content_policy_violation', innerCode: 'ResponsibleAIPolicyViolation' });
    const limited = OpenAI.APIError.generate(429, { error: { code: '429', message: 'retry after 3 seconds' } }, undefined, new Headers({ 'retry-after-ms': '3000', 'retry-after': '3' }));
    expect(toGenerationError(limited)).toMatchObject({ status: 429, code: '429', retryAfter: 3 });
  });
});

describe('batch', () => {
  it('emits one completed event per image, usage on the first, revised prompt passed through', async () => {
    const b64 = await png(16, 16);
    const body = JSON.stringify({ created: 1, data: [{ b64_json: b64, revised_prompt: 'r' }, { b64_json: b64 }], size: '1024x1024', usage: { input_tokens: 1, input_tokens_details: { text_tokens: 1, image_tokens: 0 }, output_tokens: 2, total_tokens: 3 } });
    const events = await collect((emit) => batch(clientAnswering(body, { status: 200, headers: { 'content-type': 'application/json' } }), gen({ model: 'dall-e-3', prompt: 'x' }), {}, opts(), emit));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: 'completed', tile: 0, revisedPrompt: 'r', usage: { total_tokens: 3 } });
    expect(events[1]).toMatchObject({ type: 'completed', tile: 1, usage: null });
  });

  it('passes a URL answer through without fetching it', async () => {
    const body = JSON.stringify({ created: 1, data: [{ url: 'https://images.example/x.png' }] });
    const events = await collect((emit) => batch(clientAnswering(body, { status: 200, headers: { 'content-type': 'application/json' } }), gen({ model: 'dall-e-2', prompt: 'x' }), {}, opts(), emit));
    expect(events[0]).toMatchObject({ type: 'completed', url: 'https://images.example/x.png' });
    expect((events[0] as { bytes?: unknown }).bytes).toBeUndefined();
  });
});

describe('retryAfterSeconds', () => {
  it('reads Azure’s retry-after-ms first (rounded up), then Retry-After in seconds', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after-ms': '2500', 'retry-after': '9' }))).toBe(3);
    expect(retryAfterSeconds(new Headers({ 'retry-after-ms': '10' }))).toBe(1);
    expect(retryAfterSeconds(new Headers({ 'retry-after': '7' }))).toBe(7);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterSeconds(undefined)).toBeUndefined();
  });
});
