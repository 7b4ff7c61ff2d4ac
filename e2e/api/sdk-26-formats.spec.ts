/**
 * gpt-image-2.6's animated GIF, SVG, complexity and markup-guided edits through the official openai SDK against the
 * offline API (api-2026-12 §2.2–§2.5, §3, §7; issue #15).
 *
 * The published facts are written here from api-2026-12 (quoted beside each), not read from lib/models, so a test
 * cannot agree with a registry mistake. openai 6.x types none of these fields (§2.7: "a cast is enough"), and the
 * vendored spec predates them, so requests are not checked against it (checkRequests: false).
 */
import { expect, test } from '@playwright/test';
import OpenAI, { toFile } from 'openai';
import sharp from 'sharp';
import { openaiClient } from './helpers/env';
import { decodeRgba, fromB64, holeMask, patternPng, rgbaPng } from './helpers/images';


/** jsdom's strict XML parser (jsdom has no type declarations installed here, so its one use is typed by hand). */
async function parseXml(text: string): Promise<Document> {
  const name = 'jsdom';
  const { JSDOM } = (await import(name)) as { JSDOM: new (html: string) => { window: { DOMParser: new () => DOMParser } } };
  return new new JSDOM('').window.DOMParser().parseFromString(text, 'image/svg+xml');
}

const client = openaiClient({ checkRequests: false });

/** §2.2: "frame_count (integer 2–16, default 9) and frame_duration_ms (integer ≥ 20, default 200)"; "rounded to the nearest 10 ms". */
const GIF = { minFrames: 2, maxFrames: 16, defaultFrames: 9, minDurationMs: 20, defaultDurationMs: 200, roundToMs: 10 };
/** §2.2 (3P-apiyi-gif): "the largest square frame is 960 for 2–9 frames, 816 for 10–12 and 720 for 13–16". */
const SQUARE_CAP: [frames: number, side: number][] = [[9, 960], [12, 816], [16, 720]];
/** §2.3 (3P-apiyi-svg, measured): "Without svg.model the reply is 400 SVG generation requires 'svg.model'." */
const SVG_NO_MODEL = "SVG generation requires 'svg.model'.";
/** §1: the 2.6 models; §2.1/§7.1: gif, svg, complexity and markup only on 2.6. */
const TWO_SIX = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare'] as const;
/** §2.4 best guess for the markup part's name (unconfirmed, §9.1). */
const MARKUP = 'markup';
/** A mainline authoring model (§2.3 example uses gpt-5.6-terra; §3 names gpt-6-luna's rates). */
const AUTHOR = 'gpt-6-luna';

type Loose = Record<string, unknown>;
type Res = OpenAI.ImagesResponse & { svg_usage?: { model: string; input_tokens: number; output_tokens: number; reasoning_tokens: number; total_tokens: number }; data?: (OpenAI.Image & { generation_id?: string })[] };
const generate = (body: Loose) => client.images.generate(body as unknown as OpenAI.ImageGenerateParamsNonStreaming) as Promise<Res>;
const edit = (body: Loose) => client.images.edit(body as unknown as OpenAI.ImageEditParamsNonStreaming) as Promise<Res>;
/** The SDK's error for a refused call (never a success). */
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e);

async function gifPages(bytes: Buffer) {
  const meta = await sharp(bytes, { animated: true }).metadata();
  const raw = await sharp(bytes, { animated: true }).ensureAlpha().raw().toBuffer();
  const per = meta.width! * meta.pageHeight! * 4;
  return { meta, frames: Array.from({ length: meta.pages ?? 1 }, (_, i) => raw.subarray(i * per, (i + 1) * per)) };
}

function differingPixels(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}

let photo: Buffer;
let small: Buffer;
let marks: Buffer;
let mask: Buffer;
test.beforeAll(async () => {
  [photo, small, mask] = await Promise.all([patternPng(1024, 1024, 5), patternPng(512, 512, 9), holeMask(1024, 1024, { x: 0, y: 0, w: 256, h: 256 })]);
  // §2.4: "Draw only the marks (circles, arrows, notes) on a separate fully transparent PNG": a ring and an arrow shaft.
  marks = await rgbaPng(1024, 1024, (x, y) => {
    const d = Math.hypot(x - 300, y - 300);
    const ring = d > 90 && d < 100;
    const arrow = y >= 700 && y < 708 && x >= 500 && x < 900;
    return ring || arrow ? [255, 32, 32, 255] : [0, 0, 0, 0];
  });
});

