/**
 * The Responses API's image_generation tool on the offline API: the SDK's responses.create (JSON and
 * stream: true) and its responses.stream() helper, the event order of api-reference §6.4, requests and answers
 * against the OpenAPI spec, input images (data URL, file_id, image_generation_call), previous_response_id,
 * GET /responses/{id}, errors naming the param, and the Azure route with its image deployment header.
 */
import { expect, test } from '@playwright/test';
import OpenAI, { BadRequestError, NotFoundError, toFile } from 'openai';
import { AZURE_API_VERSION, AZURE_ENDPOINT, AUTH, KEY, openaiClient, V1 } from './helpers/env';
import { decode, decodeRgba, fromB64, holeMask, patternPng, transparentPixels } from './helpers/images';
import { expectApiError, postJson } from './helpers/http';
import { specProblems, type SchemaName } from './helpers/spec';

const client = openaiClient();

/**
 * Current models (api-2026-12 §4): the guide's example pairs gpt-6-astra with gpt-image-2.5-sunburst; gpt-6-luna
 * lists the tool. The tool's spec default (gpt-image-1) is shut down, so every tool here names its model.
 */
const MAIN = 'gpt-6-luna';
const TOOL_MODEL = 'gpt-image-2.5-sunburst';

/** Schema names beyond the helper's list (it validates any name the spec has). */
function expectSchema(name: string, value: unknown): void {
  expect(specProblems(name as SchemaName, value), `${name} should conform to the OpenAPI spec`).toEqual([]);
}

const EVENT_SCHEMA: Record<string, string> = {
  'response.created': 'ResponseCreatedEvent',
  'response.in_progress': 'ResponseInProgressEvent',
  'response.output_item.added': 'ResponseOutputItemAddedEvent',
  'response.output_item.done': 'ResponseOutputItemDoneEvent',
  'response.image_generation_call.in_progress': 'ResponseImageGenCallInProgressEvent',
  'response.image_generation_call.generating': 'ResponseImageGenCallGeneratingEvent',
  'response.image_generation_call.partial_image': 'ResponseImageGenCallPartialImageEvent',
  'response.image_generation_call.completed': 'ResponseImageGenCallCompletedEvent',
  'response.content_part.added': 'ResponseContentPartAddedEvent',
  'response.content_part.done': 'ResponseContentPartDoneEvent',
  'response.output_text.delta': 'ResponseTextDeltaEvent',
  'response.output_text.done': 'ResponseTextDoneEvent',
  'response.completed': 'ResponseCompletedEvent',
};

/** `output_text` is an SDK addition, not on the wire. */
function wire<T extends object>(r: T): T {
  const { output_text: _t, _request_id: _r, ...rest } = r as T & { output_text?: unknown; _request_id?: unknown };
  return rest as T;
}

type Body = Parameters<OpenAI['responses']['create']>[0];

function expectRequest(body: object) {
  expectSchema('CreateResponse', body);
}

async function dataUrl(bytes: Buffer) {
  return `data:image/png;base64,${bytes.toString('base64')}`;
}

function imageCall(r: { output: unknown[] }) {
  const item = r.output.find((o) => (o as { type: string }).type === 'image_generation_call') as Record<string, unknown> & { result: string; id: string };
  expect(item, 'an image_generation_call item').toBeTruthy();
  return item;
}

test('responses.create: an image_generation_call with the image and echoed settings, then a message', async () => {
  const body = {
    model: MAIN,
    input: 'Draw a red fox in the snow',
    tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: '1024x1536', output_format: 'png', background: 'opaque', moderation: 'low' }],
    tool_choice: { type: 'image_generation' },
  } satisfies Body;
  expectRequest(body);
  const r = await client.responses.create(body);
  expectSchema('Response', wire(r));
  expect(r.id).toMatch(/^resp_/);
  expect(r.status).toBe('completed');
  expect(r._request_id).toMatch(/^req_/);
  const call = imageCall(r);
  expect(call).toMatchObject({ type: 'image_generation_call', status: 'completed', size: '1024x1536', quality: 'low', background: 'opaque', output_format: 'png', action: 'generate' });
  expect(call.id).toMatch(/^ig_/);
  expect(call.revised_prompt).toMatch(/red fox/);
  expect(await decode(fromB64(call.result))).toMatchObject({ format: 'png', width: 1024, height: 1536 });
  expect(r.output[1]).toMatchObject({ type: 'message', role: 'assistant', status: 'completed' });
  expect(r.output_text).toMatch(/generated image/);
  expect(r.usage!.total_tokens).toBe(r.usage!.input_tokens + r.usage!.output_tokens);
  expect(r.tools[0]).toMatchObject({ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: '1024x1536' });
});

