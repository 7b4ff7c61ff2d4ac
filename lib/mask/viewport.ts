/**
 * The painter's view transform, immutable: screen = image × scale + (x, y), in CSS pixels of the stage.
 */
import type { Size } from './ops';

export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Point {
  x: number;
  y: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 32;

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** The whole image, centred, as large as fits inside the padding (small images up to 4×). */
export function fit(image: Size, viewport: Size, padding = 16): View {
  const w = Math.max(1, viewport.width - 2 * padding);
  const h = Math.max(1, viewport.height - 2 * padding);
  const scale = clampScale(Math.min(w / image.width, h / image.height, 4));
  return { scale, x: (viewport.width - image.width * scale) / 2, y: (viewport.height - image.height * scale) / 2 };
}

export function screenToImage(view: View, p: Point): Point {
  return { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
}

export function imageToScreen(view: View, p: Point): Point {
  return { x: p.x * view.scale + view.x, y: p.y * view.scale + view.y };
}

/** Zoom by factor keeping the image point under `point` (screen) where it is; clamped to the scale limits. */
export function zoomAtPoint(view: View, point: Point, factor: number): View {
  const scale = clampScale(view.scale * factor);
  const anchor = screenToImage(view, point);
  return { scale, x: point.x - anchor.x * scale, y: point.y - anchor.y * scale };
}

export function pan(view: View, dx: number, dy: number): View {
  return { scale: view.scale, x: view.x + dx, y: view.y + dy };
}

/**
 * Two-finger gesture: the image points that were under the fingers at the start follow them, scaled by how
 * far apart the fingers are now (clamped), anchored at their midpoint.
 */
export function pinch(start: View, a0: Point, b0: Point, a1: Point, b1: Point): View {
  const d0 = Math.max(1, Math.hypot(b0.x - a0.x, b0.y - a0.y));
  const d1 = Math.hypot(b1.x - a1.x, b1.y - a1.y);
  const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
  const m1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 };
  const zoomed = zoomAtPoint(start, m0, d1 / d0);
  return pan(zoomed, m1.x - m0.x, m1.y - m0.y);
}

/** Zoom factor for a wheel event: smooth for pixel deltas (trackpads), ~1.2× a notch for mouse wheels. */
export function wheelFactor(deltaY: number, deltaMode: number, pinchGesture: boolean): number {
  const px = deltaMode === 1 ? deltaY * 40 : deltaMode === 2 ? deltaY * 800 : deltaY;
  const k = pinchGesture ? 0.01 : 0.0015;
  return Math.exp(-Math.max(-600, Math.min(600, px)) * k);
}
