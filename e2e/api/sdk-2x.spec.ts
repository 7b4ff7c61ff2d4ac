/**
 * The December 2026 lineup through the official openai SDK against the offline API (api-2026-12 §1–§5):
 * gpt-image-2.6 Sunburst/Flare, 2.5 Sunburst/Flare (and 2.5's dated snapshots), gpt-image-2 — each generates,
 * edits and streams on its own rules; shut-down models are 404 model_not_found unless the x-offline-serve-retired
 * switch serves them; GET /models carries shutdown_date; 2.6 answers carry data[].generation_id; the simulated
 * billing scale changes the billed usage.
 *
 * Wire facts are written here from api-2026-12 (quoted beside each), not read from lib/models or lib/cost, so a
 * test cannot agree with a registry mistake. The vendored OpenAPI spec and openai 6.49 predate 2.5 (api-2026-12,
 * top), so requests with xhigh/max/complexity are not checked against it (checkRequests: false) and the SDK's
 * param types are widened with a cast, as §2.7 says ("a cast is enough").
 */
import { expect, test } from '@playwright/test';
import OpenAI, { toFile } from 'openai';
import type { ImageGenStreamEvent, ImageEditStreamEvent } from 'openai/resources/images';
import { AUTH, openaiClient, retiredClient, SERVE_RETIRED, SHUT_DOWN_IMAGE_MODELS, V1 } from './helpers/env';
import { compareThroughMask, decode, fromB64, holeMask, patternPng } from './helpers/images';
import { expectApiError, form, png, postForm, postJson } from './helpers/http';
import { specProblems, type SchemaName } from './helpers/spec';
import { PARTIAL_TOKENS } from './helpers/tokens';

const client = openaiClient({ checkRequests: false });

/** The SDK's params, widened for the fields openai 6.49 does not type yet (quality xhigh/max, complexity). */
type Gen = Omit<OpenAI.ImageGenerateParamsNonStreaming, 'quality' | 'size'> & { quality?: string; size?: string; complexity?: string };
const generate = (body: Gen, c: OpenAI = client) => c.images.generate(body as OpenAI.ImageGenerateParamsNonStreaming);
type Res = OpenAI.ImagesResponse & { data?: (OpenAI.Image & { generation_id?: string })[] };

/** api-2026-12 §1: the active image models, and 2.5's dated snapshots. */
const CURRENT = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2'] as const;
const SNAPSHOTS = ['gpt-image-2.5-sunburst-2026-09-08', 'gpt-image-2.5-flare-2026-09-08'] as const;
const TWO_SIX = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare'];
/** §2.1: quality "+ xhigh max" on 2.5 and 2.6; gpt-image-2 takes low medium high auto. */
const TOP_QUALITY = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare'];

/**
 * api-2026-12 §3, measured on the official route (3P-laozhang, 2026-11-05): "2.6 … 1536×1024 low 664 / high 1,353;
 * 3840×2160 high ≈ 3,337"; "low/medium ≈ 3–4× the 2.5 tokens, high and up equal to 2.5".
 */
const MEASURED_26 = { low1536: 664, high1536: 1353, high3840: 3337 };

let photo: Buffer;
let mask: Buffer;
test.beforeAll(async () => {
  [photo, mask] = await Promise.all([patternPng(1024, 1024, 21), holeMask(1024, 1024, { x: 128, y: 256, w: 512, h: 384 })]);
});

test('every current model and 2.5 snapshot generates a real image of the asked WxH', async () => {
  for (const model of [...CURRENT, ...SNAPSHOTS]) {
    // §2.1 size: "WxH: both sides multiples of 16, long edge ≤ 3840, ratio between 1:3 and 3:1, 655,360–8,294,400 px" on 2, 2.5 and 2.6.
    const res = await generate({ model, prompt: 'a harbour at dawn', size: '1280x720', quality: 'low' });
    expect(res, model).toMatchObject({ size: '1280x720', quality: 'low', output_format: 'png' });
    expect(await decode(fromB64(res.data![0].b64_json)), model).toMatchObject({ format: 'png', width: 1280, height: 720 });
    expect(res.usage!.output_tokens, model).toBeGreaterThan(0);
  }
});

