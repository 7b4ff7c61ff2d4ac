/**
 * Bad edit and variation uploads: too many images, files that are not images (or only look like one),
 * masks that are not PNG, lack alpha or differ in size, files over the byte limits, truncated multipart.
 * Each gets a 400 (or 413) whose `param` names the file field.
 * dall-e-2's rules (square PNG under 4 MB, variations) and other shut-down models' are checked with the
 * x-offline-serve-retired header; without it those models are 404 model_not_found (last test).
 */
import { expect, test } from '@playwright/test';
import { expectApiError, encodeForm, form, png, postForm, type ExpectedError } from './helpers/http';
import { V1, AUTH, SERVE_RETIRED } from './helpers/env';
import { corruptPng, holeMask, notAnImage, paddedPng, patternPng, solidImage } from './helpers/images';

const MB = 1024 * 1024;

let image: Buffer;
let mask: Buffer;

test.beforeAll(async () => {
  [image, mask] = await Promise.all([patternPng(256, 256), holeMask(256, 256, { x: 64, y: 64, w: 128, h: 128 })]);
});

const gptEdit = (fields: Record<string, string | Blob | Blob[]>) => form({ model: 'gpt-image-2.6-sunburst', prompt: 'add a hat', ...fields });

async function expectEditError(body: FormData, want: ExpectedError, status = 400, path = '/images/edits', headers: Record<string, string> = {}) {
  return expectApiError(await postForm(path, body, headers), status, { type: 'invalid_request_error', ...want });
}

/** The same, for a shut-down model's own rules. */
const expectRetiredEditError = (body: FormData, want: ExpectedError, status = 400, path = '/images/edits') => expectEditError(body, want, status, path, SERVE_RETIRED);

test('17 images are one too many', async () => {
  const images = Array.from({ length: 17 }, (_, i) => png(image, `i${i}.png`));
  await expectEditError(gptEdit({ 'image[]': images }), { param: 'image', code: 'array_above_max_length', message: /maximum length 16/ });
});

test('16 images are fine', async () => {
  const images = Array.from({ length: 16 }, (_, i) => png(image, `i${i}.png`));
  const res = await postForm('/images/edits', gptEdit({ 'image[]': images, quality: 'low' }));
  expect(res.status, await res.clone().text()).toBe(200);
});

test('random bytes named x.png are not an image', async () => {
  await expectEditError(gptEdit({ image: png(notAnImage(), 'x.png') }), { param: 'image', code: 'invalid_image_format', message: /'x.png'/ });
});

test('the second of several images is named in param when it is not an image', async () => {
  await expectEditError(gptEdit({ 'image[]': [png(image, 'a.png'), png(notAnImage(), 'b.png')] }), { param: 'image[1]', code: 'invalid_image_format' });
});

test('a PNG header followed by garbage is a 400 naming the image, not a server error', async () => {
  await expectEditError(gptEdit({ image: png(await corruptPng(), 'broken.png') }), { param: 'image' });
});

test('a GIF is not accepted even when named .png', async () => {
  const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]);
  await expectEditError(gptEdit({ image: png(gif, 'anim.png') }), { param: 'image', code: 'invalid_image_format' });
});

test('a mask that is not a PNG (a JPEG) is refused', async () => {
  const jpeg = await solidImage('jpeg', 256, 256);
  await expectEditError(gptEdit({ image: png(image), mask: png(jpeg, 'mask.png') }), { param: 'mask', code: 'invalid_image_format', message: /image\/png/ });
});

test('a mask without an alpha channel is refused', async () => {
  const rgb = await solidImage('png', 256, 256);
  await expectEditError(gptEdit({ image: png(image), mask: png(rgb, 'mask.png') }), { param: 'mask', code: 'invalid_image_format', message: /alpha/ });
});

test('a mask of another size than the first image is refused', async () => {
  const small = await holeMask(128, 128, { x: 0, y: 0, w: 64, h: 64 });
  await expectEditError(gptEdit({ image: png(image), mask: png(small, 'mask.png') }), { param: 'mask', code: 'invalid_image_dimensions', message: /128x128.*256x256/ });
});

test('a mask that is random bytes is refused', async () => {
  await expectEditError(gptEdit({ image: png(image), mask: png(notAnImage(), 'mask.png') }), { param: 'mask', code: 'invalid_image_format' });
});

test('a mask over 4 MB is refused', async () => {
  const big = await paddedPng(256, 256, 4 * MB + 1024);
  await expectEditError(gptEdit({ image: png(image), mask: png(big, 'mask.png') }), { param: 'mask', code: 'image_too_large' });
});

test('an image over 50 MB (51 MB) is refused for GPT image models', async () => {
  const big = await paddedPng(256, 256, 51 * MB);
  await expectEditError(gptEdit({ image: png(big, 'huge.png') }), { param: 'image', code: 'image_too_large', message: /50\.0 MB/ });
});

