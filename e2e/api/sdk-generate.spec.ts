/**
 * images.generate through the official openai SDK against the offline API: real images of the asked size and
 * format, the settings echoed back, usage blocks with the reference token counts, SSE streaming with partial
 * images, transparency, gpt-image-2 custom sizes, dall-e url and revised_prompt answers.
 * Current behaviour runs on current models; the tests of a shut-down model's own rules (gpt-image-1's published
 * token figures, dall-e) send the x-offline-serve-retired header (retiredClient). The 2.5/2.6 models: sdk-2x.spec.ts.
 */
import { expect, test } from '@playwright/test';
import OpenAI from 'openai';
import type { ImageGenStreamEvent } from 'openai/resources/images';
import { expectValidRequests, openaiClient, retiredClient, SHUT_DOWN_IMAGE_MODELS } from './helpers/env';
import { decode, fromB64, transparentPixels } from './helpers/images';
import { expectSpec, withClassicSize } from './helpers/spec';
import { GPT_IMAGE_1_OUTPUT, gptImage2Output, PARTIAL_TOKENS, promptTokens } from './helpers/tokens';

const client = openaiClient();
const retired = retiredClient();
test.afterEach(expectValidRequests);

test('gpt-image-1 low 1024x1024: a real PNG of that size, settings echoed, usage with 272 output tokens', async () => {
  const prompt = 'A watercolor otter floating on its back, holding a blue shell';
  const res = await retired.images.generate({ model: 'gpt-image-1', prompt, size: '1024x1024', quality: 'low' });
  expectSpec('ImagesResponse', res);
  expect(res._request_id).toMatch(/^req_/);
  expect(res.data).toHaveLength(1);
  expect(await decode(fromB64(res.data![0].b64_json))).toMatchObject({ format: 'png', width: 1024, height: 1024 });
  expect(res.data![0].url).toBeUndefined();
  expect(res).toMatchObject({ size: '1024x1024', quality: 'low', background: 'opaque', output_format: 'png' });
  const text = promptTokens(prompt);
  expect(res.usage).toEqual({
    input_tokens: text,
    input_tokens_details: { text_tokens: text, image_tokens: 0 },
    output_tokens: 272,
    output_tokens_details: { image_tokens: 272, text_tokens: 0 },
    total_tokens: text + 272,
  });
});

test('usage follows the gpt-image-1 token table for every size and quality', async () => {
  for (const size of ['1024x1024', '1024x1536', '1536x1024'] as const) {
    for (const quality of ['low', 'medium', 'high'] as const) {
      const res = await retired.images.generate({ model: 'gpt-image-1', prompt: 'a lighthouse', size, quality });
      expect(res.usage?.output_tokens, `${size} ${quality}`).toBe(GPT_IMAGE_1_OUTPUT[size][quality]);
      expect(res).toMatchObject({ size, quality });
    }
  }
});

test('n = 3 returns three distinct images and three times the output tokens', async () => {
  const res = await client.images.generate({ model: 'gpt-image-2.6-sunburst', prompt: 'three moons', n: 3, quality: 'low', size: '1536x1024' });
  expectSpec('ImagesResponse', res);
  expect(res.data).toHaveLength(3);
  for (const d of res.data!) expect(await decode(fromB64(d.b64_json))).toMatchObject({ width: 1536, height: 1024 });
  expect(new Set(res.data!.map((d) => d.b64_json)).size).toBe(3);
  // api-2026-12 §3: "2.6 measured on the official route (3P-laozhang, 2026-11-05): 1536×1024 low 664".
  expect(res.usage!.output_tokens).toBe(3 * 664);
});

test('the same request gives the same pixels; another prompt gives others', async () => {
  const ask = (prompt: string) => client.images.generate({ model: 'gpt-image-2.6-flare', prompt, quality: 'low', size: '1024x1024' });
  const [a, b, c] = await Promise.all([ask('a red kite'), ask('a red kite'), ask('a green kite')]);
  expect(a.data![0].b64_json).toBe(b.data![0].b64_json);
  expect(a.data![0].b64_json).not.toBe(c.data![0].b64_json);
});

test('prompts with characters XML forbids (controls, U+FFFF, lone surrogates), markup and emoji still make an image', async () => {
  // The prompt is printed into the synthetic picture's SVG; a 199-char prefix puts the emoji across the 200-char title cut.
  const prompts = ['a\u0000b', 'tab\there\u001f', '\ufffe\uffff', 'half \ud83e', `${'x'.repeat(199)}🦦 otter`, '<svg onload="x">&amp;]]>', '水獺 🦦'];
  for (const prompt of prompts) {
    const res = await client.images.generate({ model: 'gpt-image-2.6-sunburst', prompt, quality: 'low', size: '1024x1024' });
    expect(await decode(fromB64(res.data![0].b64_json)), JSON.stringify(prompt)).toMatchObject({ format: 'png', width: 1024, height: 1024 });
  }
});