test('2.6 bills the measured output tokens; 2.5 equals it at high and bills 3–4× less at low', async () => {
  const at = async (model: string, size: string, quality: string) => (await generate({ model, prompt: 'a lighthouse', size, quality })).usage!.output_tokens;
  for (const model of TWO_SIX) {
    expect(await at(model, '1536x1024', 'low'), model).toBe(MEASURED_26.low1536);
    expect(await at(model, '1536x1024', 'high'), model).toBe(MEASURED_26.high1536);
    // "≈ 3,337": within 1 %.
    expect(Math.abs((await at(model, '3840x2160', 'high')) - MEASURED_26.high3840), model).toBeLessThanOrEqual(MEASURED_26.high3840 * 0.01);
  }
  for (const model of ['gpt-image-2.5-sunburst', 'gpt-image-2.5-flare']) {
    expect(await at(model, '1536x1024', 'high'), model).toBe(MEASURED_26.high1536);
    const low = await at(model, '1536x1024', 'low');
    expect(low, model).toBeGreaterThanOrEqual(Math.floor(MEASURED_26.low1536 / 4));
    expect(low, model).toBeLessThanOrEqual(Math.ceil(MEASURED_26.low1536 / 3));
  }
});

test('xhigh and max: accepted and echoed by 2.5 and 2.6 (xhigh by 2.6-flare among them), refused by gpt-image-2 with invalid_value', async () => {
  for (const model of TOP_QUALITY) {
    for (const quality of ['xhigh', 'max']) {
      const res = await generate({ model, prompt: 'a detailed city map', size: '1024x1024', quality });
      expect(res.quality, `${model} ${quality}`).toBe(quality);
      expect(await decode(fromB64(res.data![0].b64_json))).toMatchObject({ width: 1024, height: 1024 });
    }
  }
  const flare = await generate({ model: 'gpt-image-2.6-flare', prompt: 'x', quality: 'xhigh', size: '1536x1024' });
  // No published figure for xhigh (§3: "xhigh / max token counts: none found"); it bills at least what high does.
  expect(flare.usage!.output_tokens).toBeGreaterThanOrEqual(MEASURED_26.high1536);
  for (const quality of ['xhigh', 'max']) {
    const err = await generate({ model: 'gpt-image-2', prompt: 'x', quality }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err).toMatchObject({ status: 400, param: 'quality', code: 'invalid_value' });
  }
});

test('complexity only on 2.6 (low, medium, high); 2.5 and gpt-image-2 refuse it as unknown_parameter', async () => {
  // §2.1 complexity: 2.6 "low medium high, or null"; "–" on gpt-image-2 and 2.5. §8: "400 unknown_parameter when a 2.6-only field goes to an older model".
  for (const model of TWO_SIX) {
    for (const complexity of ['low', 'medium', 'high']) {
      const res = await generate({ model, prompt: 'a clockwork owl', size: '1024x1024', quality: 'low', complexity });
      expect(res.data, `${model} ${complexity}`).toHaveLength(1);
    }
    await expectApiError(await postJson('/images/generations', { model, prompt: 'x', complexity: 'extreme' }), 400, { param: 'complexity', code: 'invalid_value' });
  }
  for (const model of ['gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2.5-flare-2026-09-08', 'gpt-image-2']) {
    const err = await generate({ model, prompt: 'x', complexity: 'low' }).catch((e: unknown) => e);
    expect(err, model).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err, model).toMatchObject({ status: 400, param: 'complexity', code: 'unknown_parameter' });
  }
  // Edits take it on 2.6 too.
  const edit = await client.images.edit({ model: 'gpt-image-2.6-sunburst', prompt: 'add a moon', image: await toFile(photo, 'p.png'), size: '1024x1024', quality: 'low', complexity: 'medium' } as unknown as OpenAI.ImageEditParamsNonStreaming);
  expect(edit.data).toHaveLength(1);
  const refused = await client.images.edit({ model: 'gpt-image-2.5-sunburst', prompt: 'add a moon', image: await toFile(photo, 'p.png'), complexity: 'medium' } as unknown as OpenAI.ImageEditParamsNonStreaming).catch((e: unknown) => e);
  expect(refused).toMatchObject({ status: 400, param: 'complexity', code: 'unknown_parameter' });
});

