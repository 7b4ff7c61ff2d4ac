/**
 * Markup marks (gpt-image-2.6 markup-guided edits, api-2026-12 §2.4): pen strokes, arrows, ellipses, rectangles
 * and text notes, in the first image's pixels. Pure data and geometry; drawing is in render.ts.
 */
import { pointsBounds } from '../mask/ops';

export type MarkTool = 'pen' | 'arrow' | 'ellipse' | 'rect' | 'text';

export const MARK_TOOLS: readonly { tool: MarkTool; label: string; key: string }[] = [
  { tool: 'pen', label: 'Pen', key: 'P' },
  { tool: 'arrow', label: 'Arrow', key: 'A' },
  { tool: 'ellipse', label: 'Ellipse', key: 'O' },
  { tool: 'rect', label: 'Rectangle', key: 'R' },
  { tool: 'text', label: 'Text note', key: 'T' },
];

interface Style {
  /** CSS colour, opaque (#rrggbb). */
  color: string;
  /** Stroke width in image pixels. */
  width: number;
}

/** Flat x,y image points, at least one point. */
export interface PenMark extends Style {
  kind: 'pen';
  points: Float32Array | readonly number[];
}

/** From (x0, y0) to (x1, y1): the head is at the second point. */
export interface ArrowMark extends Style {
  kind: 'arrow';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Inside the box x..x+w, y..y+h (w, h > 0). */
export interface BoxMark extends Style {
  kind: 'ellipse' | 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Text whose top-left is at (x, y), lines split on \n, in a font `size` image pixels high. */
export interface TextMark extends Style {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  size: number;
}

export type Mark = PenMark | ArrowMark | BoxMark | TextMark;

export interface Size {
  width: number;
  height: number;
}

/** A default stroke width that reads at the image's size: 4 px at 640×480, 18 px at 3840×2160. */
export function defaultStrokeWidth(t: Size): number {
  return Math.max(2, Math.round(Math.min(t.width, t.height) / 120));
}

export function strokeRange(t: Size | null): { min: number; max: number } {
  return { min: 1, max: t ? Math.max(16, Math.round(Math.min(t.width, t.height) / 20)) : 64 };
}

/** A note's font size follows the stroke width, never below 12 image pixels. */
export function textSize(strokeWidth: number): number {
  return Math.max(12, Math.round(strokeWidth * 6));
}

export const LINE_HEIGHT = 1.2;
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const font = (size: number) => `600 ${size}px ${FONT_FAMILY}`;

/** The box two drag corners span (any drag direction). */
export function boxFrom(x0: number, y0: number, x1: number, y1: number): { x: number; y: number; w: number; h: number } {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), w: Math.abs(x1 - x0), h: Math.abs(y1 - y0) };
}

/** Shift-drag: a square box (circle for the ellipse), the larger side kept, growing away from the start. */
export function squareFrom(x0: number, y0: number, x1: number, y1: number): { x: number; y: number; w: number; h: number } {
  const side = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
  return boxFrom(x0, y0, x0 + Math.sign(x1 - x0 || 1) * side, y0 + Math.sign(y1 - y0 || 1) * side);
}

/**
 * The arrow's head: the two barb ends, as long as max(4 × width, 12 px) but never longer than half the shaft,
 * 30° either side of it. Null for an arrow with no length.
 */
export function arrowHead(a: Pick<ArrowMark, 'x0' | 'y0' | 'x1' | 'y1' | 'width'>): { left: [number, number]; right: [number, number]; length: number } | null {
  const dx = a.x1 - a.x0;
  const dy = a.y1 - a.y0;
  const len = Math.hypot(dx, dy);
  if (len === 0) return null;
  const length = Math.min(Math.max(4 * a.width, 12), len / 2);
  const angle = Math.atan2(dy, dx);
  const spread = Math.PI / 6;
  const barb = (s: number): [number, number] => [a.x1 - length * Math.cos(angle + s), a.y1 - length * Math.sin(angle + s)];
  return { left: barb(spread), right: barb(-spread), length };
}

