/**
 * images.edit and images.createVariation through the official openai SDK: several reference images and a
 * mask made with toFile (named and unnamed: the server sniffs bytes), the mask honoured pixel for pixel,
 * input-image tokens in usage, image_edit.* stream events, dall-e-2 edits and variations.
 * Tests of a shut-down model's own rules (gpt-image-1's published token figures, input_fidelity, dall-e-2) send the
 * x-offline-serve-retired header (retiredClient); the rest run on current models.
 */
import { expect, test } from '@playwright/test';
import { toFile } from 'openai';
import type { ImageEditStreamEvent } from 'openai/resources/images';
import { expectValidRequests, openaiClient, retiredClient } from './helpers/env';
import { compareThroughMask, decode, fromB64, holeMask, patternPng, rgbaPng, solidImage } from './helpers/images';
import { expectSpec } from './helpers/spec';
import { inputImageTokens, PARTIAL_TOKENS, promptTokens } from './helpers/tokens';

const client = openaiClient();
const retired = retiredClient();
test.afterEach(expectValidRequests);

const HOLE = { x: 256, y: 320, w: 512, h: 384 };

let first: Buffer;
let second: Buffer;
let third: Buffer;
let mask: Buffer;

test.beforeAll(async () => {
  [first, second, third, mask] = await Promise.all([
    patternPng(1024, 1024),
    solidImage('png', 640, 640, { colour: { r: 30, g: 160, b: 90, alpha: 1 } }),
    solidImage('webp', 512, 768, { colour: { r: 230, g: 200, b: 40, alpha: 1 } }),
    holeMask(1024, 1024, HOLE),
  ]);
});

function expectMaskHonoured(result: Awaited<ReturnType<typeof compareThroughMask>>) {
  expect(result.kept).toBe(1024 * 1024 - HOLE.w * HOLE.h);
  expect(result.keptDiffer, `first differing kept pixel at index ${result.firstDiff}`).toBe(0);
  expect(result.holes).toBe(HOLE.w * HOLE.h);
  expect(result.holesChanged / result.holes, 'share of changed pixels inside the mask hole').toBeGreaterThan(0.9);
}

test('an edit with three images and a mask keeps every alpha-255 pixel of the first image and changes the hole', async () => {
  const prompt = 'Put a flamingo in the pool';
  // gpt-image-1's published figures (shut down; served for this test): 272 out, inputs at low fidelity.
  const res = await retired.images.edit({
    model: 'gpt-image-1',
    prompt,
    image: [await toFile(first, 'lounge.png', { type: 'image/png' }), await toFile(second, 'flamingo.png', { type: 'image/png' }), await toFile(third, 'ring.webp', { type: 'image/webp' })],
    mask: await toFile(mask, 'mask.png', { type: 'image/png' }),
    size: '1024x1024',
    quality: 'low',
  });
  expectSpec('ImagesResponse', res);
  expect(res).toMatchObject({ size: '1024x1024', quality: 'low', output_format: 'png' });
  const out = fromB64(res.data![0].b64_json);
  expect(await decode(out)).toMatchObject({ format: 'png', width: 1024, height: 1024 });
  expectMaskHonoured(await compareThroughMask(out, first, mask));
  const text = promptTokens(prompt);
  const images = inputImageTokens(1024, 1024, 'low') + inputImageTokens(640, 640, 'low') + inputImageTokens(512, 768, 'low');
  expect(res.usage).toEqual({
    input_tokens: text + images,
    input_tokens_details: { text_tokens: text, image_tokens: images },
    output_tokens: 272,
    output_tokens_details: { image_tokens: 272, text_tokens: 0 },
    total_tokens: text + images + 272,
  });
});

test('files made with toFile(buffer) and no name (sent as unknown_file) give the very same edit', async () => {
  const ask = async (named: boolean) =>
    client.images.edit({
      model: 'gpt-image-2.6-sunburst',
      prompt: 'a paper lantern',
      image: named ? [await toFile(first, 'a.png'), await toFile(second, 'b.png')] : [await toFile(first), await toFile(second)],
      mask: named ? await toFile(mask, 'mask.png') : await toFile(mask),
      quality: 'low',
      size: '1024x1024',
    });
  const [named, unnamed] = await Promise.all([ask(true), ask(false)]);
  expectSpec('ImagesResponse', unnamed);
  expect(unnamed.data![0].b64_json).toBe(named.data![0].b64_json);
  expectMaskHonoured(await compareThroughMask(fromB64(unnamed.data![0].b64_json), first, mask));
});

test('a JPEG first image named .png is read by its bytes, and the mask still holds exactly', async () => {
  const jpeg = await solidImage('jpeg', 1024, 1024, { colour: { r: 120, g: 40, b: 200, alpha: 1 } });
  const res = await client.images.edit({
    model: 'gpt-image-2.5-flare',
    prompt: 'a small boat',
    image: await toFile(jpeg, 'photo.png', { type: 'image/png' }),
    mask: await toFile(mask),
    quality: 'medium',
  });
  expectSpec('ImagesResponse', res);
  const out = fromB64(res.data![0].b64_json);
  expect(await decode(out)).toMatchObject({ width: 1024, height: 1024 });
  expectMaskHonoured(await compareThroughMask(out, jpeg, mask));
});