test('quality left out: Sunburst renders as at high; Flare picks a level itself and says which', async () => {
  // §2.1: "Omitted: Sunburst behaves like high, Flare picks a level from the prompt".
  for (const model of ['gpt-image-2.6-sunburst', 'gpt-image-2.5-sunburst']) {
    const res = await generate({ model, prompt: 'a teapot', size: '1536x1024' });
    expect(res.quality, model).toBe('high');
    expect(res.usage!.output_tokens, model).toBe(MEASURED_26.high1536);
  }
  for (const model of ['gpt-image-2.6-flare', 'gpt-image-2.5-flare']) {
    const res = await generate({ model, prompt: 'a teapot', size: '1024x1024', quality: 'auto' });
    expect(['low', 'medium', 'high', 'xhigh', 'max'], model).toContain(res.quality);
  }
});

test('every current model edits with a mask through the SDK; the mask holds pixel for pixel', async () => {
  for (const model of [...CURRENT, SNAPSHOTS[0]]) {
    const res = await client.images.edit({ model, prompt: 'a paper boat in the hole', image: [await toFile(photo, 'photo.png', { type: 'image/png' })], mask: await toFile(mask, 'mask.png', { type: 'image/png' }), size: '1024x1024', quality: 'low' });
    const out = fromB64(res.data![0].b64_json);
    expect(await decode(out), model).toMatchObject({ format: 'png', width: 1024, height: 1024 });
    const result = await compareThroughMask(out, photo, mask);
    expect(result.keptDiffer, model).toBe(0);
    expect(result.holesChanged / result.holes, model).toBeGreaterThan(0.9);
    // §2.1 input_fidelity: "leave it out; inputs are always read at high fidelity" — the input image is billed.
    expect(res.usage!.input_tokens_details.image_tokens, model).toBeGreaterThan(0);
  }
  // xhigh on an edit: 2.6-flare takes it.
  const x = await client.images.edit({ model: 'gpt-image-2.6-flare', prompt: 'a paper boat', image: await toFile(photo, 'p.png'), size: '1024x1024', quality: 'xhigh' } as unknown as OpenAI.ImageEditParamsNonStreaming);
  expect(x.quality).toBe('xhigh');
  // input_fidelity: leave it out on every 2.x model.
  for (const model of CURRENT) {
    const err = await client.images.edit({ model, prompt: 'x', image: await toFile(photo, 'p.png'), input_fidelity: 'high' }).catch((e: unknown) => e);
    expect(err, model).toMatchObject({ status: 400, param: 'input_fidelity', code: 'unknown_parameter' });
  }
});

