/**
 * Auth, routing and injected faults: missing or empty keys are 401s, unknown paths 404s, and the
 * x-offline-fault header gives the real services' moderation, rate-limit, server and stream-cut failures,
 * which the SDK must surface with its own error classes (maxRetries 0: the SDK would retry 429 and 5xx).
 */
import { expect, test } from '@playwright/test';
import OpenAI, { APIError } from 'openai';
import { AZURE_ENDPOINT, BASE, openaiClient, SERVE_RETIRED, V1 } from './helpers/env';
import { expectApiError, postJson } from './helpers/http';

const BODY = { model: 'gpt-image-2.6-sunburst', prompt: 'a lighthouse', quality: 'low', size: '1024x1024' };

test('no key, an empty Bearer key, or another scheme is a 401 on every route', async () => {
  const variants: Record<string, string>[] = [{}, { authorization: 'Bearer ' }, { authorization: 'Bearer    ' }, { authorization: 'Basic dXNlcjpwYXNz' }, { 'api-key': 'a-key-in-the-azure-header' }];
  for (const headers of variants) {
    const gen = await fetch(`${V1}/images/generations`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(BODY) });
    await expectApiError(gen, 401, { type: 'invalid_request_error', message: /API key/ });
    await expectApiError(await fetch(`${V1}/models`, { headers }), 401);
  }
  const edit = await fetch(`${V1}/images/edits`, { method: 'POST', body: new FormData() });
  await expectApiError(edit, 401);
});

test('the SDK raises AuthenticationError for a 401', async () => {
  const client = new OpenAI({ baseURL: V1, apiKey: ' ', maxRetries: 0 });
  const err = await client.images.generate(BODY as OpenAI.ImageGenerateParamsNonStreaming).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
  expect((err as APIError).status).toBe(401);
});