test('same request, same pixels; a transparent webp really is transparent', async () => {
  const ask = () => client.responses.create({ model: 'gpt-6.1-sol', input: 'a kite', tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: '1024x1024' }] });
  const [a, b] = await Promise.all([ask(), ask()]);
  expect(imageCall(a).result).toBe(imageCall(b).result);
  const t = await client.responses.create({
    model: 'gpt-6.1-sol', input: 'a sticker', tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', background: 'transparent', output_format: 'webp', output_compression: 80 }],
  });
  const call = imageCall(t);
  expect(call).toMatchObject({ background: 'transparent', output_format: 'webp' });
  const bytes = fromB64(call.result);
  expect(await decode(bytes)).toMatchObject({ format: 'webp', hasAlpha: true });
  expect(await transparentPixels(bytes)).toBeGreaterThan(0);
});

test('responses.create({stream: true}): the event order of §6.4, rising sequence numbers, every event in the spec', async () => {
  const stream = await client.responses.create({
    model: MAIN,
    input: [{ role: 'user', content: [{ type: 'input_text', text: 'A lighthouse at dusk' }] }],
    tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: '1024x1024', partial_images: 2 }],
    stream: true,
  });
  const events: { type: string; sequence_number: number; [k: string]: unknown }[] = [];
  for await (const e of stream) events.push(e as unknown as (typeof events)[number]);
  for (const e of events) {
    const name = EVENT_SCHEMA[e.type];
    expect(name, `known event ${e.type}`).toBeTruthy();
    expectSchema(name, e);
  }
  expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
  expect(events.map((e) => e.type)).toEqual([
    'response.created',
    'response.in_progress',
    'response.output_item.added',
    'response.image_generation_call.in_progress',
    'response.image_generation_call.generating',
    'response.image_generation_call.partial_image',
    'response.image_generation_call.partial_image',
    'response.image_generation_call.completed',
    'response.output_item.done',
    'response.output_item.added',
    'response.content_part.added',
    ...events.filter((e) => e.type === 'response.output_text.delta').map(() => 'response.output_text.delta'),
    'response.output_text.done',
    'response.content_part.done',
    'response.output_item.done',
    'response.completed',
  ]);
  const created = events[0] as unknown as { response: { status: string; output: unknown[] } };
  expect(created.response).toMatchObject({ status: 'in_progress', output: [] });
  const added = events[2] as unknown as { item: { id: string; status: string; result: null } };
  expect(added.item).toMatchObject({ type: 'image_generation_call', status: 'in_progress', result: null });
  for (const e of events.filter((x) => x.type.startsWith('response.image_generation_call.'))) expect(e).toMatchObject({ item_id: added.item.id, output_index: 0 });
  const partials = events.filter((e) => e.type.endsWith('partial_image')) as unknown as { partial_image_index: number; partial_image_b64: string }[];
  expect(partials.map((p) => p.partial_image_index)).toEqual([0, 1]);
  const done = events[8] as unknown as { item: { result: string } };
  expect(await decode(fromB64(done.item.result))).toMatchObject({ width: 1024, height: 1024 });
  for (const p of partials) expect(p.partial_image_b64).not.toBe(done.item.result);
  const completed = events[events.length - 1] as unknown as { response: { status: string; output: { type: string; result?: string }[] } };
  expect(completed.response.status).toBe('completed');
  expect(completed.response.output[0].result).toBe(done.item.result);
  expect(completed.response.output[1].type).toBe('message');
});

test('the SDK responses.stream() helper accepts the stream and gives the final response', async () => {
  const stream = client.responses.stream({
    model: MAIN,
    input: 'A teal teapot',
    tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: '1024x1024', partial_images: 1 }],
    tool_choice: { type: 'image_generation' },
  });
  const types: string[] = [];
  stream.on('event', (e) => types.push(e.type));
  const final = await stream.finalResponse();
  expect(types[0]).toBe('response.created');
  expect(types).toContain('response.image_generation_call.partial_image');
  expect(types[types.length - 1]).toBe('response.completed');
  expectSchema('Response', wire(final));
  expect(final.output_text).toMatch(/generated image/);
  expect(await decode(fromB64(imageCall(final).result))).toMatchObject({ width: 1024, height: 1024 });
});