test('2.5 and 2.6 stream generations and edits: partials, then completed with usage; xhigh echoed on every event', async () => {
  // §2.6: "The event names are unchanged"; partial_images 0–3 on 2.5 (3P) and 2.6.
  for (const model of TOP_QUALITY) {
    const stream = await client.images.generate({ model, prompt: 'a kite', size: '1024x1024', quality: 'xhigh', stream: true, partial_images: 2 } as unknown as OpenAI.ImageGenerateParamsStreaming);
    const events: ImageGenStreamEvent[] = [];
    for await (const e of stream) events.push(e);
    expect(events.map((e) => e.type), model).toEqual(['image_generation.partial_image', 'image_generation.partial_image', 'image_generation.completed']);
    for (const e of events) expect(e, model).toMatchObject({ quality: 'xhigh', size: '1024x1024' });
    const done = events[2];
    if (done.type !== 'image_generation.completed') throw new Error('no completed event');
    const plain = await generate({ model, prompt: 'a kite', size: '1024x1024', quality: 'xhigh' });
    // 100 per partial image (documented for gpt-image-1, §3 "unverified for 2.x"): the offline API keeps it.
    expect(done.usage.output_tokens, model).toBe(plain.usage!.output_tokens + 2 * PARTIAL_TOKENS);
  }
  const stream = await client.images.edit({ model: 'gpt-image-2.6-sunburst', prompt: 'a boat', image: await toFile(photo, 'p.png'), mask: await toFile(mask, 'm.png'), size: '1024x1024', quality: 'low', stream: true, partial_images: 1, complexity: 'high' } as unknown as OpenAI.ImageEditParamsStreaming);
  const events: ImageEditStreamEvent[] = [];
  for await (const e of stream) events.push(e);
  expect(events.map((e) => e.type)).toEqual(['image_edit.partial_image', 'image_edit.completed']);
  expect((await compareThroughMask(fromB64(events[1].b64_json), photo, mask)).keptDiffer).toBe(0);
});

test('2.6 answers carry data[].generation_id, one unique string per image, on generations and edits; 2.5 and gpt-image-2 none', async () => {
  // §2.5: "generation_id (per image) … new in 2.6"; the 3P example puts it in data[] of the JSON body.
  const ids: string[] = [];
  for (const model of TWO_SIX) {
    const gen = (await generate({ model, prompt: 'three lanterns', n: 3, size: '1024x1024', quality: 'low' })) as Res;
    const edit = (await client.images.edit({ model, prompt: 'a lantern', image: await toFile(photo, 'p.png'), n: 2, size: '1024x1024', quality: 'low' })) as Res;
    for (const d of [...gen.data!, ...edit.data!]) {
      expect(typeof d.generation_id, model).toBe('string');
      expect(d.generation_id!.length).toBeGreaterThan(0);
      ids.push(d.generation_id!);
    }
  }
  expect(new Set(ids).size).toBe(ids.length);
  // The same request again: new images, new ids.
  const again = (await generate({ model: 'gpt-image-2.6-sunburst', prompt: 'three lanterns', n: 3, size: '1024x1024', quality: 'low' })) as Res;
  for (const d of again.data!) expect(ids).not.toContain(d.generation_id);
  for (const model of ['gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2']) {
    const res = (await generate({ model, prompt: 'a lantern', size: '1024x1024', quality: 'low' })) as Res;
    expect(res.data![0].generation_id, model).toBeUndefined();
  }
});

test('a shut-down model is 404 model_not_found naming it, on generations, edits and the Responses tool', async () => {
  // §1: shut down; §5/§9: the error at shutdown is undocumented, so the offline API answers as for an unknown model.
  for (const model of Object.keys(SHUT_DOWN_IMAGE_MODELS)) {
    const err = await client.images.generate({ model, prompt: 'x' }).catch((e: unknown) => e);
    expect(err, model).toBeInstanceOf(OpenAI.NotFoundError);
    expect(err, model).toMatchObject({ status: 404, code: 'model_not_found', param: 'model', type: 'invalid_request_error' });
    const res = await postJson('/images/generations', { model, prompt: 'x' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { type: 'invalid_request_error', code: 'model_not_found', param: 'model', message: `The model '${model}' does not exist or you do not have access to it.` } });
  }
  // Before anything else about the request: even a field the model never took does not change the answer.
  await expectApiError(await postJson('/images/generations', { model: 'gpt-image-1.5', prompt: 'x', complexity: 'low' }), 404, { code: 'model_not_found' });
  await expectApiError(await postForm('/images/edits', form({ model: 'gpt-image-1.5', prompt: 'x', image: png(photo), input_fidelity: 'high' })), 404, { code: 'model_not_found', param: 'model' });
  await expectApiError(await postJson('/responses', { model: 'gpt-6-luna', input: 'x', tools: [{ type: 'image_generation', model: 'gpt-image-1.5' }] }), 404, { code: 'model_not_found', param: 'tools[0].model', message: /^The model 'gpt-image-1\.5' does not exist/ });
  // Main models too: gpt-4.1-nano shut down 2026-10-23 (§1).
  await expectApiError(await postJson('/responses', { model: 'gpt-4.1-nano', input: 'x', tools: [{ type: 'image_generation', model: 'gpt-image-2.5-sunburst' }] }), 404, { code: 'model_not_found', param: 'model', message: /^The model 'gpt-4\.1-nano' does not exist or you do not have access to it\.$/ });
});