test('streamed with partial_images 2: two partials (index 0, 1) then completed with usage; partials differ from the final image', async () => {
  const prompt = 'A cute baby sea otter';
  // gpt-image-1's published figures (shut down, served for this test): 272 + 100 per partial.
  const stream = await retired.images.generate({ model: 'gpt-image-1', prompt, size: '1024x1024', quality: 'low', stream: true, partial_images: 2 });
  const events: ImageGenStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  expect(events.map((e) => e.type)).toEqual(['image_generation.partial_image', 'image_generation.partial_image', 'image_generation.completed']);
  const [p0, p1, done] = events;
  expectSpec('ImageGenPartialImageEvent', p0);
  expectSpec('ImageGenPartialImageEvent', p1);
  expectSpec('ImageGenCompletedEvent', done);
  expect(p0.type === 'image_generation.partial_image' && p0.partial_image_index).toBe(0);
  expect(p1.type === 'image_generation.partial_image' && p1.partial_image_index).toBe(1);
  for (const e of events) {
    expect(e).toMatchObject({ size: '1024x1024', quality: 'low', background: 'opaque', output_format: 'png' });
    expect(await decode(fromB64(e.b64_json))).toMatchObject({ format: 'png', width: 1024, height: 1024 });
  }
  expect(new Set(events.map((e) => e.b64_json)).size).toBe(3);
  if (done.type !== 'image_generation.completed') throw new Error('last event is not completed');
  const text = promptTokens(prompt);
  // 272 for the image plus 100 per partial image (OpenAI Image generation guide, "Cost and latency").
  expect(done.usage).toMatchObject({ input_tokens: text, output_tokens: 272 + 2 * PARTIAL_TOKENS, total_tokens: text + 272 + 2 * PARTIAL_TOKENS });
});

test('streamed with partial_images 0: the whole image in one completed event', async () => {
  const stream = await client.images.generate({ model: 'gpt-image-2.5-flare', prompt: 'a fox', quality: 'medium', size: '1024x1024', stream: true, partial_images: 0 });
  const events: ImageGenStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  expect(events.map((e) => e.type)).toEqual(['image_generation.completed']);
  expectSpec('ImageGenCompletedEvent', events[0]);
  expect(await decode(fromB64(events[0].b64_json))).toMatchObject({ width: 1024, height: 1024 });
});

test('jpeg and webp honour output_compression', async () => {
  const ask = (output_format: 'jpeg' | 'webp', output_compression: number) =>
    client.images.generate({ model: 'gpt-image-2.6-sunburst', prompt: 'a busy market street, many colours', quality: 'high', size: '1024x1024', output_format, output_compression });
  for (const format of ['jpeg', 'webp'] as const) {
    const [full, squeezed] = await Promise.all([ask(format, 100), ask(format, 20)]);
    expectSpec('ImagesResponse', squeezed);
    expect(squeezed.output_format).toBe(format);
    const bytesFull = fromB64(full.data![0].b64_json);
    const bytesSqueezed = fromB64(squeezed.data![0].b64_json);
    expect(await decode(bytesSqueezed)).toMatchObject({ format, width: 1024, height: 1024 });
    expect(bytesSqueezed.length, `${format} at 20 should be smaller than at 100`).toBeLessThan(bytesFull.length * 0.8);
  }
});

test('a transparent background is really transparent (png and webp); opaque has no transparent pixel', async () => {
  for (const output_format of ['png', 'webp'] as const) {
    // Transparent backgrounds are supported (GA) on 2.5 (api-2026-12 §2.1).
    const res = await client.images.generate({ model: 'gpt-image-2.5-sunburst', prompt: 'a sticker of a cat', background: 'transparent', output_format, quality: 'medium', size: '1024x1024' });
    expectSpec('ImagesResponse', res);
    expect(res).toMatchObject({ background: 'transparent', output_format });
    const bytes = fromB64(res.data![0].b64_json);
    expect(await decode(bytes)).toMatchObject({ format: output_format, hasAlpha: true });
    expect(await transparentPixels(bytes), output_format).toBeGreaterThan(1024 * 1024 * 0.1);
  }
  const opaque = await client.images.generate({ model: 'gpt-image-2.5-sunburst', prompt: 'a sticker of a cat', background: 'opaque', quality: 'low', size: '1024x1024' });
  expect(opaque.background).toBe('opaque');
  expect(await transparentPixels(fromB64(opaque.data![0].b64_json))).toBe(0);
});

