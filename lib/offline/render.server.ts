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

export async function renderGeneration(spec: SceneSpec, detail: number, enc: EncodeOptions): Promise<Buffer> {
  const { w, h } = renderSize(spec.width, spec.height, detail);
  const svg = sceneSvg({ ...spec, transparent: enc.transparent }, w, h);
  const p = sharp(Buffer.from(svg), { density: 72 });
  // A resize after SVG rasterisation needs the raster materialised first.
  const full = detail < 1 ? sharp(await p.png({ compressionLevel: 0 }).toBuffer()) : p;
  return encode(toFullSize(full, spec.width, spec.height, detail), enc);
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
}

/**
 * An edit: new content built on the references (the first one recoloured, the others as thumbnails, the prompt
 * scene on top), then blended with the first image through the mask: alpha 255 keeps the original pixel
 * exactly, 0 takes the new content, values between blend. Without a mask the whole picture is new.
 */
export async function renderEdit(spec: SceneSpec, inputs: EditInputs, detail: number, enc: EncodeOptions): Promise<Buffer> {
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
  if (enc.transparent) {
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
  // Keep the alpha channel whenever the originals had it, so unmasked pixels stay exactly as they were.
  return encode(sharp(out, { raw: { width, height, channels: 4 } }), { ...enc, transparent: enc.transparent || !!alpha });
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
