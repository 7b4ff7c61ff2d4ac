/**
 * gpt-image-2.6's output formats and controls in the offline renderer (api-2026-12 §2.2–§2.5): animated GIFs that
 * move, SVG documents from the scene with svg_usage, complexity that changes the detail, markup that changes the
 * picture only where the marks are.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeRgba, rgbaPng } from '../testing/fixtures';
import { sniffOutput } from '../images/sniff';
import { applyMarkup, gifDelay, renderEdit, renderGeneration, renderGifEdit, renderGifGeneration, summariseMarkup } from './render.server';
import { sceneSvg, shapeCount, type SceneSpec } from './scene.server';
import { authorSvg, HOSTILE_SVG_PARTS, plantHostile, svgUsage } from './svg-output.server';


/** jsdom's strict XML parser (jsdom has no type declarations installed here, so its one use is typed by hand). */
async function parseXml(text: string): Promise<Document> {
  const name = 'jsdom';
  const { JSDOM } = (await import(name)) as { JSDOM: new (html: string) => { window: { DOMParser: new () => DOMParser } } };
  return new new JSDOM('').window.DOMParser().parseFromString(text, 'image/svg+xml');
}

const spec = (over: Partial<SceneSpec> = {}): SceneSpec => ({
  prompt: 'a red fox in blue snow under a yellow moon', width: 256, height: 192, caption: 'TEST', transparent: false, seed: 'seed-1', ...over,
});

async function frames(gif: Buffer) {
  const meta = await sharp(gif, { animated: true }).metadata();
  const raw = await sharp(gif, { animated: true }).ensureAlpha().raw().toBuffer();
  const per = meta.width! * meta.pageHeight! * 4;
  return { meta, list: Array.from({ length: meta.pages! }, (_, i) => raw.subarray(i * per, (i + 1) * per)) };
}

function differing(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}

describe('animated GIF', () => {
  it('has the asked frames, size and delay, loops, and every frame differs from the next', async () => {
    const gif = await renderGifGeneration(spec(), 1, { frames: 4, delayMs: 120 }, false);
    expect(sniffOutput(gif)).toMatchObject({ format: 'gif', width: 256, height: 192 });
    const { meta, list } = await frames(gif);
    expect(meta).toMatchObject({ format: 'gif', pages: 4, width: 256, pageHeight: 192, loop: 0 });
    expect(meta.delay).toEqual([120, 120, 120, 120]);
    for (let i = 0; i < 4; i++) expect(differing(list[i], list[(i + 1) % 4]), `frame ${i}`).toBeGreaterThan(256 * 192 * 0.02);
  });

  it('rounds the delay to 10 ms within 10..655,350 (§2.2)', () => {
    expect([gifDelay(20), gifDelay(24), gifDelay(25), gifDelay(200), gifDelay(655_350), gifDelay(1e9)]).toEqual([20, 20, 30, 200, 655_350, 655_350]);
  });

  it('edits: every frame is built on the first image', async () => {
    const photo = await rgbaPng(128, 128, (x, y) => [x * 2, y * 2, 200, 255]);
    const gif = await renderGifEdit(spec({ width: 128, height: 128 }), { images: [photo], maskFromImageAlpha: false }, 1, { frames: 3, delayMs: 200 }, false);
    const { meta, list } = await frames(gif);
    expect(meta).toMatchObject({ pages: 3, width: 128, pageHeight: 128 });
    expect(meta.delay).toEqual([200, 200, 200]);
    expect(differing(list[0], list[1])).toBeGreaterThan(0);
  });
});

describe('complexity', () => {
  it('low draws fewer shapes than medium, high more and finer detail', () => {
    expect(shapeCount(8, 'low')).toBeLessThan(shapeCount(8, 'medium'));
    expect(shapeCount(8, 'high')).toBeGreaterThan(shapeCount(8, 'medium'));
    const count = (svg: string) => (svg.match(/<(circle|rect) /g) ?? []).length;
    expect(count(sceneSvg(spec({ complexity: 'low' })))).toBeLessThan(count(sceneSvg(spec({ complexity: 'high' }))));
  });

  it('changes the rendered picture', async () => {
    const [low, high] = await Promise.all(['low', 'high'].map((c) => renderGeneration(spec({ complexity: c as 'low' | 'high' }), 1, { format: 'png', transparent: false })));
    const [a, b] = await Promise.all([decodeRgba(low), decodeRgba(high)]);
    expect(differing(a.data, b.data)).toBeGreaterThan(256 * 192 * 0.05);
  });

  it('left out, the scene is the one before 2.6 (same seed, same picture)', () => {
    expect(sceneSvg(spec())).toBe(sceneSvg(spec({ complexity: undefined, phase: 0 })));
  });
});