test('gpt-image-2 takes custom sizes and counts tokens by the calculator formula', async () => {
  const checks: [string, 'low' | 'medium' | 'high'][] = [['3840x2160', 'low'], ['1536x864', 'medium'], ['2160x3840', 'low'], ['1024x3072', 'low'], ['1024x1024', 'high'], ['1536x1024', 'high']];
  for (const [size, quality] of checks) {
    const [w, h] = size.split('x').map(Number);
    const res = await client.images.generate({ model: 'gpt-image-2', prompt: 'a mountain panorama', size: size as '1024x1024', quality });
    expectSpec('ImagesResponse', withClassicSize(res));
    expect(res).toMatchObject({ size, quality, output_format: 'png' });
    expect(await decode(fromB64(res.data![0].b64_json)), size).toMatchObject({ width: w, height: h });
    expect(res.usage!.output_tokens, `${size} ${quality}`).toBe(gptImage2Output(w, h, quality));
  }
  // The four points the reference quotes from the official calculator.
  expect([gptImage2Output(1024, 1024, 'high'), gptImage2Output(1536, 1024, 'high'), gptImage2Output(1792, 1024, 'high'), gptImage2Output(3584, 2048, 'high')])
    .toEqual([7024, 5488, 5063, 12329]);
});

test('gpt-image-2 is reachable by its dated snapshot name and auto resolves to a square', async () => {
  const res = await client.images.generate({ model: 'gpt-image-2-2026-04-21', prompt: 'a teapot', quality: 'auto', size: 'auto' });
  expectSpec('ImagesResponse', res);
  expect(res).toMatchObject({ size: '1024x1024', quality: 'medium' });
});

test('dall-e-3 answers with a url to a real image and a revised_prompt, and no usage', async () => {
  const prompt = 'An isometric city made of candy';
  const res = await retired.images.generate({ model: 'dall-e-3', prompt, size: '1792x1024', quality: 'hd', style: 'natural' });
  expectSpec('ImagesResponse', res);
  expect(res.usage).toBeUndefined();
  const [item] = res.data!;
  expect(item.b64_json).toBeUndefined();
  expect(item.revised_prompt).toContain(prompt);
  expect(item.url).toMatch(/^http:\/\/.+\/api\/offline\/images\/[0-9a-f]{32}$/);
  const img = await fetch(item.url!);
  expect(img.status).toBe(200);
  expect(img.headers.get('content-type')).toBe('image/png');
  expect(await decode(Buffer.from(await img.arrayBuffer()))).toMatchObject({ format: 'png', width: 1792, height: 1024 });

  const b64 = await retired.images.generate({ model: 'dall-e-3', prompt, response_format: 'b64_json' });
  expectSpec('ImagesResponse', b64);
  expect(b64.data![0].revised_prompt).toBeTruthy();
  expect(await decode(fromB64(b64.data![0].b64_json))).toMatchObject({ width: 1024, height: 1024 });
});

test('dall-e-2 makes 256, 512 and 1024 squares, n at a time', async () => {
  for (const size of ['256x256', '512x512', '1024x1024'] as const) {
    const res = await retired.images.generate({ model: 'dall-e-2', prompt: 'a paper boat', size, n: 2, response_format: 'b64_json' });
    expectSpec('ImagesResponse', res);
    expect(res.data).toHaveLength(2);
    const side = Number(size.split('x')[0]);
    for (const d of res.data!) {
      expect(d.revised_prompt).toBeUndefined();
      expect(await decode(fromB64(d.b64_json))).toMatchObject({ format: 'png', width: side, height: side });
    }
  }
});

test('without a model the request is refused, naming model: the reference says it must be given (the dall-e-2 default is gone)', async () => {
  // api-2026-12 §2.1: "`model`: The reference now says it must be given explicitly; the old `dall-e-2` default is gone".
  const bare = openaiClient({ checkRequests: false });
  const err = await bare.images.generate({ prompt: 'a plain request', size: '256x256' } as OpenAI.ImageGenerateParamsNonStreaming).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OpenAI.BadRequestError);
  expect(err).toMatchObject({ status: 400, param: 'model', code: 'missing_required_parameter' });
});

test('models.list names the models OpenAI serves today and none it shut down; with the switch, those too, with their dates', async () => {
  const ids: string[] = [];
  for await (const m of client.models.list()) ids.push(m.id);
  // api-2026-12 §1: active image models, and the mainline family the Responses tool runs on.
  expect(ids).toEqual(expect.arrayContaining(['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2.5-sunburst-2026-09-08', 'gpt-image-2.5-flare-2026-09-08', 'gpt-image-2', 'gpt-image-2-2026-04-21', 'gpt-6-luna', 'gpt-6.1-sol']));
  for (const id of Object.keys(SHUT_DOWN_IMAGE_MODELS)) expect(ids, id).not.toContain(id);
  const all = new Map<string, string | null | undefined>();
  for await (const m of retired.models.list()) all.set(m.id, (m as { shutdown_date?: string | null }).shutdown_date);
  for (const [id, date] of Object.entries(SHUT_DOWN_IMAGE_MODELS)) expect(all.get(id), id).toBe(date);
});
