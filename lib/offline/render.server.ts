import 'server-only';
/**
 * Turn a scene into image bytes with sharp: generations, edits that honour the mask exactly, and variations.
 * `detail` (0..1] renders at a fraction of the resolution and scales back up with hard edges: lower quality
 * and earlier partial images look blockier, and each partial visibly refines toward the final image.
 */
import sharp, { type Sharp } from 'sharp';
import type { OutputFormat } from '../models/types';
import { prng, sceneSvg, type SceneSpec } from './scene.server';
import { textPath } from './pixel-font.server';
import { blendThroughMask } from '../mask/blend';

export interface EncodeOptions {
  format: OutputFormat;
  /** 0–100, jpeg/webp only. */
  compression?: number;
  transparent: boolean;
}

// Speed over size: the offline API's PNGs are synthetic and local; level 2 is several times faster than 6.
const PNG_OPTIONS = { compressionLevel: 2, adaptiveFiltering: false } as const;

function encode(pipeline: Sharp, { format, compression, transparent }: EncodeOptions): Promise<Buffer> {
  const quality = Math.max(1, Math.min(100, compression ?? 100));
  if (format === 'jpeg') return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality }).toBuffer();
  const p = transparent ? pipeline.ensureAlpha() : pipeline.flatten({ background: '#ffffff' });
  if (format === 'webp') return p.webp({ quality, alphaQuality: 100 }).toBuffer();
  return p.png(PNG_OPTIONS).toBuffer();
}

function renderSize(width: number, height: number, detail: number) {
  return { w: Math.max(8, Math.round(width * detail)), h: Math.max(8, Math.round(height * detail)) };
}

/** Blocky upscale of a lower-detail render to full size. */
function toFullSize(p: Sharp, width: number, height: number, detail: number): Sharp {
  return detail < 1 ? p.resize(width, height, { kernel: 'nearest', fit: 'fill' }) : p;
}

/** The generation's pipeline at full size (not yet encoded). */
async function generationPipeline(spec: SceneSpec, detail: number, transparent: boolean): Promise<Sharp> {
  const { w, h } = renderSize(spec.width, spec.height, detail);
  const svg = sceneSvg({ ...spec, transparent }, w, h);
  const p = sharp(Buffer.from(svg), { density: 72 });
  // A resize after SVG rasterisation needs the raster materialised first.
  const full = detail < 1 ? sharp(await p.png({ compressionLevel: 0 }).toBuffer()) : p;
  return toFullSize(full, spec.width, spec.height, detail);
}

export async function renderGeneration(spec: SceneSpec, detail: number, enc: EncodeOptions): Promise<Buffer> {
  return encode(await generationPipeline(spec, detail, enc.transparent), enc);
}

async function rawRgba(input: Uint8Array | Buffer, width: number, height: number): Promise<Buffer> {
  let p = sharp(input).ensureAlpha();
  const meta = await sharp(input).metadata();
  if (meta.width !== width || meta.height !== height) p = p.resize(width, height, { fit: 'fill' });
  return p.raw().toBuffer();
}

export interface EditInputs {
  /** Encoded reference images; the first is the one the mask applies to. */
  images: Uint8Array[];
  mask?: Uint8Array;
  /** dall-e-2 without a mask: the first image's own alpha is the mask. */
  maskFromImageAlpha: boolean;
  /** gpt-image-2.6's markup (api-2026-12 §2.4): marks on a transparent PNG the first image's size. */
  markup?: Uint8Array;
}

/**
 * An edit: new content built on the references (the first one recoloured, the others as thumbnails, the prompt
 * scene on top), then blended with the first image through the mask: alpha 255 keeps the original pixel
 * exactly, 0 takes the new content, values between blend. Without a mask the whole picture is new.
 */
export async function renderEdit(spec: SceneSpec, inputs: EditInputs, detail: number, enc: EncodeOptions): Promise<Buffer> {
  const { data, keepAlpha } = await editRaw(spec, inputs, detail, enc.transparent);
  // Keep the alpha channel whenever the originals had it, so unmasked pixels stay exactly as they were.
  return encode(sharp(data, { raw: { width: spec.width, height: spec.height, channels: 4 } }), { ...enc, transparent: enc.transparent || keepAlpha });
}