test('dall-e-2 takes no image over 4 MB, no non-square image, and no opaque image without a mask', async () => {
  const dalle = (fields: Record<string, string | Blob>) => form({ model: 'dall-e-2', prompt: 'a hat', ...fields });
  const big = await paddedPng(256, 256, 4 * MB + 1);
  await expectRetiredEditError(dalle({ image: png(big) }), { param: 'image', code: 'image_too_large' });
  await expectRetiredEditError(dalle({ image: png(await patternPng(300, 200)), mask: png(await holeMask(300, 200, { x: 0, y: 0, w: 10, h: 10 })) }), { param: 'image', code: 'invalid_image_dimensions', message: /square/ });
  await expectRetiredEditError(dalle({ image: png(await solidImage('png', 256, 256)) }), { param: 'image', message: /alpha/ });
  await expectRetiredEditError(dalle({ image: png(await solidImage('webp', 256, 256, { alpha: true }), 'w.png') }), { param: 'image', code: 'invalid_image_format' });
});

test('variations want dall-e-2 and a square PNG under 4 MB', async () => {
  const variation = (fields: Record<string, string | Blob>) => form({ model: 'dall-e-2', ...fields });
  const expectVariationError = (body: FormData, want: ExpectedError) => expectRetiredEditError(body, want, 400, '/images/variations');
  await expectVariationError(form({ model: 'gpt-image-2', image: png(image) }), { param: 'model', code: 'invalid_value', message: /does not support image variations/ });
  await expectVariationError(form({ image: png(image) }), { param: 'model', code: 'missing_required_parameter' });
  await expectVariationError(variation({ image: png(await patternPng(300, 200)) }), { param: 'image', code: 'invalid_image_dimensions' });
  await expectVariationError(variation({ image: png(await paddedPng(256, 256, 4 * MB + 1)) }), { param: 'image', code: 'image_too_large' });
  await expectVariationError(variation({ image: png(notAnImage(), 'x.png') }), { param: 'image', code: 'invalid_image_format' });
  await expectVariationError(variation({ image: png(await corruptPng()) }), { param: 'image' });
  await expectVariationError(variation({ image: png(image), prompt: 'x' }), { param: 'prompt', code: 'unknown_parameter' });
});

test('without the switch, variations have no model: dall-e-2 is 404 model_not_found, anything else says none is served', async () => {
  // api-2026-12 §1: dall-e-2 shut down 2026-05-12; it was the only model with variations.
  await expectEditError(form({ model: 'dall-e-2', image: png(image) }), { param: 'model', code: 'model_not_found', message: /^The model 'dall-e-2' does not exist or you do not have access to it\.$/ }, 404, '/images/variations');
  await expectEditError(form({ image: png(image) }), { param: 'model', code: 'missing_required_parameter', message: /No model served today makes image variations/ }, 400, '/images/variations');
  await expectEditError(form({ model: 'gpt-image-2.6-sunburst', image: png(image) }), { param: 'model', code: 'invalid_value', message: /No model served today/ }, 400, '/images/variations');
});

test('missing image, an image sent as text, and field errors in multipart', async () => {
  await expectEditError(gptEdit({}), { param: 'image', code: 'missing_required_parameter' });
  await expectEditError(gptEdit({ image: 'not a file' }), { param: 'image', code: 'invalid_type' });
  await expectEditError(form({ model: 'gpt-image-2.6-sunburst', image: png(image) }), { param: 'prompt', code: 'missing_required_parameter' });
  await expectEditError(gptEdit({ image: png(image), n: '11' }), { param: 'n', code: 'integer_above_max_value' });
  await expectEditError(gptEdit({ image: png(image), n: 'two' }), { param: 'n', code: 'invalid_type' });
  await expectEditError(gptEdit({ image: png(image), stream: 'maybe' }), { param: 'stream', code: 'invalid_type' });
  await expectEditError(gptEdit({ image: png(image), response_format: 'url' }), { param: 'response_format', code: 'unknown_parameter' });
  await expectEditError(gptEdit({ image: png(image), size: '1000x1000' }), { param: 'size', code: 'invalid_value' });
  await expectEditError(form({ model: 'gpt-image-2', prompt: 'x', image: png(image), input_fidelity: 'high' }), { param: 'input_fidelity', code: 'unknown_parameter' });
  await expectEditError(form({ model: 'gpt-image-2.6-flare', prompt: 'x', image: png(image), input_fidelity: 'high' }), { param: 'input_fidelity', code: 'unknown_parameter' });
  await expectRetiredEditError(form({ model: 'gpt-image-1-mini', prompt: 'x', image: png(image), input_fidelity: 'high' }), { param: 'input_fidelity', code: 'unknown_parameter' });
  await expectRetiredEditError(form({ model: 'dall-e-3', prompt: 'x', image: png(image) }), { param: 'model', code: 'invalid_value', message: /does not support image edits/ });
});

test('a multipart body cut in half is a 400, not a hang or a crash', async () => {
  const { bytes, contentType } = await encodeForm(gptEdit({ image: png(image), mask: png(mask, 'mask.png') }));
  const res = await fetch(`${V1}/images/edits`, { method: 'POST', headers: { ...AUTH, 'content-type': contentType }, body: bytes.subarray(0, bytes.length >> 1), signal: AbortSignal.timeout(10_000) });
  await expectApiError(res, 400, { param: null, code: 'invalid_multipart' });
});

test('multipart without a boundary, or with the wrong one, is a 400', async () => {
  const { bytes } = await encodeForm(gptEdit({ image: png(image) }));
  for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=not-the-boundary']) {
    const res = await fetch(`${V1}/images/edits`, { method: 'POST', headers: { ...AUTH, 'content-type': contentType }, body: bytes });
    expect(res.status, contentType).toBe(400);
    await expectApiError(res, 400);
  }
});
