/**
 * Bad generation requests: each gets the right status and an OpenAI-shaped error whose `param` names the
 * field, checked on the wire (fetch) and, for a few, through the SDK's error classes.
 * Cases about a shut-down model's own rules (dall-e, gpt-image-1's fixed sizes) are sent with the
 * x-offline-serve-retired header (headersFor); the rest run on the current flagship.
 */
import { expect, test } from '@playwright/test';
import OpenAI from 'openai';
import { headersFor, openaiClient } from './helpers/env';
import { expectApiError, postJson, type ExpectedError } from './helpers/http';

const GPT = { model: 'gpt-image-2.6-sunburst', prompt: 'a lighthouse' };
const GPT1 = { model: 'gpt-image-1', prompt: 'a lighthouse' };
const DALLE3 = { model: 'dall-e-3', prompt: 'a lighthouse' };
const DALLE2 = { model: 'dall-e-2', prompt: 'a lighthouse' };

/** [what, body, expected] — every case is a 400 invalid_request_error. */
const CASES: [string, Record<string, unknown>, ExpectedError][] = [
  ['response_format on a GPT image model', { ...GPT, response_format: 'b64_json' }, { param: 'response_format', code: 'unknown_parameter', message: /Unknown parameter: 'response_format'/ }],
  ['response_format url on gpt-image-2', { model: 'gpt-image-2', prompt: 'x', response_format: 'url' }, { param: 'response_format', code: 'unknown_parameter' }],
  ['an unknown field', { ...GPT, colour: 'red' }, { param: 'colour', code: 'unknown_parameter' }],
  ['input_fidelity on a generation', { ...GPT, input_fidelity: 'high' }, { param: 'input_fidelity', code: 'unknown_parameter' }],
  ['style on a GPT image model', { ...GPT, style: 'vivid' }, { param: 'style', code: 'unknown_parameter' }],
  ['stream on dall-e-3', { ...DALLE3, stream: true }, { param: 'stream', code: 'unknown_parameter' }],
  ['output_format on dall-e-2', { ...DALLE2, output_format: 'png' }, { param: 'output_format', code: 'unknown_parameter' }],
  // The image models OpenAI serves today (api-2026-12 §1); the shut-down ones are not offered.
  ['an unknown model', { ...GPT, model: 'gpt-image-3' }, { param: 'model', code: 'invalid_value', message: /Supported values are: 'gpt-image-2\.6-sunburst', 'gpt-image-2\.6-flare', 'gpt-image-2\.5-sunburst', 'gpt-image-2\.5-flare', and 'gpt-image-2'\.$/ }],
  ['a model of the wrong type', { ...GPT, model: 42 }, { param: 'model', code: 'invalid_type' }],
  // api-2026-12 §2.1: 2.6 takes `low` `medium` `high` `auto` "+ `xhigh` `max`"; gpt-image-2 stops at high.
  ['quality ultra', { ...GPT, quality: 'ultra' }, { param: 'quality', code: 'invalid_value', message: /Invalid value: 'ultra'. Supported values are: 'auto', 'low', 'medium', 'high', 'xhigh', and 'max'/ }],
  ['quality ultra on gpt-image-2', { model: 'gpt-image-2', prompt: 'x', quality: 'ultra' }, { param: 'quality', code: 'invalid_value', message: /Supported values are: 'auto', 'low', 'medium', and 'high'\.$/ }],
  ['quality hd on a GPT image model', { ...GPT, quality: 'hd' }, { param: 'quality', code: 'invalid_value' }],
  ['quality low on dall-e-3', { ...DALLE3, quality: 'low' }, { param: 'quality', code: 'invalid_value' }],
  ['quality hd on dall-e-2', { ...DALLE2, quality: 'hd' }, { param: 'quality', code: 'invalid_value' }],
  // gif is a 2.6 format (api-2026-12 §2.2); gpt-image-2 takes png, jpeg and webp.
  ['output_format gif on gpt-image-2', { model: 'gpt-image-2', prompt: 'x', output_format: 'gif' }, { param: 'output_format', code: 'invalid_value' }],
  ['background green', { ...GPT, background: 'green' }, { param: 'background', code: 'invalid_value' }],
  ['moderation none', { ...GPT, moderation: 'none' }, { param: 'moderation', code: 'invalid_value' }],
  ['style loud on dall-e-3', { ...DALLE3, style: 'loud' }, { param: 'style', code: 'invalid_value' }],
  ['response_format base64', { ...DALLE3, response_format: 'base64' }, { param: 'response_format', code: 'invalid_value' }],
  ['size 1024x768 on gpt-image-1', { ...GPT1, size: '1024x768' }, { param: 'size', code: 'invalid_value', message: /'1024x1024', '1536x1024', and '1024x1536'/ }],
  ['size 1000x1000 on 2.6 (not multiples of 16)', { ...GPT, size: '1000x1000' }, { param: 'size', code: 'invalid_value', message: /multiples of 16/ }],
  ['size big', { ...GPT, size: 'big' }, { param: 'size', code: 'invalid_value' }],
  ['size 1792x1024 on dall-e-2', { ...DALLE2, size: '1792x1024' }, { param: 'size', code: 'invalid_value' }],
  ['size 512x512 on dall-e-3', { ...DALLE3, size: '512x512' }, { param: 'size', code: 'invalid_value' }],
  ['size auto on dall-e-3', { ...DALLE3, size: 'auto' }, { param: 'size', code: 'invalid_value' }],
  ['gpt-image-2 size not a multiple of 16', { model: 'gpt-image-2', prompt: 'x', size: '1000x1000' }, { param: 'size', message: /multiples of 16/ }],
  ['gpt-image-2 size longer than 3840', { model: 'gpt-image-2', prompt: 'x', size: '4096x1024' }, { param: 'size', message: /at most 3840/ }],
  ['gpt-image-2 size above the pixel budget', { model: 'gpt-image-2', prompt: 'x', size: '3840x2176' }, { param: 'size', message: /at most 8,294,400 pixels/ }],
  ['gpt-image-2 size below the pixel budget', { model: 'gpt-image-2', prompt: 'x', size: '512x512' }, { param: 'size', message: /at least 655,360 pixels/ }],
  ['gpt-image-2 aspect ratio above 3:1', { model: 'gpt-image-2', prompt: 'x', size: '3840x1024' }, { param: 'size', message: /aspect ratio/ }],
  ['size of the wrong type', { ...GPT, size: 1024 }, { param: 'size', code: 'invalid_type' }],
  ['transparent background with jpeg', { ...GPT, background: 'transparent', output_format: 'jpeg' }, { param: 'background', code: 'invalid_value', message: /'png' and 'webp'/ }],
  ['compression below 100 with png', { ...GPT, output_compression: 50 }, { param: 'output_compression', code: 'invalid_value', message: /PNG/ }],
  ['compression above 100', { ...GPT, output_format: 'jpeg', output_compression: 101 }, { param: 'output_compression', code: 'integer_above_max_value' }],
  ['compression below 0', { ...GPT, output_format: 'webp', output_compression: -1 }, { param: 'output_compression', code: 'integer_below_min_value' }],
  ['compression as a string', { ...GPT, output_format: 'webp', output_compression: '50' }, { param: 'output_compression', code: 'invalid_type' }],
  ['n 2 on dall-e-3', { ...DALLE3, n: 2 }, { param: 'n', code: 'integer_above_max_value', message: /<= 1 for dall-e-3/ }],
  ['n 0', { ...GPT, n: 0 }, { param: 'n', code: 'integer_below_min_value' }],
  ['n 11', { ...GPT, n: 11 }, { param: 'n', code: 'integer_above_max_value' }],
  ['n 1.5', { ...GPT, n: 1.5 }, { param: 'n', code: 'invalid_type' }],
  ['n as a string', { ...GPT, n: '2' }, { param: 'n', code: 'invalid_type' }],
  ['partial_images 4', { ...GPT, stream: true, partial_images: 4 }, { param: 'partial_images', code: 'integer_above_max_value' }],
  ['stream as a string', { ...GPT, stream: 'yes' }, { param: 'stream', code: 'invalid_type' }],
  ['no prompt', { model: 'gpt-image-1' }, { param: 'prompt', code: 'missing_required_parameter' }],
  ['an empty prompt', { ...GPT, prompt: '' }, { param: 'prompt', code: 'empty_string' }],
  ['a prompt of the wrong type', { ...GPT, prompt: ['a', 'b'] }, { param: 'prompt', code: 'invalid_type' }],
  ['a GPT prompt over 32,000 characters', { ...GPT, prompt: 'a'.repeat(32_001) }, { param: 'prompt', code: 'string_above_max_length', message: /maximum length 32000/ }],
  ['a dall-e-3 prompt over 4,000 characters', { ...DALLE3, prompt: 'a'.repeat(4001) }, { param: 'prompt', code: 'string_above_max_length' }],
  ['a dall-e-2 prompt over 1,000 characters', { ...DALLE2, prompt: 'a'.repeat(1001) }, { param: 'prompt', code: 'string_above_max_length' }],
  ['a user of the wrong type', { ...GPT, user: 7 }, { param: 'user', code: 'invalid_type' }],
];