/** An edit as raw RGBA at the scene's size, markup applied; `keepAlpha` when a mask's transparency must survive. */
async function editRaw(spec: SceneSpec, inputs: EditInputs, detail: number, transparent: boolean): Promise<{ data: Buffer; keepAlpha: boolean }> {
  const { width, height } = spec;
  const base = await rawRgba(inputs.images[0], width, height);
  const rand = prng(`edit\u0000${spec.seed}`);
  const thumb = Math.max(16, Math.round(Math.min(width, height) / 6));
  const room = Math.floor((width - thumb * 0.2) / (thumb * 1.1));
  const thumbs = await Promise.all(
    inputs.images.slice(1, 1 + Math.min(6, room)).map(async (img, i) => ({
      input: await sharp(img).resize(thumb, thumb, { fit: 'cover' }).png(PNG_OPTIONS).toBuffer(),
      left: Math.round(thumb * 0.2 + i * thumb * 1.1),
      top: Math.round(height * 0.12),
    })),
  );
  const overlay = Buffer.from(sceneSvg({ ...spec, transparent: true }));
  const layers = [{ input: overlay, left: 0, top: 0 }, ...thumbs];
  const raw = { width, height, channels: 4 } as const;
  let tinted: Sharp;
  if (transparent) {
    tinted = sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } });
  } else {
    // The recoloured first image sits on the prompt's opaque scene, so its transparent parts get new content
    // too: dall-e-2 without a mask edits exactly there. (sharp takes one composite() per pipeline, hence raw.)
    const recoloured = await sharp(base, { raw }).modulate({ hue: Math.round(60 + rand() * 240), saturation: 1.3 }).raw().toBuffer();
    const backdrop = sharp(Buffer.from(sceneSvg({ ...spec, transparent: false })), { density: 72 }).composite([{ input: recoloured, raw }]);
    tinted = sharp(await backdrop.ensureAlpha().raw().toBuffer(), { raw });
  }
  let fresh = await tinted.composite(layers).ensureAlpha().raw().toBuffer();
  if (detail < 1) {
    const { w, h } = renderSize(width, height, detail);
    // sharp keeps only the last resize() of a pipeline: materialise the small copy before the blocky upscale,
    // or low quality and partial images come out identical to the final one.
    const small = await sharp(fresh, { raw }).resize(w, h, { fit: 'fill' }).raw().toBuffer();
    fresh = await sharp(small, { raw: { width: w, height: h, channels: 4 } }).resize(width, height, { kernel: 'nearest', fit: 'fill' }).raw().toBuffer();
  }

  let alpha: Buffer | null = null;
  if (inputs.mask) alpha = await rawRgba(inputs.mask, width, height);
  else if (inputs.maskFromImageAlpha) alpha = base;
  const out = alpha ? blendThroughMask(base, fresh, alpha, Buffer.allocUnsafe(base.length)) : fresh;
  if (inputs.markup) await applyMarkup(out, width, height, inputs.markup);
  return { data: out, keepAlpha: !!alpha };
}

/** A recognisable variant: the same picture with its hue turned, mirrored on every other one, and labelled. */
export async function renderVariation(image: Uint8Array, size: number, index: number, seed: string): Promise<Buffer> {
  const rand = prng(`variation\u0000${seed}\u0000${index}`);
  let p = sharp(image).resize(size, size, { fit: 'fill' }).modulate({ hue: Math.round(30 + rand() * 300), saturation: 1.1 });
  if (index % 2 === 1) p = p.flop();
  const cell = Math.max(1, Math.round(size / 200));
  const text = `SYNTHETIC VARIATION ${index + 1}`;
  const label = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" shape-rendering="crispEdges">` +
      `<rect width="${(text.length * 6 + 4) * cell}" height="${11 * cell}" fill="#000" fill-opacity="0.6"/>` +
      `<path d="${textPath(text, 2 * cell, 2 * cell, cell)}" fill="#ffeb3b"/></svg>`,
  );
  return encode(p.composite([{ input: label, left: 0, top: 0 }]), { format: 'png', transparent: true });
}

/** What the markup marked: how much of the picture, and where (in output pixels). */
export interface MarkupSummary {
  /** Pixels with a mark (alpha > 0 in the markup), as a share of the picture. */
  marked: number;
  /** Pixels the edit changed for the marks (the marks and a margin round them), as a share of the picture. */
  changed: number;
  /** Bounding box of the marks, or null when the markup has none. */
  box: { x: number; y: number; width: number; height: number } | null;
}

/** A mark's reach: the model changes what a mark points at, not only the stroke's pixels. */
function markupMargin(width: number, height: number): number {
  return Math.max(2, Math.round(Math.min(width, height) * 0.02));
}

/** Grow a 0/1 map by `r` pixels in each direction (a square window), in O(width × height). */
function dilate(map: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const rows = new Uint8Array(map.length);
  for (let y = 0; y < height; y++) {
    const o = y * width;
    let count = 0;
    for (let x = 0; x < Math.min(width, r); x++) count += map[o + x];
    for (let x = 0; x < width; x++) {
      if (x + r < width) count += map[o + x + r];
      if (x - r - 1 >= 0) count -= map[o + x - r - 1];
      rows[o + x] = count > 0 ? 1 : 0;
    }
  }
  const out = new Uint8Array(map.length);
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let y = 0; y < Math.min(height, r); y++) count += rows[y * width + x];
    for (let y = 0; y < height; y++) {
      if (y + r < height) count += rows[(y + r) * width + x];
      if (y - r - 1 >= 0) count -= rows[(y - r - 1) * width + x];
      out[y * width + x] = count > 0 ? 1 : 0;
    }
  }
  return out;
}

