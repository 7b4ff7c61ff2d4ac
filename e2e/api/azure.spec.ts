/**
 * The Azure flavour: AzureOpenAI pointed at `${BASE}/api/offline` reaches
 * /openai/deployments/{deployment}/images/...?api-version=... with an `api-key` header. Generate and edit work;
 * Azure's narrowing (no webp), its auth, api-version and deployment errors hold.
 */
import { expect, test } from '@playwright/test';
import OpenAI, { APIError, AzureOpenAI, toFile } from 'openai';
import { AZURE_API_VERSION, AZURE_ENDPOINT, azureClient, expectValidRequests, KEY } from './helpers/env';
import { compareThroughMask, decode, fromB64, holeMask, patternPng } from './helpers/images';
import { expectApiError } from './helpers/http';
import { expectSpec } from './helpers/spec';
import { GPT_IMAGE_1_OUTPUT } from './helpers/tokens';

const deploymentUrl = (deployment: string, op: string, query = `?api-version=${AZURE_API_VERSION}`) =>
  `${AZURE_ENDPOINT}/openai/deployments/${deployment}/images/${op}${query}`;

test.afterEach(expectValidRequests);

test('AzureOpenAI generates through the deployment route with the api-key header', async () => {
  const seen: { url: string; headers: Headers }[] = [];
  const client = new AzureOpenAI({
    endpoint: AZURE_ENDPOINT,
    apiKey: KEY,
    apiVersion: AZURE_API_VERSION,
    deployment: 'gpt-image-1',
    maxRetries: 0,
    fetch: (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers) });
      return fetch(input, init);
    },
  });
  const res = await client.images.generate({ model: 'gpt-image-1', prompt: 'A multi-colored umbrella on the beach, disposable camera', size: '1024x1024', quality: 'low' });
  expectSpec('ImagesResponse', res);
  expect(seen[0].url).toBe(deploymentUrl('gpt-image-1', 'generations'));
  expect(seen[0].headers.get('api-key')).toBe(KEY);
  expect(seen[0].headers.get('authorization')).toBeNull();
  expect(await decode(fromB64(res.data![0].b64_json))).toMatchObject({ format: 'png', width: 1024, height: 1024 });
  expect(res.usage!.output_tokens).toBe(GPT_IMAGE_1_OUTPUT['1024x1024'].low);
});

test('the deployment decides the model, whatever the body says', async () => {
  const res = await azureClient({ deployment: 'gpt-image-1' }).images.generate({ model: 'dall-e-3', prompt: 'x', quality: 'low' });
  expect(res.usage!.output_tokens).toBe(272);
  const mini = await azureClient({ deployment: 'gpt-image-1-mini' }).images.generate({ prompt: 'x', quality: 'low', output_format: 'jpeg' });
  expect(await decode(fromB64(mini.data![0].b64_json))).toMatchObject({ format: 'jpeg' });
});

test('AzureOpenAI edits with a mask through the deployment route; the mask holds exactly', async () => {
  const [image, mask] = await Promise.all([patternPng(1024, 1024, 11), holeMask(1024, 1024, { x: 100, y: 100, w: 300, h: 500 })]);
  const client = azureClient({ deployment: 'gpt-image-1' });
  const res = await client.images.edit({ model: 'gpt-image-1', prompt: 'Add a beach ball in the center', image: [await toFile(image, 'beach.png')], mask: await toFile(mask, 'mask.png'), size: '1024x1024', quality: 'low' });
  expectSpec('ImagesResponse', res);
  const result = await compareThroughMask(fromB64(res.data![0].b64_json), image, mask);
  expect(result.keptDiffer).toBe(0);
  expect(result.holesChanged / result.holes).toBeGreaterThan(0.9);
});

test('Azure streams image generation events too', async () => {
  const stream = await azureClient().images.generate({ prompt: 'a river', quality: 'low', stream: true, partial_images: 1 });
  const types: string[] = [];
  for await (const event of stream) {
    types.push(event.type);
    expectSpec(event.type === 'image_generation.completed' ? 'ImageGenCompletedEvent' : 'ImageGenPartialImageEvent', event);
  }
  expect(types).toEqual(['image_generation.partial_image', 'image_generation.completed']);
});

test('Azure refuses webp: 400 naming output_format (png and jpeg pass)', async () => {
  const client = azureClient({ checkRequests: false });
  const err = await client.images.generate({ prompt: 'x', output_format: 'webp' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OpenAI.BadRequestError);
  expect((err as APIError).param).toBe('output_format');
  expect((err as APIError).code).toBe('invalid_value');
  const jpeg = await client.images.generate({ prompt: 'x', output_format: 'jpeg', output_compression: 70, quality: 'low' });
  expect(jpeg.output_format).toBe('jpeg');
  // Transparent webp is not a way round it either.
  const res = await fetch(deploymentUrl('gpt-image-1', 'generations'), {
    method: 'POST',
    headers: { 'api-key': KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'x', background: 'transparent', output_format: 'webp' }),
  });
  await expectApiError(res, 400, { param: 'output_format' });
});

test('a missing or empty api-key is a 401; a Bearer token also passes, as Entra tokens do', async () => {
  const body = JSON.stringify({ prompt: 'x', quality: 'low' });
  for (const headers of [{}, { 'api-key': '' }, { 'api-key': '   ' }] as Record<string, string>[]) {
    const res = await fetch(deploymentUrl('gpt-image-1', 'generations'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    await expectApiError(res, 401, { message: /Access denied/ });
  }
  const edit = await fetch(deploymentUrl('gpt-image-1', 'edits'), { method: 'POST', body: new FormData() });
  await expectApiError(edit, 401);
  const bearer = await fetch(deploymentUrl('gpt-image-1', 'generations'), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body });
  expect(bearer.status).toBe(200);
  // (AzureOpenAI itself refuses a blank apiKey before sending anything, so the 401s are checked on the wire.)
});

test('a missing api-version is a 400 naming it; an unknown deployment is a 404', async () => {
  const init = { method: 'POST', headers: { 'api-key': KEY, 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'x' }) };
  await expectApiError(await fetch(deploymentUrl('gpt-image-1', 'generations', ''), init), 400, { param: 'api-version', code: 'MissingApiVersionParameter' });
  await expectApiError(await fetch(deploymentUrl('gpt-image-1', 'generations', '?api-version='), init), 400, { param: 'api-version' });
  await expectApiError(await fetch(deploymentUrl('my-umbrella-deployment', 'generations'), init), 404, { code: 'DeploymentNotFound' });
  await expectApiError(await fetch(deploymentUrl('gpt-image-1', 'paintings'), init), 404);
});

test('the Azure content filter fault answers in the contentFilter shape', async () => {
  const res = await fetch(deploymentUrl('gpt-image-1', 'generations'), {
    method: 'POST',
    headers: { 'api-key': KEY, 'content-type': 'application/json', 'x-offline-fault': 'content_filter' },
    body: JSON.stringify({ prompt: 'x' }),
  });
  await expectApiError(res, 400, { code: 'contentFilter', message: /safety system/ });
});