for (const [what, body, want] of CASES) {
  test(`400 for ${what}`, async () => {
    await expectApiError(await postJson('/images/generations', body, headersFor(body.model)), 400, { type: 'invalid_request_error', ...want });
  });
}

test('the limits are exact: 32,000 / 4,000 / 1,000 characters, n 10, compression 0 and 100 pass', async () => {
  const ok = [
    { ...GPT, prompt: 'a'.repeat(32_000), quality: 'low' },
    { ...DALLE3, prompt: 'a'.repeat(4000), response_format: 'b64_json' },
    { ...DALLE2, prompt: 'a'.repeat(1000), size: '256x256', response_format: 'b64_json' },
    { ...DALLE2, n: 10, size: '256x256', response_format: 'b64_json' },
    { ...GPT, output_format: 'jpeg', output_compression: 0, quality: 'low' },
    { ...GPT, output_format: 'webp', output_compression: 100, quality: 'low' },
    { ...GPT, output_compression: 100, quality: 'low' },
  ];
  for (const body of ok) {
    const res = await postJson('/images/generations', body, headersFor(body.model));
    expect(res.status, (await res.clone().text()).slice(0, 300)).toBe(200);
  }
});

test('malformed JSON, a JSON array and a wrong content type are 400s that name no field', async () => {
  await expectApiError(await postJson('/images/generations', '{"model": "gpt-image-2.6-sunburst", "prompt": '), 400, { param: null, message: /could not parse the JSON body/ });
  await expectApiError(await postJson('/images/generations', '[1, 2]'), 400, { param: null, code: 'invalid_type' });
  await expectApiError(await postJson('/images/generations', 'null'), 400, { param: null });
  const res = await postJson('/images/generations', 'prompt=x', { 'content-type': 'application/xml' });
  await expectApiError(res, 400, { code: 'unsupported_content_type' });
});

test('a JSON body over the size limit is a 413, not a crash', async () => {
  const res = await postJson('/images/generations', { ...GPT, prompt: 'x'.repeat(3 * 1024 * 1024) });
  await expectApiError(res, 413, { code: 'request_too_large' });
});

test('the SDK maps a validation error to BadRequestError with param and code', async () => {
  const client = openaiClient({ checkRequests: false });
  const err = await client.images.generate({ model: 'gpt-image-2.6-sunburst', prompt: 'x', response_format: 'url' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OpenAI.BadRequestError);
  const e = err as InstanceType<typeof OpenAI.BadRequestError>;
  expect(e.status).toBe(400);
  expect(e.param).toBe('response_format');
  expect(e.code).toBe('unknown_parameter');
  expect(e.requestID).toMatch(/^req_/);
  // A streaming request that fails validation is a plain JSON 4xx before any stream starts.
  const streamErr = await client.images.generate({ model: 'gpt-image-2.6-sunburst', prompt: 'x', stream: true, partial_images: 9 }).catch((x: unknown) => x);
  expect(streamErr).toBeInstanceOf(OpenAI.BadRequestError);
  expect((streamErr as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('partial_images');
});