test('previous_response_id: the next turn edits the earlier image; GET /responses/{id} returns a stored turn', async () => {
  const first = await client.responses.create({ model: MAIN, input: 'A blue cat', tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: '1024x1024' }] });
  const firstImage = imageCall(first).result;
  const body = { model: MAIN, previous_response_id: first.id, input: 'Now make it wear a yellow hat', tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: 'auto' }] } satisfies Body;
  expectRequest(body);
  const second = await client.responses.create(body);
  expectSchema('Response', wire(second));
  expect(second.previous_response_id).toBe(first.id);
  const call = imageCall(second);
  expect(call).toMatchObject({ action: 'edit', size: '1024x1024' });
  expect(call.result).not.toBe(firstImage);
  // The edit is built over the earlier image: without a mask it differs, but it is not a fresh generation.
  const fresh = await client.responses.create({ model: MAIN, input: 'Now make it wear a yellow hat', tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: '1024x1024' }] });
  expect(imageCall(fresh)).toMatchObject({ action: 'generate' });
  expect(imageCall(fresh).result).not.toBe(call.result);

  const got = await client.responses.retrieve(second.id);
  expectSchema('Response', wire(got));
  expect(imageCall(got).result).toBe(call.result);

  await expect(client.responses.retrieve('resp_doesnotexist')).rejects.toBeInstanceOf(NotFoundError);
});

test('an image_generation_call input item refers to an earlier image; action generate ignores it', async () => {
  const first = await client.responses.create({ model: 'gpt-6-astra', input: 'A green cube', tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: '1024x1024' }] });
  const id = imageCall(first).id;
  const body = {
    model: 'gpt-6-astra',
    input: [{ role: 'user' as const, content: 'make it shiny' }, { type: 'image_generation_call' as const, id }],
    tools: [{ type: 'image_generation' as const, model: TOOL_MODEL, quality: 'low' as const }],
  };
  const r = await client.responses.create(body as Body & { stream?: false });
  expect(imageCall(r)).toMatchObject({ action: 'edit', size: '1024x1024' });
  const g = await client.responses.create({ ...body, tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', action: 'generate' }] } as Body & { stream?: false });
  expect(imageCall(g)).toMatchObject({ action: 'generate' });
});

test('input_image as a data URL and as a file_id, with input_image_mask: masked pixels stay exactly', async () => {
  const original = await patternPng(1024, 1024, 7);
  const mask = await holeMask(1024, 1024, { x: 256, y: 256, w: 512, h: 512 });
  const file = await client.files.create({ file: await toFile(original, 'photo.png', { type: 'image/png' }), purpose: 'vision' });
  for (const image of [{ image_url: await dataUrl(original) }, { file_id: file.id }]) {
    const body = {
      model: 'gpt-6.1-sol',
      input: [{ role: 'user' as const, content: [{ type: 'input_text' as const, text: 'Put a pink moon in the hole' }, { type: 'input_image' as const, detail: 'auto' as const, ...image }] }],
      // No input_fidelity: 2.x reads inputs at high fidelity and takes no such field (api-2026-12 §2.1).
      tools: [{ type: 'image_generation' as const, model: TOOL_MODEL, quality: 'high' as const, size: '1024x1024', input_image_mask: { image_url: await dataUrl(mask) } }],
    };
    // Not checked against CreateResponse: a user message with a content list matches both EasyInputMessage and
    // InputMessage, so the spec's oneOf refuses what every SDK sends. The tool part is checked on its own.
    expectSchema('ImageGenTool', body.tools[0]);
    const r = await client.responses.create(body as Body & { stream?: false });
    const out = fromB64(imageCall(r).result);
    const [o, a] = await Promise.all([decodeRgba(out), decodeRgba(original)]);
    let kept = 0;
    let changed = 0;
    for (let y = 0; y < 1024; y += 16) {
      for (let x = 0; x < 1024; x += 16) {
        const i = (y * 1024 + x) * 4;
        const same = o.data.readUInt32LE(i) === a.data.readUInt32LE(i);
        const inHole = x >= 256 && x < 768 && y >= 256 && y < 768;
        if (!inHole) expect(same, `pixel ${x},${y} outside the hole`).toBe(true);
        if (!inHole) kept++;
        else if (!same) changed++;
      }
    }
    expect(kept).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(100);
  }
});

