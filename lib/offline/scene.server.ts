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
  /**
   * gpt-image-2.6's `complexity`: how much detail the scene plans. low draws a third of the shapes and nothing
   * else; high twice as many plus a field of small detail marks and outlines. Left out: the scene as before 2.6.
   */
  complexity?: 'low' | 'medium' | 'high';
  /**
   * A GIF frame's place in its loop, 0 ≤ phase < 1: every shape travels once round its own circle and the gradient
   * turns once, so consecutive frames differ and the last leads back to the first. Left out: 0.
   */
  phase?: number;
  /** Printed after the caption in the label, e.g. `FRAME 2/9`. */
  frameLabel?: string;
}

/** How the scene's text is drawn: pixel-font paths (rasterised, no fonts needed) or real SVG `<text>` (the svg output). */
export type SceneText = 'path' | 'text';

/** Shape counts per complexity, from the prompt-word count (3..12) of the scene without one. */
export function shapeCount(words: number, complexity?: SceneSpec['complexity']): number {
  const base = Math.min(12, Math.max(3, words));
  if (complexity === 'low') return Math.max(2, Math.round(base / 3));
  if (complexity === 'high') return base * 2 + 6;
  return base;
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
export function sceneSvg(spec: SceneSpec, outW = spec.width, outH = spec.height, text: SceneText = 'path'): string {
  const { width: W, height: H } = spec;
  const rand = prng(`${spec.seed}\u0000${spec.prompt}\u0000${W}x${H}`);
  const hue = rand() * 360;
  const colours = promptColours(spec.prompt);
  const short = Math.min(W, H);
  const parts: string[] = [];
  const phase = ((spec.phase ?? 0) % 1 + 1) % 1;
  const turn = 2 * Math.PI * phase;
  const f1 = (v: number) => v.toFixed(1);

  if (!spec.transparent) {
    const spin = phase ? ` gradientTransform="rotate(${f1(360 * phase)} 0.5 0.5)"` : '';
    parts.push(
      `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"${spin}>` +
        `<stop offset="0" stop-color="${hsl(hue, 55, 78)}"/><stop offset="1" stop-color="${hsl(hue + 70, 50, 42)}"/>` +
        `</linearGradient></defs><rect width="${W}" height="${H}" fill="url(#bg)"/>`,
    );
  }

  // One shape per prompt word (3..12), so longer prompts make busier pictures; complexity scales the count.
  const wordCount = spec.prompt.trim().split(/\s+/).length;
  const shapes = shapeCount(wordCount, spec.complexity);
  const outline = spec.complexity === 'high' ? ' stroke="#000" stroke-opacity="0.45" stroke-width="' + f1(Math.max(1, short / 300)) + '"' : '';
  for (let i = 0; i < shapes; i++) {
    const fill = colours.length ? colours[i % colours.length] : hsl(hue + 137.5 * (i + 1), 70, 55);
    let x = rand() * W;
    let y = rand() * H * 0.75;
    const r = short * (0.06 + rand() * 0.14);
    const round = rand() < 0.5;
    // Drawn in the order the still scene always drew them, so a seed keeps its picture.
    const rot0 = round ? 0 : rand() * 90;
    if (phase) {
      // Each shape goes once round a circle of its own radius, starting where it sits in the still picture.
      const orbit = short * (0.08 + 0.1 * ((i * 0.618) % 1));
      const start = i * 2.39996;
      x += orbit * (Math.cos(start + turn) - Math.cos(start));
      y += orbit * (Math.sin(start + turn) - Math.sin(start));
    }
    if (round) {
      parts.push(`<circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(r)}" fill="${fill}" fill-opacity="0.85"${outline}/>`);
    } else {
      const rot = f1(rot0 + 90 * phase);
      parts.push(
        `<rect x="${f1(x - r)}" y="${f1(y - r)}" width="${f1(2 * r)}" height="${f1(2 * r)}" ` +
          `rx="${f1(r / 5)}" fill="${fill}" fill-opacity="0.85"${outline} transform="rotate(${rot} ${f1(x)} ${f1(y)})"/>`,
      );
    }
  }
  if (spec.complexity === 'high') {
    // Fine detail only a high-complexity plan has: a scatter of small marks drifting with the loop.
    const detail = prng(`${spec.seed}\u0000detail`);
    const dots: string[] = [];
    for (let i = 0; i < 48; i++) {
      const x = (detail() * W + phase * W * 0.25) % W;
      const y = detail() * H * 0.8;
      const r = short * (0.005 + detail() * 0.012);
      dots.push(`<circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(r)}"/>`);
    }
    parts.push(`<g fill="${hsl(hue + 180, 80, 25)}" fill-opacity="0.7">${dots.join('')}</g>`);
  }

  // The prompt, printed on a band at the bottom.
  const cell = Math.max(2, Math.round(short / 170));
  const perLine = Math.max(8, Math.floor((W * 0.92) / (6 * cell)));
  const lines = wrap(spec.prompt, perLine, 3);
  const lineH = 9 * cell;
  const bandH = lines.length * lineH + 3 * cell;
  parts.push(`<rect x="0" y="${H - bandH}" width="${W}" height="${bandH}" fill="#000" fill-opacity="0.55"/>`);
  if (text === 'text') {
    const size = 7 * cell;
    // A space ends every line but the last, so the text reads as the prompt (wrapped lines are one sentence).
    const tspans = lines.map((l, i) => `<tspan x="${Math.round(W * 0.04)}" y="${H - bandH + 2 * cell + i * lineH + size}">${escapeXml(l)}${i < lines.length - 1 ? ' ' : ''}</tspan>`).join('');
    parts.push(`<text font-family="DejaVu Sans Mono, monospace" font-size="${size}" fill="#fff">${tspans}</text>`);
  } else {
    const promptPath = lines.map((l, i) => textPath(l, Math.round(W * 0.04), H - bandH + 2 * cell + i * lineH, cell)).join('');
    parts.push(`<path d="${promptPath}" fill="#fff"/>`);
  }

  // The label: this picture is synthetic, and what it was asked for.
  const small = Math.max(1, Math.round(cell / 2));
  const label = `SYNTHETIC · OFFLINE IMAGE API · ${spec.caption}${spec.frameLabel ? ` · ${spec.frameLabel}` : ''}`;
  const labelW = textWidth(label, small) + 4 * small;
  parts.push(`<rect x="0" y="0" width="${Math.min(W, labelW)}" height="${11 * small}" fill="#000" fill-opacity="0.6"/>`);
  if (text === 'text') {
    parts.push(`<text x="${2 * small}" y="${9 * small}" font-family="DejaVu Sans Mono, monospace" font-size="${7 * small}" fill="#ffeb3b">${escapeXml(label)}</text>`);
  } else {
    parts.push(`<path d="${textPath(label, 2 * small, 2 * small, small)}" fill="#ffeb3b"/>`);
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${outW}" height="${outH}" viewBox="0 0 ${W} ${H}" ` +
    `preserveAspectRatio="none" shape-rendering="crispEdges"><title>${escapeXml(spec.prompt.slice(0, 200))}</title>${parts.join('')}</svg>`
  );
}
