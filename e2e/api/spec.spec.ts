/**
 * Conformance to the official OpenAPI spec on the wire: requests (CreateImageRequest, CreateImageEditRequest),
 * answers (ImagesResponse), SSE records (ImageGen… and ImageEdit… events, with `event:` naming the `type`) and error
 * bodies (ErrorResponse), for every model. First, proof that the validator is not vacuous.
 */
import { expect, test } from '@playwright/test';
import { AUTH, headersFor, SERVE_RETIRED, V1 } from './helpers/env';
import { encodeForm, form, parseSse, png, postForm, postJson } from './helpers/http';
import { holeMask, patternPng } from './helpers/images';
import { expectSpec, formAsSpecObject, specProblems, type SchemaName } from './helpers/spec';

test('the validator resolves the spec and rejects what the spec forbids', () => {
  expect(specProblems('CreateImageRequest', { prompt: 'x', model: 'gpt-image-1', n: 1 })).toEqual([]);
  expect(specProblems('CreateImageRequest', { model: 'gpt-image-1' }).join()).toMatch(/prompt/);
  expect(specProblems('CreateImageRequest', { prompt: 'x', n: 11 }).join()).toMatch(/maximum|<= 10/);
  expect(specProblems('CreateImageRequest', { prompt: 'x', quality: 'ultra' }).join()).toMatch(/allowed values/);
  // nullable fields (OpenAPI 3.0 style in the spec) accept null after the rewrite.
  expect(specProblems('CreateImageRequest', { prompt: 'x', model: null, n: null })).toEqual([]);
  expect(specProblems('ImagesResponse', { created: 1, data: [{ b64_json: 'x' }], usage: { input_tokens: 1 } }).join()).toMatch(/total_tokens/);
  expect(specProblems('ImagesResponse', { created: 1, size: '3840x2160' }).join()).toMatch(/allowed values/);
  expect(specProblems('ImageGenCompletedEvent', { type: 'image_generation.completed', b64_json: 'x' }).length).toBeGreaterThan(3);
  expect(specProblems('ErrorResponse', { error: { message: 'm', type: 't' } }).join()).toMatch(/param|code/);
  expect(specProblems('ErrorResponse', { error: { message: 'm', type: 't', param: null, code: null } })).toEqual([]);
});

/** Shut-down models (gpt-image-1*, dall-e) are asked with the x-offline-serve-retired header (headersFor). */
const GENERATIONS: Record<string, unknown>[] = [
  { model: 'gpt-image-2', prompt: 'a harbour at dawn', size: '1536x1024', quality: 'low' },
  { model: 'gpt-image-2.6-sunburst', prompt: 'a harbour at dawn', size: '1024x1536', quality: 'low', output_format: 'webp', output_compression: 80, background: 'transparent' },
  { model: 'gpt-image-2.5-flare-2026-09-08', prompt: 'a harbour at dawn', n: 2, quality: 'medium', size: '1024x1024', output_format: 'jpeg', moderation: 'low', user: 'user-1234' },
  { model: 'gpt-image-1.5', prompt: 'a harbour at dawn', size: '1024x1536', quality: 'low', output_format: 'webp', output_compression: 80, background: 'transparent' },
  { model: 'gpt-image-1', prompt: 'a harbour at dawn', n: 2, quality: 'low', output_format: 'jpeg', moderation: 'low', user: 'user-1234' },
  { model: 'gpt-image-1-mini', prompt: 'a harbour at dawn', size: 'auto', quality: 'auto', background: 'opaque' },
  { model: 'dall-e-3', prompt: 'a harbour at dawn', size: '1024x1792', quality: 'standard', style: 'vivid', response_format: 'b64_json' },
  { model: 'dall-e-3', prompt: 'a harbour at dawn' },
  { model: 'dall-e-2', prompt: 'a harbour at dawn', size: '512x512', n: 3, response_format: 'url' },
];

for (const body of GENERATIONS) {
  test(`generation request and answer conform: ${JSON.stringify(body)}`, async () => {
    expectSpec('CreateImageRequest', body);
    const res = await postJson('/images/generations', body, headersFor(body.model));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    const answer = await res.json();
    expectSpec('ImagesResponse', answer);
    expect(answer.data).toHaveLength((body.n as number) ?? 1);
    expect(answer.created).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
  });
}