test('auth is checked before the body: a bad body without a key is still a 401', async () => {
  const res = await fetch(`${V1}/images/generations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
  await expectApiError(res, 401);
});

test('unknown paths are 404 Invalid URL in the OpenAI shape', async () => {
  const cases: [string, string][] = [
    ['POST', `${V1}/images`],
    ['GET', `${V1}/nope`],
    ['POST', `${V1}/images/generations/extra`],
    ['POST', `${V1}/responses/resp_x/cancel`],
    ['GET', `${BASE}/api/offline/images/not-an-id`],
    ['GET', `${BASE}/api/offline/images/${'0'.repeat(32)}`],
    ['POST', `${AZURE_ENDPOINT}/openai/deployments/gpt-image-1/images/paintings?api-version=2025-04-01-preview`],
  ];
  for (const [method, url] of cases) {
    const res = await fetch(url, { method, headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    await expectApiError(res, 404, { param: null, message: /^Invalid URL \((GET|POST) \// });
  }
});

test('a wrong method on a real route is a JSON error, not an empty 405', async () => {
  const cases: [string, string][] = [
    ['GET', `${V1}/images/generations`],
    ['PUT', `${V1}/images/edits`],
    ['DELETE', `${V1}/images/variations`],
    ['POST', `${V1}/models`],
    ['GET', `${AZURE_ENDPOINT}/openai/deployments/gpt-image-1/images/generations?api-version=2025-04-01-preview`],
  ];
  for (const [method, url] of cases) {
    const res = await fetch(url, { method, headers: { authorization: 'Bearer k' } });
    expect(res.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await expectApiError(res, res.status, { type: 'invalid_request_error', message: new RegExp(`\\(${method} /`) });
  }
});

test('fault moderation on a GPT image model: 400 moderation_blocked, image_generation_user_error', async () => {
  const e = await expectApiError(await postJson('/images/generations', BODY, { 'x-offline-fault': 'moderation' }), 400, { code: 'moderation_blocked', type: 'image_generation_user_error', param: null });
  expect(e.message).toMatch(/rejected by the safety system/);
  const err = await openaiClient({ headers: { 'x-offline-fault': 'moderation' } }).images.generate(BODY as OpenAI.ImageGenerateParamsNonStreaming).catch((x: unknown) => x);
  expect(err).toBeInstanceOf(OpenAI.BadRequestError);
  expect((err as APIError).code).toBe('moderation_blocked');
});

test('fault moderation on dall-e: 400 content_policy_violation', async () => {
  for (const model of ['dall-e-3', 'dall-e-2']) {
    // dall-e is shut down (api-2026-12 §1): its own refusal shape is checked with the switch that serves it.
    await expectApiError(await postJson('/images/generations', { model, prompt: 'x' }, { 'x-offline-fault': 'moderation', ...SERVE_RETIRED }), 400, { code: 'content_policy_violation', type: 'invalid_request_error' });
  }
});

test('fault rate_limit: 429 with Retry-After, RateLimitError in the SDK', async () => {
  const res = await postJson('/images/generations', BODY, { 'x-offline-fault': 'rate_limit' });
  expect(res.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  await expectApiError(res, 429, { code: 'rate_limit_exceeded' });
  const err = await openaiClient({ headers: { 'x-offline-fault': 'rate_limit' } }).images.generate(BODY as OpenAI.ImageGenerateParamsNonStreaming).catch((x: unknown) => x);
  expect(err).toBeInstanceOf(OpenAI.RateLimitError);
  expect((err as APIError).headers?.get('retry-after')).toBe(res.headers.get('retry-after'));
});

test('fault server_error: 500 server_error, InternalServerError in the SDK', async () => {
  await expectApiError(await postJson('/images/generations', BODY, { 'x-offline-fault': 'server_error' }), 500, { type: 'server_error' });
  const err = await openaiClient({ headers: { 'x-offline-fault': 'server_error' } }).images.generate(BODY as OpenAI.ImageGenerateParamsNonStreaming).catch((x: unknown) => x);
  expect(err).toBeInstanceOf(OpenAI.InternalServerError);
  expect((err as APIError).status).toBe(500);
});

test('fault stream_cut: the SDK stream throws after the first partial image', async () => {
  const client = openaiClient({ headers: { 'x-offline-fault': 'stream_cut' } });
  const stream = await client.images.generate({ ...BODY, quality: 'low', stream: true, partial_images: 2 });
  const seen: string[] = [];
  const err = await (async () => {
    for await (const event of stream) seen.push(event.type);
  })().catch((e: unknown) => e);
  expect(seen).toEqual(['image_generation.partial_image']);
  expect(err).toBeInstanceOf(Error);
});

test('fault stream_cut without streaming: the answer breaks off and the SDK throws', async () => {
  const client = openaiClient({ headers: { 'x-offline-fault': 'stream_cut' } });
  const err = await client.images.generate(BODY as OpenAI.ImageGenerateParamsNonStreaming).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
});

test('faults apply to edits too, and an unknown fault name is a 400 naming the header', async () => {
  const body = new FormData();
  body.append('model', 'gpt-image-2.6-sunburst');
  body.append('prompt', 'x');
  await expectApiError(await fetch(`${V1}/images/edits`, { method: 'POST', headers: { authorization: 'Bearer k', 'x-offline-fault': 'rate_limit' }, body }), 429);
  await expectApiError(await postJson('/images/generations', BODY, { 'x-offline-fault': 'meteor' }), 400, { param: 'x-offline-fault', code: 'invalid_value' });
});

test('the SDK retries a 429 when allowed, honouring Retry-After, then gives up', async () => {
  const client = openaiClient({ headers: { 'x-offline-fault': 'rate_limit' }, maxRetries: 1 });
  const started = Date.now();
  const err = await client.images.generate(BODY as OpenAI.ImageGenerateParamsNonStreaming).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OpenAI.RateLimitError);
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
});

test('x-offline-latency-ms spreads the simulated time over the stream: events arrive one after another', async () => {
  const client = openaiClient({ headers: { 'x-offline-latency-ms': '600' } });
  const started = Date.now();
  const stream = await client.images.generate({ model: 'gpt-image-2.6-sunburst', prompt: 'a slow river', quality: 'low', size: '1024x1024', stream: true, partial_images: 2 });
  const times: number[] = [];
  for await (const _event of stream) times.push(Date.now() - started);
  expect(times).toHaveLength(3);
  expect(times[2]).toBeGreaterThanOrEqual(550);
  expect(times[2] - times[0], 'the first partial arrives well before the final image').toBeGreaterThanOrEqual(300);
});