test('tool_choice none: no image, only the message', async () => {
  const r = await client.responses.create({ model: 'gpt-6.1-terra', input: 'hello', tools: [{ type: 'image_generation', model: TOOL_MODEL }], tool_choice: 'none' });
  expectSchema('Response', wire(r));
  expect(r.output.map((o) => o.type)).toEqual(['message']);
});

test('errors name the param: tool options, input images, unknown ids, models', async () => {
  const base = { model: MAIN, input: 'x', tools: [{ type: 'image_generation', model: TOOL_MODEL }] };
  const cases: [object, number, { param?: string | null; code?: string | null }][] = [
    [{ ...base, tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'ultra' }] }, 400, { param: 'tools[0].quality', code: 'invalid_value' }],
    [{ ...base, tools: [{ type: 'image_generation', model: TOOL_MODEL, size: '999x999' }] }, 400, { param: 'tools[0].size', code: 'invalid_value' }],
    [{ ...base, tools: [{ type: 'image_generation', model: TOOL_MODEL, partial_images: 4 }] }, 400, { param: 'tools[0].partial_images', code: 'integer_above_max_value' }],
    [{ ...base, tools: [{ type: 'image_generation', model: TOOL_MODEL, output_format: 'jpeg', background: 'transparent' }] }, 400, { param: 'tools[0].background' }],
    [{ ...base, tools: [{ type: 'image_generation', model: 'gpt-image-2.5-flare', input_fidelity: 'high' }] }, 400, { param: 'tools[0].input_fidelity', code: 'unknown_parameter' }],
    // The tool's schema has no complexity (OAPI-0821 ImageGenTool; api-2026-12 §4: undocumented for the tool).
    [{ ...base, tools: [{ type: 'image_generation', model: 'gpt-image-2.6-sunburst', complexity: 'low' }] }, 400, { param: 'tools[0].complexity', code: 'unknown_parameter' }],
    // Shut down on OpenAI (api-2026-12 §1), named or as the tool's spec default (gpt-image-1): 404 as the service answers an unknown model.
    [{ ...base, tools: [{ type: 'image_generation', model: 'gpt-image-1.5' }] }, 404, { param: 'tools[0].model', code: 'model_not_found' }],
    [{ ...base, tools: [{ type: 'image_generation', model: 'dall-e-3' }] }, 404, { param: 'tools[0].model', code: 'model_not_found' }],
    [{ ...base, tools: [{ type: 'image_generation' }] }, 404, { param: 'tools[0].model', code: 'model_not_found' }],
    [{ ...base, tools: [{ type: 'image_generation', model: 'gpt-image-3' }] }, 400, { param: 'tools[0].model', code: 'invalid_value' }],
    [{ ...base, tools: [{ type: 'image_generation', model: TOOL_MODEL, action: 'paint' }] }, 400, { param: 'tools[0].action', code: 'invalid_value' }],
    [{ ...base, tools: [{ type: 'image_generation', model: TOOL_MODEL, action: 'edit' }] }, 400, { param: 'tools[0].action' }],
    [{ ...base, tools: [{ type: 'image_generation', model: TOOL_MODEL, n: 2 }] }, 400, { param: 'tools[0].n', code: 'unknown_parameter' }],
    [{ ...base, tools: [{ type: 'web_search' }] }, 400, { param: 'tools[0].type' }],
    [{ ...base, tools: undefined, tool_choice: { type: 'image_generation' } }, 400, { param: 'tool_choice' }],
    [{ ...base, model: 'gpt-image-2' }, 404, { param: 'model', code: 'model_not_found' }],
    // gpt-4.1-nano shut down 2026-10-23 (api-2026-12 §1); gpt-9 never existed.
    [{ ...base, model: 'gpt-4.1-nano' }, 404, { param: 'model', code: 'model_not_found' }],
    [{ ...base, model: 'gpt-9' }, 404, { param: 'model', code: 'model_not_found' }],
    [{ ...base, model: undefined }, 400, { param: 'model', code: 'missing_required_parameter' }],
    [{ ...base, colour: 'red' }, 400, { param: 'colour', code: 'unknown_parameter' }],
    [{ ...base, previous_response_id: 'resp_nope' }, 400, { param: 'previous_response_id', code: 'previous_response_not_found' }],
    [{ ...base, input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'data:image/png;base64,@@@not-base64' }] }] }, 400, { param: 'input[0].content[0].image_url', code: 'invalid_base64_image' }],
    [{ ...base, input: [{ role: 'user', content: [{ type: 'input_image', image_url: `data:image/png;base64,${Buffer.from('not an image').toString('base64')}` }] }] }, 400, { param: 'input[0].content[0].image_url', code: 'invalid_image_format' }],
    [{ ...base, input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'file-nope' }] }] }, 404, { param: 'input[0].content[0].file_id', code: 'image_file_not_found' }],
    [{ ...base, input: [{ type: 'image_generation_call', id: 'ig_nope' }] }, 404, { param: 'input[0].id' }],
    [{ ...base, tools: [{ type: 'image_generation', model: TOOL_MODEL, input_image_mask: { file_id: 'file-nope' } }] }, 404, { param: 'tools[0].input_image_mask.file_id' }],
  ];
  for (const [body, status, want] of cases) await expectApiError(await postJson('/responses', body), status, want);
  await expectApiError(await fetch(`${V1}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(base) }), 401);
  await expectApiError(await fetch(`${V1}/responses/resp_nope`, { headers: AUTH }), 404);
  // Validation errors on a streaming request are plain JSON 4xx, which the SDK throws before any stream.
  await expect(client.responses.create({ model: MAIN, input: 'x', tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'ultra' as 'low' }], stream: true })).rejects.toBeInstanceOf(BadRequestError);
});

test('Azure: /openai/responses?api-version with the x-ms-oai-image-generation-deployment header', async () => {
  const url = `${AZURE_ENDPOINT}/openai/responses?api-version=${AZURE_API_VERSION}`;
  const headers = { 'api-key': KEY, 'content-type': 'application/json', 'x-ms-oai-image-generation-deployment': 'gpt-image-1' };
  const body = { model: 'my-gpt-4.1-deployment', input: 'A paper boat', tools: [{ type: 'image_generation', quality: 'low', size: '1024x1024' }] };
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  const r = await res.json();
  expectSchema('Response', r);
  expect(r.model).toBe('my-gpt-4.1-deployment');
  expect(imageCall(r)).toMatchObject({ size: '1024x1024' });
  expect(r.tools[0].model).toBe('gpt-image-1');

  const { 'x-ms-oai-image-generation-deployment': _h, ...noDeployment } = headers;
  await expectApiError(await fetch(url, { method: 'POST', headers: noDeployment, body: JSON.stringify(body) }), 400, { code: 'missing_required_header' });
  await expectApiError(await fetch(`${AZURE_ENDPOINT}/openai/responses`, { method: 'POST', headers, body: JSON.stringify(body) }), 400, { param: 'api-version' });
  await expectApiError(await fetch(url, { method: 'POST', headers, body: JSON.stringify({ ...body, tools: [{ type: 'image_generation', output_format: 'webp' }] }) }), 400, { param: 'tools[0].output_format' });
  await expectApiError(await fetch(url, { method: 'POST', headers: { ...headers, 'api-key': '' }, body: JSON.stringify(body) }), 401);

  // The SDK's AzureOpenAI reaches the same route (responses are not deployment-scoped).
  const { AzureOpenAI } = await import('openai');
  const azure = new AzureOpenAI({ endpoint: AZURE_ENDPOINT, apiKey: KEY, apiVersion: AZURE_API_VERSION, maxRetries: 0, defaultHeaders: { 'x-ms-oai-image-generation-deployment': 'gpt-image-1.5' } });
  const stream = azure.responses.stream({ model: 'gpt-4.1-mini', input: 'A red balloon', tools: [{ type: 'image_generation', quality: 'low', size: '1024x1024', partial_images: 1 }] });
  const final = await stream.finalResponse();
  expect(final.tools[0]).toMatchObject({ model: 'gpt-image-1.5' });
  expect(await decode(fromB64(imageCall(final).result))).toMatchObject({ width: 1024, height: 1024 });
});

test('fault injection: rate limit and moderation as the Images endpoints answer them', async () => {
  const body = { model: MAIN, input: 'x', tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low' }] };
  const rl = await postJson('/responses', body, { 'x-offline-fault': 'rate_limit' });
  expect(rl.headers.get('retry-after')).toBe('1');
  await expectApiError(rl, 429, { code: 'rate_limit_exceeded' });
  await expectApiError(await postJson('/responses', body, { 'x-offline-fault': 'moderation' }), 400, { code: 'moderation_blocked', type: 'image_generation_user_error' });
});

test('the chat request shape (input_text, input_image by data URL and file_id, an image call reference) against the spec, and the offline API takes it', async () => {
  const first = await client.responses.create({ model: MAIN, input: 'A small orange cat', tools: [{ type: 'image_generation', model: TOOL_MODEL, quality: 'low', size: '1024x1024' }] });
  const callId = imageCall(first).id;
  const photo = await patternPng(1024, 1024, 11);
  const file = await client.files.create({ file: await toFile(photo, 'photo.png', { type: 'image/png' }), purpose: 'vision' });
  const maskFile = await client.files.create({ file: await toFile(await holeMask(1024, 1024, { x: 0, y: 0, w: 512, h: 512 }), 'mask.png', { type: 'image/png' }), purpose: 'vision' });
  const message = {
    role: 'user' as const,
    content: [
      { type: 'input_text' as const, text: 'Give the cat this pattern as a scarf' },
      { type: 'input_image' as const, detail: 'auto' as const, image_url: await dataUrl(photo) },
      { type: 'input_image' as const, detail: 'auto' as const, file_id: file.id },
    ],
  };
  const tool = { type: 'image_generation' as const, model: TOOL_MODEL, quality: 'low' as const, size: '1024x1024' as const, output_format: 'webp' as const, output_compression: 70, moderation: 'low' as const, partial_images: 1, input_image_mask: { file_id: maskFile.id } };
  // Three forms of "the earlier image": the guide's reference (what the chat sends), the SDK's typed item, and
  // the spec's generic item reference.
  const references = [{ type: 'image_generation_call', id: callId }, { type: 'image_generation_call', id: callId, status: 'completed', result: null }, { type: 'item_reference', id: callId }];

  // Why the parts are validated one by one and not as one CreateResponse:
  // - a user message with a content list matches both EasyInputMessage and InputMessage, and InputItem is a
  //   oneOf (its `type` discriminator cannot tell them apart: both are "message"), so the spec rejects what the SDK sends;
  // - the guide's `{type: "image_generation_call", id}` is neither an ImageGenToolCall (which requires status and
  //   result) nor an ItemReferenceParam (type "item_reference"); the SDK's typed item and the item reference are.
  expect(specProblems('CreateResponse' as SchemaName, { model: MAIN, input: [message], tools: [tool] }).join('\n')).toContain('must match exactly one schema in oneOf');
  expectSchema('EasyInputMessage', message);
  expectSchema('InputMessage', message);
  expectSchema('InputTextContent', message.content[0]);
  expectSchema('InputImageContent', message.content[1]);
  expectSchema('InputImageContent', message.content[2]);
  expectSchema('ImageGenTool', tool);
  expectSchema('ImageGenToolCall', references[1]);
  expectSchema('ItemReferenceParam', references[2]);
  // The rest of the request, with the input as the plain string the spec accepts unambiguously.
  expectRequest({ model: MAIN, input: 'x', tools: [tool], previous_response_id: first.id, stream: true });

  for (const reference of references) {
    const r = await client.responses.create({ model: MAIN, input: [reference, message], tools: [tool] } as unknown as Body & { stream?: false });
    expectSchema('Response', wire(r));
    expect(imageCall(r)).toMatchObject({ action: 'edit', output_format: 'webp' });
    const items = (await (await fetch(`${V1}/responses/${r.id}/input_items?order=asc`, { headers: AUTH })).json()) as { object: string; data: Record<string, unknown>[] };
    expect(items.object).toBe('list');
    expect(items.data[0]).toMatchObject({ id: callId });
    expect(items.data[1]).toMatchObject({ type: 'message', role: 'user', content: message.content });
  }
});