/** Where a markup PNG has marks (alpha > 0), at `width`×`height` (scaled when the output size differs). */
async function markMap(markup: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const meta = await sharp(markup).metadata();
  let p = sharp(markup).ensureAlpha();
  if (meta.width !== width || meta.height !== height) p = p.resize(width, height, { fit: 'fill', kernel: 'nearest' });
  const rgba = await p.raw().toBuffer();
  const map = new Uint8Array(width * height);
  for (let i = 0; i < map.length; i++) map[i] = rgba[4 * i + 3] > 0 ? 1 : 0;
  return map;
}

/** Summarise a markup for the answer's `revised_prompt`. */
export async function summariseMarkup(markup: Uint8Array, width: number, height: number): Promise<MarkupSummary> {
  const map = await markMap(markup, width, height);
  const grown = dilate(map, width, height, markupMargin(width, height));
  let marked = 0;
  let changed = 0;
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      changed += grown[i];
      if (!map[i]) continue;
      marked++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  const area = width * height;
  return { marked: marked / area, changed: changed / area, box: marked ? { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 } : null };
}

/**
 * Follow the marks: where the markup has marks (and a small margin round them) the edit's content is redrawn —
 * its hue turned half round, more saturated and opaque — and everywhere else it stays exactly the ordinary edit.
 * The marks themselves are not drawn into the result, as the guide describes (they say what to change).
 */
export async function applyMarkup(rgba: Buffer, width: number, height: number, markup: Uint8Array): Promise<void> {
  const region = dilate(await markMap(markup, width, height), width, height, markupMargin(width, height));
  const changed = await sharp(rgba, { raw: { width, height, channels: 4 } }).modulate({ hue: 180, saturation: 1.6, brightness: 1.1 }).raw().toBuffer();
  for (let i = 0; i < region.length; i++) {
    if (!region[i]) continue;
    const o = 4 * i;
    // A dark or grey pixel keeps its look under a hue turn: invert those, so every marked pixel visibly changes.
    const grey = Math.abs(changed[o] - rgba[o]) + Math.abs(changed[o + 1] - rgba[o + 1]) + Math.abs(changed[o + 2] - rgba[o + 2]) < 48;
    rgba[o] = grey ? 255 - rgba[o] : changed[o];
    rgba[o + 1] = grey ? 255 - rgba[o + 1] : changed[o + 1];
    rgba[o + 2] = grey ? 255 - rgba[o + 2] : changed[o + 2];
    rgba[o + 3] = 255;
  }
}

/** A GIF's frames: how many, and each one's delay as asked (rounded to 10 ms when encoded). */
export interface GifOptions {
  frames: number;
  delayMs: number;
}

/** api-2026-12 §2.2: "The delay is rounded to the nearest 10 ms, with a ceiling of 655,350 ms per frame." */
export function gifDelay(ms: number): number {
  return Math.min(655_350, Math.max(10, Math.round(ms / 10) * 10));
}

/** Stack frames (raw RGBA, each width×height) into one animated GIF that loops forever. */
async function encodeGif(frames: Buffer[], width: number, height: number, delayMs: number, transparent: boolean): Promise<Buffer> {
  const sheet = Buffer.concat(frames);
  let p = sharp(sheet, { raw: { width, height: height * frames.length, channels: 4, pageHeight: height } });
  if (!transparent) p = p.flatten({ background: '#ffffff' });
  return p.gif({ delay: frames.map(() => gifDelay(delayMs)), loop: 0, keepDuplicateFrames: true, effort: 4, dither: 0.5 }).toBuffer();
}

function frameScene(spec: SceneSpec, i: number, frames: number): SceneSpec {
  return { ...spec, phase: i / frames, frameLabel: `FRAME ${i + 1}/${frames}` };
}

/** An animated generation: the scene moving through one loop, frame i at phase i / frames. */
export async function renderGifGeneration(spec: SceneSpec, detail: number, gif: GifOptions, transparent: boolean): Promise<Buffer> {
  const frames: Buffer[] = [];
  for (let i = 0; i < gif.frames; i++) {
    const p = await generationPipeline(frameScene(spec, i, gif.frames), detail, transparent);
    frames.push(await p.ensureAlpha().raw().toBuffer());
  }
  return encodeGif(frames, spec.width, spec.height, gif.delayMs, transparent);
}

/** An animated edit: every frame the edit of the first image (and markup), with the scene moving on it. */
export async function renderGifEdit(spec: SceneSpec, inputs: EditInputs, detail: number, gif: GifOptions, transparent: boolean): Promise<Buffer> {
  const frames: Buffer[] = [];
  for (let i = 0; i < gif.frames; i++) frames.push((await editRaw(frameScene(spec, i, gif.frames), inputs, detail, transparent)).data);
  return encodeGif(frames, spec.width, spec.height, gif.delayMs, transparent);
}
