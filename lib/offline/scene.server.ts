import 'server-only';
/**
 * The offline API's synthetic picture as SVG: a gradient and shapes chosen by a hash of the request, colours
 * taken from colour words in the prompt, the prompt itself printed, and a SYNTHETIC label. Pure: same spec,
 * same SVG.
 */
import { createHash } from 'node:crypto';
import { textPath, textWidth, wrap } from './pixel-font.server';

export interface SceneSpec {
  prompt: string;
  width: number;
  height: number;
  /** Printed in the label: model and settings, so a glance tells what was asked. */
  caption: string;
  transparent: boolean;
  /** Anything else that must change the picture: model, image index, reference hashes. */
  seed: string;
}

const COLOUR_WORDS: Record<string, string> = {
  red: '#e53935', orange: '#fb8c00', yellow: '#fdd835', green: '#43a047', blue: '#1e88e5', purple: '#8e24aa',
  violet: '#7e57c2', pink: '#ec407a', brown: '#6d4c41', black: '#212121', white: '#fafafa', gray: '#9e9e9e',
  grey: '#9e9e9e', cyan: '#00bcd4', teal: '#00897b', gold: '#ffb300', silver: '#bdbdbd', navy: '#1a237e',
};

/** A small deterministic PRNG (mulberry32) seeded from a hash. */
export function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hsl(h: number, s: number, l: number): string {
  return `hsl(${Math.round(h) % 360},${Math.round(s)}%,${Math.round(l)}%)`;
}

export function promptColours(prompt: string): string[] {
  const words = prompt.toLowerCase().match(/[a-z]+/g) ?? [];
  // Own keys only: 'constructor' or '__proto__' in a prompt must not find Object.prototype's members.
  return [...new Set(words.filter((w) => Object.hasOwn(COLOUR_WORDS, w)).map((w) => COLOUR_WORDS[w]))];
}

/** Characters XML 1.0 forbids even escaped (controls, U+FFFE/FFFF, lone surrogates): librsvg refuses the SVG. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeXml(s: string): string {
  return s.replace(NOT_XML, '').replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** The scene as an SVG document of `spec.width`×`spec.height` user units, rendered at `outW`×`outH` pixels. */
export function sceneSvg(spec: SceneSpec, outW = spec.width, outH = spec.height): string {
  const { width: W, height: H } = spec;
  const rand = prng(`${spec.seed}\u0000${spec.prompt}\u0000${W}x${H}`);
  const hue = rand() * 360;
  const colours = promptColours(spec.prompt);
  const short = Math.min(W, H);
  const parts: string[] = [];

  if (!spec.transparent) {
    parts.push(
      `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">` +
        `<stop offset="0" stop-color="${hsl(hue, 55, 78)}"/><stop offset="1" stop-color="${hsl(hue + 70, 50, 42)}"/>` +
        `</linearGradient></defs><rect width="${W}" height="${H}" fill="url(#bg)"/>`,
    );
  }

  // One shape per prompt word (3..12), so longer prompts make busier pictures.
  const wordCount = spec.prompt.trim().split(/\s+/).length;
  const shapes = Math.min(12, Math.max(3, wordCount));
  for (let i = 0; i < shapes; i++) {
    const fill = colours.length ? colours[i % colours.length] : hsl(hue + 137.5 * (i + 1), 70, 55);
    const x = rand() * W;
    const y = rand() * H * 0.75;
    const r = short * (0.06 + rand() * 0.14);
    if (rand() < 0.5) {
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" fill-opacity="0.85"/>`);
    } else {
      const rot = (rand() * 90).toFixed(1);
      parts.push(
        `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}" ` +
          `rx="${(r / 5).toFixed(1)}" fill="${fill}" fill-opacity="0.85" transform="rotate(${rot} ${x.toFixed(1)} ${y.toFixed(1)})"/>`,
      );
    }
  }

  // The prompt, printed on a band at the bottom.
  const cell = Math.max(2, Math.round(short / 170));
  const perLine = Math.max(8, Math.floor((W * 0.92) / (6 * cell)));
  const lines = wrap(spec.prompt, perLine, 3);
  const lineH = 9 * cell;
  const bandH = lines.length * lineH + 3 * cell;
  parts.push(`<rect x="0" y="${H - bandH}" width="${W}" height="${bandH}" fill="#000" fill-opacity="0.55"/>`);
  const promptPath = lines.map((l, i) => textPath(l, Math.round(W * 0.04), H - bandH + 2 * cell + i * lineH, cell)).join('');
  parts.push(`<path d="${promptPath}" fill="#fff"/>`);

  // The label: this picture is synthetic, and what it was asked for.
  const small = Math.max(1, Math.round(cell / 2));
  const label = `SYNTHETIC · OFFLINE IMAGE API · ${spec.caption}`;
  const labelW = textWidth(label, small) + 4 * small;
  parts.push(`<rect x="0" y="0" width="${Math.min(W, labelW)}" height="${11 * small}" fill="#000" fill-opacity="0.6"/>`);
  parts.push(`<path d="${textPath(label, 2 * small, 2 * small, small)}" fill="#ffeb3b"/>`);

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${outW}" height="${outH}" viewBox="0 0 ${W} ${H}" ` +
    `preserveAspectRatio="none" shape-rendering="crispEdges"><title>${escapeXml(spec.prompt.slice(0, 200))}</title>${parts.join('')}</svg>`
  );
}