test('the x-offline-serve-retired switch serves shut-down models again, with their own rules', async () => {
  const retired = retiredClient({ checkRequests: false });
  const r15 = await retired.images.edit({ model: 'gpt-image-1.5', prompt: 'x', image: await toFile(photo, 'p.png'), input_fidelity: 'high', quality: 'low' });
  expect(r15.data).toHaveLength(1);
  const dalle = await retired.images.generate({ model: 'dall-e-3', prompt: 'x', response_format: 'url' });
  expect(dalle.data![0].url).toMatch(/\/api\/offline\/images\//);
  // Their own rules hold: no xhigh on gpt-image-1.
  await expectApiError(await postJson('/images/generations', { model: 'gpt-image-1', prompt: 'x', quality: 'xhigh' }, SERVE_RETIRED), 400, { param: 'quality', code: 'invalid_value' });
  // The Responses API: a shut-down main model and the tool's spec default (gpt-image-1).
  const resp = await postJson('/responses', { model: 'gpt-4.1-nano', input: 'a fox', tools: [{ type: 'image_generation', quality: 'low' }] }, SERVE_RETIRED);
  expect(resp.status).toBe(200);
  expect((await resp.json()).tools[0].model).toBe('gpt-image-1');
  // Anything but 1/0 (or true/false) is a 400 naming the header.
  await expectApiError(await postJson('/images/generations', { model: 'gpt-image-2', prompt: 'x' }, { 'x-offline-serve-retired': 'maybe' }), 400, { param: 'x-offline-serve-retired', code: 'invalid_value' });
});

test('GET /models and /models/{id}: shutdown_date on every entry (YYYY-MM-DD or null), retired ones only with the switch', async () => {
  const get = async (path: string, headers: Record<string, string> = {}) => fetch(`${V1}${path}`, { headers: { ...AUTH, ...headers } });
  const list = await (await get('/models')).json();
  expect(specProblems('ListModelsResponse' as SchemaName, list)).toEqual([]);
  for (const m of list.data) {
    expect(specProblems('Model' as SchemaName, m), m.id).toEqual([]);
    expect(m, m.id).toHaveProperty('shutdown_date');
    expect(m.shutdown_date === null || /^\d{4}-\d{2}-\d{2}$/.test(m.shutdown_date), m.id).toBe(true);
  }
  const byId = new Map<string, string | null>(list.data.map((m: { id: string; shutdown_date: string | null }) => [m.id, m.shutdown_date]));
  for (const id of [...CURRENT, ...SNAPSHOTS]) expect(byId.get(id), id).toBeNull();
  for (const id of Object.keys(SHUT_DOWN_IMAGE_MODELS)) expect(byId.has(id), id).toBe(false);
  // Main models (§1): gpt-5 shuts down 2026-12-11, gpt-4o 2027-01-14; gpt-4.1-nano is gone; the GPT-6 family has no date.
  expect(byId.get('gpt-5')).toBe('2026-12-11');
  expect(byId.get('gpt-4o')).toBe('2027-01-14');
  expect(byId.get('gpt-6-luna')).toBeNull();
  expect(byId.has('gpt-4.1-nano')).toBe(false);

  const one = await client.models.retrieve('gpt-image-2.6-sunburst');
  expect(one).toMatchObject({ id: 'gpt-image-2.6-sunburst', object: 'model', shutdown_date: null });
  const gone = await client.models.retrieve('gpt-image-1.5').catch((e: unknown) => e);
  expect(gone).toBeInstanceOf(OpenAI.NotFoundError);
  expect(gone).toMatchObject({ code: 'model_not_found' });
  const served = await retiredClient().models.retrieve('gpt-image-1.5');
  expect(served).toMatchObject({ id: 'gpt-image-1.5', shutdown_date: SHUT_DOWN_IMAGE_MODELS['gpt-image-1.5'] });
  const all = await (await get('/models', SERVE_RETIRED)).json();
  const allIds = new Map<string, string | null>(all.data.map((m: { id: string; shutdown_date: string | null }) => [m.id, m.shutdown_date]));
  for (const [id, date] of Object.entries(SHUT_DOWN_IMAGE_MODELS)) expect(allIds.get(id), id).toBe(date);
  expect(allIds.get('gpt-4.1-nano')).toBe('2026-10-23');
});

test('2.5 snapshot ids are accepted as sent and echoed by the Responses tool; xhigh goes through the tool on 2.5', async () => {
  // §1: "gpt-image-2.5-sunburst, gpt-image-2.5-flare (+ -2026-09-08)"; §4: 3P wrappers send xhigh/max with 2.5 through the tool.
  for (const model of SNAPSHOTS) {
    const r = await client.responses.create({ model: 'gpt-6-astra', input: 'a red fox', tools: [{ type: 'image_generation', model, quality: 'xhigh' as 'high', size: '1024x1024' }] });
    expect(r.tools[0], model).toMatchObject({ type: 'image_generation', model });
    const call = r.output.find((o) => o.type === 'image_generation_call') as unknown as { quality: string; result: string };
    expect(call.quality).toBe('xhigh');
    expect(await decode(fromB64(call.result))).toMatchObject({ width: 1024, height: 1024 });
  }
});

test('x-offline-billing-scale multiplies the billed output image tokens (rounded); a bad value is a 400 naming the header', async () => {
  const body = { model: 'gpt-image-2.6-sunburst', prompt: 'a quiet harbour', size: '1536x1024', quality: 'low' };
  const base = await generate(body);
  expect(base.usage!.output_tokens).toBe(MEASURED_26.low1536);
  for (const scale of ['1.5', '0.37', '3']) {
    const scaled = await generate(body, openaiClient({ checkRequests: false, headers: { 'x-offline-billing-scale': scale } }));
    const image = Math.round(MEASURED_26.low1536 * Number(scale));
    expect(scaled.usage, scale).toEqual({
      ...base.usage,
      output_tokens: image,
      output_tokens_details: { image_tokens: image, text_tokens: 0 },
      total_tokens: base.usage!.input_tokens + image,
    });
  }
  // Streams too (the partials' tokens are billed output image tokens as well).
  const stream = await openaiClient({ checkRequests: false, headers: { 'x-offline-billing-scale': '2' } }).images.generate({ ...body, stream: true, partial_images: 1 } as unknown as OpenAI.ImageGenerateParamsStreaming);
  let done: ImageGenStreamEvent | undefined;
  for await (const e of stream) done = e;
  expect(done?.type === 'image_generation.completed' && done.usage.output_tokens).toBe(2 * (MEASURED_26.low1536 + PARTIAL_TOKENS));
  for (const bad of ['0', '-1', '10.5', 'abc', '']) {
    await expectApiError(await postJson('/images/generations', body, { 'x-offline-billing-scale': bad }), 400, { param: 'x-offline-billing-scale', code: 'invalid_value' });
  }
  // 10 is the top of the range.
  expect((await postJson('/images/generations', body, { 'x-offline-billing-scale': '10' })).status).toBe(200);
});
