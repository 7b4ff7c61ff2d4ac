/**
 * Tell an image's type, size and whether it can carry alpha from its first bytes, never from its name
 * (the SDK's `toFile` without a name sends `unknown_file`, api-reference §2). Header reads only: no decode.
 */
import type { ImageFileType, OutputFormat } from '../models/types';

export interface ImageInfo {
  type: ImageFileType;
  width: number;
  height: number;
  /** The format stores an alpha channel (PNG colour type 4/6 or tRNS, WebP alpha flag). */
  hasAlpha: boolean;
}

export const MIME: Record<ImageFileType, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };
/** What an answer can carry: the input types plus gpt-image-2.6's gif and svg. */
export const OUTPUT_MIME: Record<OutputFormat, string> = { ...MIME, gif: 'image/gif', svg: 'image/svg+xml' };

function u32be(b: Uint8Array, o: number): number {
  return ((b[o] << 24) >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3];
}

function ascii(b: Uint8Array, o: number, n: number): string {
  return String.fromCharCode(...b.subarray(o, o + n));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function sniffPng(b: Uint8Array): ImageInfo | null {
  if (b.length < 33 || !PNG_SIGNATURE.every((v, i) => b[i] === v) || ascii(b, 12, 4) !== 'IHDR') return null;
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  const colorType = b[25];
  let hasAlpha = colorType === 4 || colorType === 6;
  // A tRNS chunk before IDAT gives palette or grey images transparency.
  for (let o = 33; !hasAlpha && o + 8 <= b.length; ) {
    const len = u32be(b, o);
    const kind = ascii(b, o + 4, 4);
    if (kind === 'tRNS') hasAlpha = true;
    if (kind === 'IDAT' || kind === 'IEND') break;
    o += 12 + len;
  }
  return width && height ? { type: 'png', width, height, hasAlpha } : null;
}

function sniffJpeg(b: Uint8Array): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return null;
    const marker = b[o + 1];
    if (marker === 0xff) {
      o += 1;
      continue;
    }
    const len = (b[o + 2] << 8) + b[o + 3];
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (b[o + 5] << 8) + b[o + 6];
      const width = (b[o + 7] << 8) + b[o + 8];
      return width && height ? { type: 'jpeg', width, height, hasAlpha: false } : null;
    }
    o += 2 + len;
  }
  return null;
}

function sniffWebp(b: Uint8Array): ImageInfo | null {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') {
    const width = 1 + (b[24] | (b[25] << 8) | (b[26] << 16));
    const height = 1 + (b[27] | (b[28] << 8) | (b[29] << 16));
    return { type: 'webp', width, height, hasAlpha: (b[20] & 0x10) !== 0 };
  }
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    const width = 1 + (bits & 0x3fff);
    const height = 1 + ((bits >>> 14) & 0x3fff);
    return { type: 'webp', width, height, hasAlpha: ((bits >>> 28) & 1) === 1 };
  }
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    const width = (b[26] | (b[27] << 8)) & 0x3fff;
    const height = (b[28] | (b[29] << 8)) & 0x3fff;
    return width && height ? { type: 'webp', width, height, hasAlpha: false } : null;
  }
  return null;
}

/** The image's type and size from its bytes, or null when the bytes are not a PNG, JPEG or WebP. */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  return sniffPng(bytes) ?? sniffJpeg(bytes) ?? sniffWebp(bytes);
}

/** What an answer's bytes are (api-2026-12 §7.7: decode the real format, never trust `output_format`). */
export interface OutputInfo {
  format: OutputFormat;
  mime: string;
  /** From the header when it says (PNG, JPEG, WebP, GIF's logical screen, an SVG's numeric width/height); else absent. */
  width?: number;
  height?: number;
  hasAlpha?: boolean;
}

function sniffGif(b: Uint8Array): OutputInfo | null {
  if (b.length < 13) return null;
  const sig = ascii(b, 0, 6);
  if (sig !== 'GIF87a' && sig !== 'GIF89a') return null;
  const width = b[6] | (b[7] << 8);
  const height = b[8] | (b[9] << 8);
  return { format: 'gif', mime: OUTPUT_MIME.gif, ...(width && height ? { width, height } : {}) };
}

/** How much of a text document is read to find the root element: prologs and comments are short. */
const SVG_SCAN = 4096;

/**
 * An SVG document: after an optional BOM, XML declaration, whitespace, comments, processing instructions and a
 * DOCTYPE (with or without an internal subset), the root element is `<svg` (or a prefixed `<x:svg`).
 */
function sniffSvg(b: Uint8Array): OutputInfo | null {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, SVG_SCAN));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      if (close < 0) return null;
      if (bracket >= 0 && bracket < close) {
        const end = text.indexOf(']', bracket);
        const after = end < 0 ? -1 : text.indexOf('>', end);
        if (after < 0) return null;
        i = after + 1;
      } else i = close + 1;
    } else break;
  }
  const root = /^<(?:[A-Za-z_][\w.-]*:)?svg(?=[\s/>])([^>]*)>?/.exec(text.slice(i));
  if (!root) return null;
  const attr = (name: string) => {
    const m = new RegExp(`\\s${name}\\s*=\\s*["']\\s*(\\d+(?:\\.\\d+)?)\\s*(?:px)?\\s*["']`).exec(root[1]);
    return m ? Math.round(Number(m[1])) : 0;
  };
  const width = attr('width');
  const height = attr('height');
  return { format: 'svg', mime: OUTPUT_MIME.svg, ...(width && height ? { width, height } : {}) };
}

/**
 * The real format of an answer's image, from its bytes: PNG, JPEG, WebP, GIF (GIF87a/GIF89a) or SVG, or null.
 * Use this for what comes back (a webp request may return PNG bytes, an svg request must return an `<svg>`
 * document); sniffImage stays the check for uploads, which take PNG, JPEG and WebP only.
 */
export function sniffOutput(bytes: Uint8Array): OutputInfo | null {
  const still = sniffImage(bytes);
  if (still) return { format: still.type, mime: MIME[still.type], width: still.width, height: still.height, hasAlpha: still.hasAlpha };
  return sniffGif(bytes) ?? sniffSvg(bytes);
}