test.describe('animated GIF (§2.2)', () => {
  test('a 4-frame 512² GIF decodes with sharp as 4 pages of 512² with the asked delay, and the frames differ', async () => {
    for (const model of TWO_SIX) {
      const res = await generate({ model, prompt: 'a red kite over green hills', size: '512x512', quality: 'low', output_format: 'gif', frame_count: 4, frame_duration_ms: 120 });
      // §2.2: "The result arrives base64-encoded in data[].b64_json, like every other format"; §2.5: output_format echoed.
      expect(res).toMatchObject({ output_format: 'gif', size: '512x512' });
      const bytes = fromB64(res.data![0].b64_json);
      // §7.7: decode the real format from magic bytes (GIF89a).
      expect(bytes.subarray(0, 6).toString('ascii'), model).toBe('GIF89a');
      const { meta, frames } = await gifPages(bytes);
      expect(meta, model).toMatchObject({ format: 'gif', pages: 4, width: 512, pageHeight: 512 });
      expect(meta.delay, model).toEqual([120, 120, 120, 120]);
      for (let i = 0; i < 4; i++) expect(differingPixels(frames[i], frames[(i + 1) % 4]), `${model} frame ${i}→${(i + 1) % 4}`).toBeGreaterThan(512 * 512 * 0.01);
      // §3: "GIF: probably billed as one image the size of the frame sheet": 4 frames of 512² on a 2×2 sheet of 1024².
      const sheet = await generate({ model, prompt: 'a red kite over green hills', size: '1024x1024', quality: 'low' });
      expect(res.usage!.output_tokens, model).toBe(sheet.usage!.output_tokens);
    }
  });

  test(`defaults: ${GIF.defaultFrames} frames of ${GIF.defaultDurationMs} ms; the delay is rounded to ${GIF.roundToMs} ms; ${GIF.minFrames} and ${GIF.maxFrames} frames at the caps`, async () => {
    const plain = await generate({ model: 'gpt-image-2.6-sunburst', prompt: 'a spinning top', size: '256x256', quality: 'low', output_format: 'gif' });
    const d = await gifPages(fromB64(plain.data![0].b64_json));
    expect(d.meta.pages).toBe(GIF.defaultFrames);
    expect(d.meta.delay).toEqual(Array(GIF.defaultFrames).fill(GIF.defaultDurationMs));
    for (const [asked, sent] of [[24, 20], [25, 30], [GIF.minDurationMs, 20], [1234, 1230]]) {
      const r = await generate({ model: 'gpt-image-2.6-flare', prompt: 'a spinning top', size: '128x128', quality: 'low', output_format: 'gif', frame_count: 2, frame_duration_ms: asked });
      expect((await gifPages(fromB64(r.data![0].b64_json))).meta.delay, `${asked} ms`).toEqual([sent, sent]);
    }
    const two = await gifPages(fromB64((await generate({ model: 'gpt-image-2.6-sunburst', prompt: 'x', size: '960x960', quality: 'low', output_format: 'gif', frame_count: GIF.minFrames })).data![0].b64_json));
    expect(two.meta).toMatchObject({ pages: 2, width: 960, pageHeight: 960 });
    const sixteen = await gifPages(fromB64((await generate({ model: 'gpt-image-2.6-sunburst', prompt: 'x', size: '720x720', quality: 'low', output_format: 'gif', frame_count: GIF.maxFrames })).data![0].b64_json));
    expect(sixteen.meta).toMatchObject({ pages: 16, width: 720, pageHeight: 720 });
  });

  test('an edit as GIF keeps the first image as the base of every frame', async () => {
    const res = await edit({ model: 'gpt-image-2.6-sunburst', prompt: 'make it snow', image: await toFile(small, 'p.png', { type: 'image/png' }), size: '512x512', quality: 'low', output_format: 'gif', frame_count: 3, frame_duration_ms: 300 });
    expect(res.output_format).toBe('gif');
    const { meta, frames } = await gifPages(fromB64(res.data![0].b64_json));
    expect(meta).toMatchObject({ pages: 3, width: 512, pageHeight: 512 });
    expect(meta.delay).toEqual([300, 300, 300]);
    expect(differingPixels(frames[0], frames[1])).toBeGreaterThan(0);
  });

  test('refusals: gif with stream, partial_images, output_compression or mask; frame fields without gif; out-of-range frames; a frame over its cap', async () => {
    const base = { model: 'gpt-image-2.6-sunburst', prompt: 'x', output_format: 'gif', size: '512x512' };
    // §2.2: "GIF forbids streaming, partial_images, mask and output_compression."
    for (const [extra, param] of [[{ stream: true }, 'stream'], [{ partial_images: 2 }, 'partial_images'], [{ output_compression: 50 }, 'output_compression']] as const) {
      expect(await refusal(generate({ ...base, ...extra })), param).toMatchObject({ status: 400, param });
    }
    const withMask = await refusal(edit({ ...base, prompt: 'x', image: await toFile(photo, 'p.png', { type: 'image/png' }), mask: await toFile(mask, 'm.png', { type: 'image/png' }), size: '512x512' }));
    expect(withMask).toMatchObject({ status: 400, param: 'mask' });
    // §2.2: "Both fields are accepted only with gif".
    for (const field of ['frame_count', 'frame_duration_ms']) {
      expect(await refusal(generate({ model: 'gpt-image-2.6-sunburst', prompt: 'x', [field]: 4 })), field).toMatchObject({ status: 400, param: field });
    }
    for (const frame_count of [GIF.minFrames - 1, GIF.maxFrames + 1]) {
      expect(await refusal(generate({ ...base, frame_count })), `frame_count ${frame_count}`).toMatchObject({ status: 400, param: 'frame_count' });
    }
    expect(await refusal(generate({ ...base, frame_duration_ms: GIF.minDurationMs - 1 }))).toMatchObject({ status: 400, param: 'frame_duration_ms' });
    for (const [frames, side] of SQUARE_CAP) {
      const over = side + 16;
      expect(await refusal(generate({ ...base, frame_count: frames, size: `${over}x${over}` })), `${frames} frames of ${over}²`).toMatchObject({ status: 400, param: 'size' });
    }
    // §7.1: gif is 2.6 only.
    expect(await refusal(generate({ model: 'gpt-image-2.5-sunburst', prompt: 'x', output_format: 'gif' }))).toMatchObject({ status: 400, param: 'output_format' });
  });
});