describe('SVG output', () => {

  it('is well-formed XML with an svg root, the shapes, the prompt as <text> and the SYNTHETIC label', async () => {
    const doc = authorSvg(spec({ prompt: 'a <red> fox & "blue" snow' }), { model: 'gpt-6-luna', effort: 'high' });
    const xml = await parseXml(doc);
    expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xml.documentElement.localName).toBe('svg');
    expect(xml.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(xml.getElementsByTagName('circle').length + xml.getElementsByTagName('rect').length).toBeGreaterThan(3);
    const texts = [...xml.getElementsByTagName('text')].map((t) => t.textContent ?? '');
    expect(texts.join(' ')).toContain('a <red> fox & "blue" snow');
    expect(texts.join(' ')).toContain('SYNTHETIC');
    expect(sniffOutput(Buffer.from(doc))).toMatchObject({ format: 'svg', width: 256, height: 192 });
    expect(doc).not.toMatch(/<script|on\w+=|href=/i);
  });

  it('the hostile_svg fault plants a script, onload, handlers, external hrefs, a foreignObject and an @import, still well-formed', async () => {
    const doc = plantHostile(authorSvg(spec(), { model: 'gpt-6-luna' }));
    for (const part of Object.values(HOSTILE_SVG_PARTS)) expect(doc).toContain(part);
    const xml = await parseXml(doc);
    expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xml.documentElement.getAttribute('onload')).toContain('__offlineHostile');
    expect(xml.getElementsByTagName('script')).toHaveLength(1);
    expect(xml.getElementsByTagName('foreignObject')).toHaveLength(1);
  });

  it('svg_usage: the model, input from the prompt and raster, output including reasoning that grows with effort', () => {
    const doc = authorSvg(spec(), { model: 'gpt-6-luna' });
    const at = (effort?: string) => svgUsage(doc, 'a fox', { width: 1024, height: 1024 }, { model: 'gpt-6-luna', effort });
    const none = at('none');
    expect(none.model).toBe('gpt-6-luna');
    expect(none.reasoning_tokens).toBe(0);
    expect(none.output_tokens).toBeGreaterThan(100);
    expect(at('low').reasoning_tokens).toBeLessThan(at('high').reasoning_tokens);
    expect(at('high').reasoning_tokens).toBeLessThan(at('max').reasoning_tokens);
    for (const u of [none, at(), at('max')]) {
      expect(u.total_tokens).toBe(u.input_tokens + u.output_tokens);
      expect(u.output_tokens).toBeGreaterThan(u.reasoning_tokens);
    }
  });
});

describe('markup', () => {
  const W = 200;
  const H = 160;
  const marks = () => rgbaPng(W, H, (x, y) => (Math.hypot(x - 60, y - 60) < 20 && Math.hypot(x - 60, y - 60) > 16) || (y === 120 && x > 100 && x < 180) ? [255, 0, 0, 255] : [0, 0, 0, 0]);

  it('changes the marked pixels and leaves everything farther than the margin exactly as the ordinary edit', async () => {
    const photo = await rgbaPng(W, H, (x, y) => [x, y, 120, 255]);
    const markup = await marks();
    const s = spec({ width: W, height: H });
    const plain = await decodeRgba(await renderEdit(s, { images: [photo], maskFromImageAlpha: false }, 1, { format: 'png', transparent: false }));
    const marked = await decodeRgba(await renderEdit(s, { images: [photo], maskFromImageAlpha: false, markup }, 1, { format: 'png', transparent: false }));
    const m = await decodeRgba(markup);
    let onMarks = 0, changedOnMarks = 0, far = 0, farChanged = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const i = 4 * (y * W + x);
        const same = plain.data[i] === marked.data[i] && plain.data[i + 1] === marked.data[i + 1] && plain.data[i + 2] === marked.data[i + 2];
        if (m.data[i + 3] > 0) {
          onMarks++;
          if (!same) changedOnMarks++;
        }
        const nearMark = Math.hypot(x - 60, y - 60) < 30 || (y > 108 && y < 132 && x > 90 && x < 190);
        if (!nearMark) {
          far++;
          if (!same) farChanged++;
        }
      }
    }
    expect(onMarks).toBeGreaterThan(100);
    expect(changedOnMarks).toBe(onMarks);
    expect(far).toBeGreaterThan(W * H * 0.5);
    expect(farChanged).toBe(0);
  });

  it('an empty markup changes nothing; the summary finds the marks and their box', async () => {
    const rgba = Buffer.alloc(W * H * 4, 77);
    const before = Buffer.from(rgba);
    await applyMarkup(rgba, W, H, await rgbaPng(W, H, () => [0, 0, 0, 0]));
    expect(rgba.equals(before)).toBe(true);
    const summary = await summariseMarkup(await marks(), W, H);
    expect(summary.box).toEqual({ x: 41, y: 41, width: 139, height: 80 });
    expect(summary.marked).toBeGreaterThan(0);
    expect(summary.changed).toBeGreaterThan(summary.marked);
  });
});
