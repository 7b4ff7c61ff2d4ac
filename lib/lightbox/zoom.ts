/**
 * The lightbox's view of one image as plain arithmetic: a scale and the image's top-left corner in the stage
 * (CSS pixels), so that a stage point p shows image pixel (p - offset) / scale. Fit, 100 %, zoom about a point
 * (wheel, pinch, keys) and pan all go through `clampView`, which centres an axis where the image is smaller
 * than the stage and otherwise keeps the stage covered (no empty band beside a zoomed-in image).
 */
import type { Size } from '../mask/ops';
import type { Point, View } from '../mask/viewport';

// The painter's view types: the same transform (screen = image × scale + offset), with the lightbox's own limits.
export type { Point, Size, View };

/** Zoom limits: down to a twentieth (or the fit, if smaller), up to 16 screen pixels per image pixel. */
export const MIN_SCALE = 0.05;
export const MAX_SCALE = 16;

const usable = (s: Size) => s.width > 0 && s.height > 0;

export function fitScale(stage: Size, image: Size): number {
  if (!usable(stage) || !usable(image)) return 1;
  return Math.min(stage.width / image.width, stage.height / image.height);
}

function clampScale(scale: number, stage: Size, image: Size): number {
  const low = Math.min(MIN_SCALE, fitScale(stage, image));
  return Math.min(MAX_SCALE, Math.max(low, scale));
}

function clampAxis(offset: number, shown: number, room: number): number {
  if (shown <= room) return (room - shown) / 2;
  return Math.min(0, Math.max(room - shown, offset));
}

export function clampView(view: View, stage: Size, image: Size): View {
  const scale = clampScale(view.scale, stage, image);
  return {
    scale,
    x: clampAxis(view.x, image.width * scale, stage.width),
    y: clampAxis(view.y, image.height * scale, stage.height),
  };
}

/** The whole image, as large as the stage allows, centred. */
export function fitView(stage: Size, image: Size): View {
  return clampView({ scale: fitScale(stage, image), x: 0, y: 0 }, stage, image);
}

/** Scale `factor` times about stage point `about`: the image pixel under it stays under it. */
export function zoomAbout(view: View, factor: number, about: Point, stage: Size, image: Size): View {
  const scale = clampScale(view.scale * factor, stage, image);
  const k = scale / view.scale;
  return clampView({ scale, x: about.x - (about.x - view.x) * k, y: about.y - (about.y - view.y) * k }, stage, image);
}

/** One image pixel per CSS pixel, about `about` (the stage's centre by default). */
export function actualSizeView(view: View, stage: Size, image: Size, about: Point = { x: stage.width / 2, y: stage.height / 2 }): View {
  return zoomAbout(view, 1 / view.scale, about, stage, image);
}

export function panBy(view: View, dx: number, dy: number, stage: Size, image: Size): View {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, stage, image);
}

/** A wheel event's zoom factor: trackpad pinches arrive as ctrl+wheel with small deltas, so they count more. */
export function wheelFactor(deltaY: number, deltaMode: number, ctrlKey: boolean): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-pixels * (ctrlKey ? 0.01 : 0.002));
}

export const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
export const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