async function expectStream(res: Response, prefix: 'image_generation' | 'image_edit', partials: number) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(res.headers.get('cache-control')).toBe('no-cache');
  expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  const records = parseSse(await res.text()).filter((r) => r.data !== '[DONE]');
  const schemaFor: Record<string, SchemaName> = {
    'image_generation.partial_image': 'ImageGenPartialImageEvent',
    'image_generation.completed': 'ImageGenCompletedEvent',
    'image_edit.partial_image': 'ImageEditPartialImageEvent',
    'image_edit.completed': 'ImageEditCompletedEvent',
  };
  const types = [];
  for (const r of records) {
    const data = JSON.parse(r.data);
    expect(r.event, 'the SSE event name repeats the type').toBe(data.type);
    expect(schemaFor[data.type], `unexpected event ${data.type}`).toBeTruthy();
    expectSpec(schemaFor[data.type], data);
    types.push(data.type);
  }
  expect(types).toEqual([...Array(partials).fill(`${prefix}.partial_image`), `${prefix}.completed`]);
}

test('a streamed generation on the wire: SSE records conform to ImageGen* events', async () => {
  for (const partial_images of [0, 1, 3]) {
    const body = { model: 'gpt-image-2.6-flare', prompt: 'a harbour', quality: 'low', size: '1024x1024', stream: true, partial_images, background: 'transparent', output_format: 'webp' };
    expectSpec('CreateImageRequest', body);
    await expectStream(await postJson('/images/generations', body), 'image_generation', partial_images);
  }
});

test('a streamed edit on the wire: the multipart request and the SSE records conform to the spec', async () => {
  const [image, mask] = await Promise.all([patternPng(1024, 1024), holeMask(1024, 1024, { x: 0, y: 0, w: 512, h: 512 })]);
  const body = form({ model: 'gpt-image-2.6-sunburst', prompt: 'a hat', 'image[]': [png(image, 'a.png'), png(image, 'b.png')], mask: png(mask, 'mask.png'), quality: 'low', size: '1024x1024', stream: 'true', partial_images: '2' });
  expectSpec('CreateImageEditRequest', formAsSpecObject(body));
  await expectStream(await postForm('/images/edits', body), 'image_edit', 2);
  // input_fidelity on gpt-image-1.5's edits (shut down; served with the switch).
  const old = form({ model: 'gpt-image-1.5', prompt: 'a hat', 'image[]': [png(image, 'a.png')], quality: 'low', stream: 'true', partial_images: '1', input_fidelity: 'high' });
  expectSpec('CreateImageEditRequest', formAsSpecObject(old));
  await expectStream(await postForm('/images/edits', old, SERVE_RETIRED), 'image_edit', 1);
});

test('a JSON body sent as text/plain (as browsers do to skip a preflight) is read like JSON', async () => {
  const res = await fetch(`${V1}/images/generations`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ model: 'gpt-image-2.6-sunburst', prompt: 'x', quality: 'low', size: '1024x1024' }),
  });
  expect(res.status).toBe(200);
  expectSpec('ImagesResponse', await res.json());
});

test('the SDK-style multipart encoding of an edit conforms, and so does the answer', async () => {
  const image = await patternPng(512, 512);
  const body = form({ model: 'gpt-image-2.5-sunburst', prompt: 'a hat', image: png(image), n: '2', size: '1024x1024', quality: 'low', output_format: 'jpeg', output_compression: '60' });
  expectSpec('CreateImageEditRequest', formAsSpecObject(body));
  const { bytes, contentType } = await encodeForm(body);
  const res = await fetch(`${V1}/images/edits`, { method: 'POST', headers: { ...AUTH, 'content-type': contentType }, body: bytes });
  expect(res.status).toBe(200);
  const answer = await res.json();
  expectSpec('ImagesResponse', answer);
  expect(answer).toMatchObject({ output_format: 'jpeg', size: '1024x1024' });
  expect(answer.data).toHaveLength(2);
});