test.describe('SVG (§2.3, §2.5)', () => {
  test('an SVG parses as XML with an svg root, carries the prompt and the SYNTHETIC label, and svg_usage beside usage', async () => {
    for (const model of TWO_SIX) {
      const prompt = 'a blue lighthouse & a <gull>';
      const res = await generate({ model, prompt, size: '1024x1024', quality: 'low', output_format: 'svg', svg: { model: AUTHOR, reasoning: { effort: 'high' } } });
      // §2.3: "The payload comes back base64 in b64_json (the SVG text), with output_format: 'svg'."
      expect(res.output_format, model).toBe('svg');
      const text = fromB64(res.data![0].b64_json).toString('utf8');
      const doc = await parseXml(text);
      expect(doc.getElementsByTagName('parsererror'), model).toHaveLength(0);
      expect(doc.documentElement.localName, model).toBe('svg');
      expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
      const words = [...doc.getElementsByTagName('text')].map((t) => t.textContent).join(' ');
      expect(words).toContain(prompt);
      expect(words).toContain('SYNTHETIC');
      expect(doc.getElementsByTagName('circle').length + doc.getElementsByTagName('rect').length).toBeGreaterThan(2);
      // sharp (librsvg) renders it.
      expect((await sharp(Buffer.from(text)).metadata()).format).toBe('svg');
      // §2.5: svg_usage {model, input_tokens, output_tokens, reasoning_tokens, total_tokens}, only for svg; usage is the raster's.
      const u = res.svg_usage!;
      expect(u.model).toBe(AUTHOR);
      expect(u.input_tokens).toBeGreaterThan(0);
      expect(u.output_tokens).toBeGreaterThan(u.reasoning_tokens);
      expect(u.reasoning_tokens).toBeGreaterThan(0);
      expect(u.total_tokens).toBe(u.input_tokens + u.output_tokens);
      expect(res.usage!.output_tokens).toBeGreaterThan(0);
    }
    const png = await generate({ model: 'gpt-image-2.6-sunburst', prompt: 'x', size: '1024x1024', quality: 'low' });
    expect(png.svg_usage).toBeUndefined();
    // Effort none reasons not at all; higher effort reasons more.
    const at = async (effort: string) => (await generate({ model: 'gpt-image-2.6-sunburst', prompt: 'x', size: '1024x1024', quality: 'low', output_format: 'svg', svg: { model: AUTHOR, reasoning: { effort } } })).svg_usage!.reasoning_tokens;
    expect(await at('none')).toBe(0);
    expect(await at('low')).toBeLessThan(await at('max'));
  });

  test('the hostile_svg simulation plants a <script>, onload= and external hrefs in a well-formed SVG (for the sanitizer tests)', async () => {
    const hostile = openaiClient({ checkRequests: false, headers: { 'x-offline-fault': 'hostile_svg' } });
    const body = { model: 'gpt-image-2.6-sunburst', prompt: 'a fox', size: '1024x1024', quality: 'low', output_format: 'svg', svg: { model: AUTHOR } };
    const res = (await hostile.images.generate(body as unknown as OpenAI.ImageGenerateParamsNonStreaming)) as Res;
    const text = fromB64(res.data![0].b64_json).toString('utf8');
    const doc = await parseXml(text);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('svg');
    expect(doc.getElementsByTagName('script').length).toBeGreaterThan(0);
    expect(doc.documentElement.getAttribute('onload')).toBeTruthy();
    expect(text).toMatch(/href="https:\/\/offline-hostile\.invalid\//);
    expect(text).toMatch(/href="javascript:/);
    expect(doc.getElementsByTagName('foreignObject').length).toBeGreaterThan(0);
    // Without the simulation none of it is there.
    const clean = fromB64((await generate(body)).data![0].b64_json).toString('utf8');
    expect(clean).not.toMatch(/<script|\son\w+=|href=|foreignObject|@import/i);
  });

  test('refusals: svg without svg.model (the measured message), svg with n > 1, svg streamed, svg on an edit or on 2.5', async () => {
    for (const body of [{}, { svg: {} }, { svg: { reasoning: { effort: 'high' } } }]) {
      const err = await refusal(generate({ model: 'gpt-image-2.6-sunburst', prompt: 'x', output_format: 'svg', ...body }));
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err).toMatchObject({ status: 400, param: 'svg.model' });
      expect((err as Error).message).toContain(SVG_NO_MODEL);
    }
    // §2.1 n: "SVG only with n=1".
    expect(await refusal(generate({ model: 'gpt-image-2.6-flare', prompt: 'x', output_format: 'svg', svg: { model: AUTHOR }, n: 2 }))).toMatchObject({ status: 400, param: 'n' });
    // §2.6: "Whether SVG streams is unknown, so do not request it."
    expect(await refusal(generate({ model: 'gpt-image-2.6-flare', prompt: 'x', output_format: 'svg', svg: { model: AUTHOR }, stream: true }))).toMatchObject({ status: 400, param: 'stream' });
    // §2.3: "generation only".
    expect(await refusal(edit({ model: 'gpt-image-2.6-sunburst', prompt: 'x', image: await toFile(small, 'p.png', { type: 'image/png' }), output_format: 'svg' }))).toMatchObject({ status: 400, param: 'output_format' });
    // §7.1: svg is 2.6 only; §8: a 2.6-only field to an older model is an unknown_parameter (named before the format).
    expect(await refusal(generate({ model: 'gpt-image-2.5-flare', prompt: 'x', output_format: 'svg' }))).toMatchObject({ status: 400, param: 'output_format' });
    expect(await refusal(generate({ model: 'gpt-image-2.5-flare', prompt: 'x', output_format: 'svg', svg: { model: AUTHOR } }))).toMatchObject({ status: 400, param: 'svg', code: 'unknown_parameter' });
  });
});

test('complexity (§2.1): low and high give visibly different images in png, gif and svg', async () => {
  const prompt = 'a busy market street with many stalls';
  const at = (complexity: string, extra: Loose = {}) => generate({ model: 'gpt-image-2.6-sunburst', prompt, size: '1024x1024', quality: 'low', complexity, ...extra });
  const [low, high] = await Promise.all([at('low'), at('high')]);
  const [a, b] = await Promise.all([decodeRgba(fromB64(low.data![0].b64_json)), decodeRgba(fromB64(high.data![0].b64_json))]);
  expect(differingPixels(a.data, b.data)).toBeGreaterThan(1024 * 1024 * 0.05);
  const gif = async (c: string) => (await gifPages(fromB64((await at(c, { size: '256x256', output_format: 'gif', frame_count: 2 })).data![0].b64_json))).frames[0];
  expect(differingPixels(await gif('low'), await gif('high'))).toBeGreaterThan(256 * 256 * 0.05);
  const shapes = async (c: string) => {
    const text = fromB64((await at(c, { output_format: 'svg', svg: { model: AUTHOR } })).data![0].b64_json).toString('utf8');
    return (text.match(/<(circle|rect) /g) ?? []).length;
  };
  expect(await shapes('low')).toBeLessThan(await shapes('high'));
});

test.describe('markup-guided edits (§2.4)', () => {
  test('the result changes where the marks are, is the ordinary edit elsewhere, and revised_prompt says so', async () => {
    const body = { model: 'gpt-image-2.6-sunburst', prompt: 'replace the circled thing with a lantern', size: '1024x1024', quality: 'low' };
    const plain = await edit({ ...body, image: await toFile(photo, 'p.png', { type: 'image/png' }) });
    const marked = await edit({ ...body, image: await toFile(photo, 'p.png', { type: 'image/png' }), [MARKUP]: await toFile(marks, 'markup.png', { type: 'image/png' }) });
    const [p, m, k] = await Promise.all([decodeRgba(fromB64(plain.data![0].b64_json)), decodeRgba(fromB64(marked.data![0].b64_json)), decodeRgba(marks)]);
    let onMarks = 0, changedOnMarks = 0, far = 0, farChanged = 0;
    for (let y = 0; y < 1024; y++) {
      for (let x = 0; x < 1024; x++) {
        const i = 4 * (y * 1024 + x);
        const same = p.data[i] === m.data[i] && p.data[i + 1] === m.data[i + 1] && p.data[i + 2] === m.data[i + 2];
        if (k.data[i + 3] > 0) {
          onMarks++;
          if (!same) changedOnMarks++;
        }
        const near = Math.hypot(x - 300, y - 300) < 140 || (y > 660 && y < 750 && x > 460 && x < 940);
        if (!near) {
          far++;
          if (!same) farChanged++;
        }
      }
    }
    expect(changedOnMarks / onMarks).toBeGreaterThan(0.99);
    expect(farChanged / far).toBe(0);
    expect(marked.data![0].revised_prompt).toMatch(/markup/i);
    expect(marked.data![0].revised_prompt).toMatch(/marks/);
    expect(plain.data![0].revised_prompt).toBeUndefined();
    // Flare takes it too.
    const flare = await edit({ ...body, model: 'gpt-image-2.6-flare', image: await toFile(photo, 'p.png', { type: 'image/png' }), [MARKUP]: await toFile(marks, 'markup.png', { type: 'image/png' }) });
    expect(flare.data![0].revised_prompt).toMatch(/markup/i);
  });

  test('refusals: markup of another size, markup that is not a PNG with alpha, markup with a mask, markup to 2.5 or gpt-image-2', async () => {
    const image = () => toFile(photo, 'p.png', { type: 'image/png' });
    const base = { model: 'gpt-image-2.6-sunburst', prompt: 'x', size: '1024x1024', quality: 'low' };
    // §2.4 (3P): "exactly the first image's width and height".
    const smaller = await rgbaPng(512, 512, () => [0, 0, 0, 0]);
    const e1 = await refusal(edit({ ...base, image: await image(), [MARKUP]: await toFile(smaller, 'm.png', { type: 'image/png' }) }));
    expect(e1).toMatchObject({ status: 400, param: MARKUP, code: 'invalid_image_dimensions' });
    expect((e1 as Error).message).toMatch(/512x512.*1024x1024/);
    // §2.4: "a separate fully transparent PNG": an opaque PNG (no alpha) and a JPEG are refused.
    const opaque = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#fff' } }).png().toBuffer();
    const jpeg = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    for (const [bytes, what] of [[opaque, 'an RGB PNG'], [jpeg, 'a JPEG']] as const) {
      expect(await refusal(edit({ ...base, image: await image(), [MARKUP]: await toFile(bytes, 'm.png', { type: 'image/png' }) })), what).toMatchObject({ status: 400, param: MARKUP, code: 'invalid_image_format' });
    }
    // §2.4 / §7.4: "never together with mask".
    expect(await refusal(edit({ ...base, image: await image(), mask: await toFile(mask, 'mask.png', { type: 'image/png' }), [MARKUP]: await toFile(marks, 'm.png', { type: 'image/png' }) }))).toMatchObject({ status: 400, param: MARKUP });
    // A markup sent as text rather than a file part.
    const asText = await refusal(edit({ ...base, image: await image(), [MARKUP]: 'circle the cat' }));
    expect(asText).toMatchObject({ status: 400, param: MARKUP, code: 'invalid_type' });
    // §7.4: "only to 2.6"; §8: "400 unknown_parameter when a 2.6-only field goes to an older model".
    for (const model of ['gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2']) {
      expect(await refusal(edit({ ...base, model, image: await image(), [MARKUP]: await toFile(marks, 'm.png', { type: 'image/png' }) })), model).toMatchObject({ status: 400, param: MARKUP, code: 'unknown_parameter' });
    }
  });
});
