/**
 * The mask as a list of operations in IMAGE pixel coordinates. Coverage 1 = painted = area to edit
 * (exported as alpha 0). Vector ops keep strokes crisp at any zoom and undo cheap; ops are never mutated,
 * so history snapshots share them.
 */

export type PaintTool = 'brush' | 'eraser';

export interface StrokeOp {
  kind: 'stroke';
  tool: PaintTool;
  /** Flat x,y pairs in image pixels; a Float32Array once the stroke is finished. */
  points: ArrayLike<number>;
  /** Diameter in image pixels. */
  size: number;
  /** Soft edge in image pixels (0 = hard, anti-aliased edge). */
  feather: number;
}

/** A mask loaded from a file: replaces everything before it. */
export interface Coverage {
  width: number;
  height: number;
  /** Black pixels whose alpha is the coverage (an ImageBitmap in the browser). */
  source: CanvasImageSource;
  state: CoverageState;
}

export type MaskOp = StrokeOp | { kind: 'invert' } | { kind: 'clear' } | { kind: 'bitmap'; coverage: Coverage };

export type CoverageState = 'empty' | 'full' | 'partial';

export interface Size {
  width: number;
  height: number;
}

/**
 * Appends points to a stroke, skipping those closer than minDistance to the last kept one (sub-pixel
 * jitter costs memory and render time without changing the mask). Returns the same array when nothing was kept.
 */
export function appendPoints(points: readonly number[], xy: readonly number[], minDistance: number): readonly number[] {
  let out: number[] | null = null;
  let lx = points[points.length - 2];
  let ly = points[points.length - 1];
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (lx !== undefined && Math.hypot(x - lx, y - ly) < minDistance) continue;
    out ??= points.slice();
    out.push(x, y);
    lx = x;
    ly = y;
  }
  return out ?? points;
}

/** Axis-aligned bounds of flat x,y points, grown by `pad` on every side (a brush's or a pen's radius). */
export function pointsBounds(points: ArrayLike<number>, pad: number): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    x0 = Math.min(x0, points[i]);
    x1 = Math.max(x1, points[i]);
    y0 = Math.min(y0, points[i + 1]);
    y1 = Math.max(y1, points[i + 1]);
  }
  return { x0: x0 - pad, y0: y0 - pad, x1: x1 + pad, y1: y1 + pad };
}

/** Axis-aligned bounds of a stroke including its brush radius and soft edge. */
export function strokeBounds(op: StrokeOp): { x0: number; y0: number; x1: number; y1: number } {
  return pointsBounds(op.points, op.size / 2 + op.feather * 1.5);
}

function touchesImage(op: StrokeOp, image: Size): boolean {
  if (op.points.length < 2) return false;
  const b = strokeBounds(op);
  return b.x1 > 0 && b.y1 > 0 && b.x0 < image.width && b.y0 < image.height;
}

/** Ops after the last clear or loaded bitmap: the ones before cannot change the result. */
export function liveOps(ops: readonly MaskOp[]): readonly MaskOp[] {
  for (let i = ops.length - 1; i >= 0; i--) {
    const k = ops[i].kind;
    if (k === 'bitmap') return ops.slice(i);
    if (k === 'clear') return ops.slice(i + 1);
  }
  return ops;
}

/**
 * What the ops leave, as far as it can be told without drawing: 'unknown' when an eraser stroke may or may
 * not have removed everything (the caller then looks at the pixels).
 */
export function coverageState(ops: readonly MaskOp[], image: Size): CoverageState | 'unknown' {
  let s: CoverageState | 'unknown' = 'empty';
  for (const op of liveOps(ops)) {
    if (op.kind === 'bitmap') s = op.coverage.state;
    else if (op.kind === 'invert') s = s === 'empty' ? 'full' : s === 'full' ? 'empty' : s;
    else if (op.kind === 'stroke' && touchesImage(op, image)) {
      if (op.tool === 'brush') s = s === 'full' ? 'full' : 'partial';
      else if (s !== 'empty') s = 'unknown';
    }
  }
  return s;
}

/** Approximate bytes an op holds: its point coordinates, or its bitmap's RGBA pixels. */
export function opBytes(op: MaskOp): number {
  if (op.kind === 'stroke') {
    const per = op.points instanceof Float32Array ? 4 : 8;
    return 48 + op.points.length * per;
  }
  if (op.kind === 'bitmap') return 64 + op.coverage.width * op.coverage.height * 4;
  return 16;
}