/**
 * Whether a finished drag makes a mark worth keeping: a click without moving draws no arrow, ellipse or box
 * (at least 2 image pixels, or the stroke width); a pen click is a dot; an empty note is nothing.
 */
export function isMeaningful(m: Mark): boolean {
  const min = Math.max(2, m.width);
  switch (m.kind) {
    case 'pen':
      return m.points.length >= 2;
    case 'arrow':
      return Math.hypot(m.x1 - m.x0, m.y1 - m.y0) >= min;
    case 'ellipse':
    case 'rect':
      return m.w >= min || m.h >= min;
    case 'text':
      return m.text.trim().length > 0;
  }
}

/** Bounds of a mark including its stroke (text: estimated at 0.6 em a character). */
export function markBounds(m: Mark): { x0: number; y0: number; x1: number; y1: number } {
  const r = m.width / 2;
  switch (m.kind) {
    case 'pen':
      return pointsBounds(m.points, r);
    case 'arrow': {
      const head = arrowHead(m);
      const xs = [m.x0, m.x1, ...(head ? [head.left[0], head.right[0]] : [])];
      const ys = [m.y0, m.y1, ...(head ? [head.left[1], head.right[1]] : [])];
      return { x0: Math.min(...xs) - r, y0: Math.min(...ys) - r, x1: Math.max(...xs) + r, y1: Math.max(...ys) + r };
    }
    case 'ellipse':
    case 'rect':
      return { x0: m.x - r, y0: m.y - r, x1: m.x + m.w + r, y1: m.y + m.h + r };
    case 'text': {
      const lines = m.text.split('\n');
      const longest = Math.max(...lines.map((l) => l.length));
      return { x0: m.x, y0: m.y, x1: m.x + longest * m.size * 0.6, y1: m.y + lines.length * m.size * LINE_HEIGHT };
    }
  }
}

/**
 * Appends flat x,y points to a growing buffer in place (no copy per move), skipping points closer than
 * minDistance to the last kept one and non-finite ones. Returns the new length (in numbers, not points).
 */
export function appendInPlace(buffer: { data: Float32Array; length: number }, xy: readonly number[], minDistance: number): number {
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const n = buffer.length;
    if (n >= 2 && Math.hypot(x - buffer.data[n - 2], y - buffer.data[n - 1]) < minDistance) continue;
    if (n + 2 > buffer.data.length) {
      const grown = new Float32Array(Math.max(64, buffer.data.length * 2));
      grown.set(buffer.data.subarray(0, n));
      buffer.data = grown;
    }
    buffer.data[n] = x;
    buffer.data[n + 1] = y;
    buffer.length = n + 2;
  }
  return buffer.length;
}

/** What the painter's list and the prompt hint call a mark: "red ellipse", "blue note 'lamp here'". */
export function describeMark(m: Mark): string {
  const name = m.kind === 'rect' ? 'rectangle' : m.kind === 'pen' ? 'pen stroke' : m.kind === 'text' ? 'note' : m.kind;
  const note = m.kind === 'text' ? ` "${m.text.length > 24 ? `${m.text.slice(0, 23)}…` : m.text}"` : '';
  return `${colorName(m.color)} ${name}${note}`;
}

const NAMED: readonly [string, string][] = [
  ['#ef4444', 'red'],
  ['#f59e0b', 'orange'],
  ['#facc15', 'yellow'],
  ['#22c55e', 'green'],
  ['#3b82f6', 'blue'],
  ['#d946ef', 'magenta'],
  ['#ffffff', 'white'],
  ['#000000', 'black'],
];

export const SWATCHES = NAMED.map(([hex, name]) => ({ hex, name }));

/** The swatch name for a swatch colour, else the hex. */
export function colorName(color: string): string {
  const c = color.toLowerCase();
  return NAMED.find(([hex]) => hex === c)?.[1] ?? c;
}