test('without a mask the whole picture is new; input_fidelity high adds the high-fidelity image tokens', async () => {
  const res = await retired.images.edit({ model: 'gpt-image-1', prompt: 'make it night', image: await toFile(first, 'day.png'), input_fidelity: 'high', quality: 'low' });
  expectSpec('ImagesResponse', res);
  const result = await compareThroughMask(fromB64(res.data![0].b64_json), first, await holeMask(1024, 1024, { x: 0, y: 0, w: 1024, h: 1024 }));
  expect(result.holesChanged / result.holes).toBeGreaterThan(0.9);
  expect(res.usage!.input_tokens_details.image_tokens).toBe(inputImageTokens(1024, 1024, 'high'));
});

test('gpt-image-2 edits follow the reference shape at size auto and count references at high fidelity', async () => {
  const wide = await patternPng(1200, 800, 7);
  const res = await client.images.edit({ model: 'gpt-image-2', prompt: 'a snowy version', image: await toFile(wide, 'wide.png'), size: 'auto', quality: 'low' });
  const [w, h] = res.size!.split('x').map(Number);
  expect(w / h).toBeCloseTo(1.5, 1);
  expect(await decode(fromB64(res.data![0].b64_json))).toMatchObject({ width: w, height: h });
  expect(res.usage!.input_tokens_details.image_tokens).toBe(inputImageTokens(1200, 800, 'high'));
});

test('a streamed edit emits image_edit.partial_image then image_edit.completed, and the final image honours the mask', async () => {
  const prompt = 'a sunlit lounge with a pool';
  const stream = await retired.images.edit({
    model: 'gpt-image-1',
    prompt,
    image: [await toFile(first, 'lounge.png')],
    mask: await toFile(mask, 'mask.png'),
    size: '1024x1024',
    quality: 'low',
    stream: true,
    partial_images: 2,
  });
  const events: ImageEditStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  expect(events.map((e) => e.type)).toEqual(['image_edit.partial_image', 'image_edit.partial_image', 'image_edit.completed']);
  expectSpec('ImageEditPartialImageEvent', events[0]);
  expectSpec('ImageEditPartialImageEvent', events[1]);
  expectSpec('ImageEditCompletedEvent', events[2]);
  expect(events.slice(0, 2).map((e) => e.type === 'image_edit.partial_image' && e.partial_image_index)).toEqual([0, 1]);
  expect(new Set(events.map((e) => e.b64_json)).size).toBe(3);
  const done = events[2];
  if (done.type !== 'image_edit.completed') throw new Error('no completed event');
  expect(done.usage.output_tokens).toBe(272 + 2 * PARTIAL_TOKENS);
  expect(done.usage.input_tokens).toBe(promptTokens(prompt) + inputImageTokens(1024, 1024, 'low'));
  expectMaskHonoured(await compareThroughMask(fromB64(done.b64_json), first, mask));
});

test('dall-e-2 edits a square RGBA PNG, using its own transparency as the mask when none is sent', async () => {
  // Opaque pattern with a transparent window: the window is the area to edit.
  const rgba = await rgbaPng(512, 512, (x, y) => (x >= 128 && x < 384 && y >= 128 && y < 384 ? [0, 0, 0, 0] : [x & 255, y & 255, 90, 255]));
  const res = await retired.images.edit({ model: 'dall-e-2', prompt: 'a window onto the sea', image: await toFile(rgba, 'window.png'), size: '512x512', response_format: 'b64_json' });
  expectSpec('ImagesResponse', res);
  expect(res.usage).toBeUndefined();
  const out = fromB64(res.data![0].b64_json);
  expect(await decode(out)).toMatchObject({ format: 'png', width: 512, height: 512 });
  const result = await compareThroughMask(out, rgba, rgba);
  expect(result.keptDiffer).toBe(0);
  expect(result.holesChanged / result.holes).toBeGreaterThan(0.9);

  const url = await retired.images.edit({ model: 'dall-e-2', prompt: 'a window onto the sea', image: await toFile(rgba, 'window.png'), size: '256x256' });
  const img = await fetch(url.data![0].url!);
  expect(await decode(Buffer.from(await img.arrayBuffer()))).toMatchObject({ width: 256, height: 256 });
});

test('createVariation with dall-e-2 on a square PNG: n variants of the asked size, as b64_json or url', async () => {
  const square = await patternPng(512, 512, 3);
  const res = await retired.images.createVariation({ model: 'dall-e-2', image: await toFile(square, 'square.png'), n: 2, size: '256x256', response_format: 'b64_json' });
  expectSpec('ImagesResponse', res);
  expect(res.data).toHaveLength(2);
  for (const d of res.data!) expect(await decode(fromB64(d.b64_json))).toMatchObject({ format: 'png', width: 256, height: 256 });
  expect(res.data![0].b64_json).not.toBe(res.data![1].b64_json);

  const byUrl = await retired.images.createVariation({ model: 'dall-e-2', image: await toFile(square) });
  expectSpec('ImagesResponse', byUrl);
  const img = await fetch(byUrl.data![0].url!);
  expect(img.headers.get('content-type')).toBe('image/png');
  expect(await decode(Buffer.from(await img.arrayBuffer()))).toMatchObject({ width: 1024, height: 1024 });
});
