/**
 * Draws mask ops onto any 2D context under its current transform, coverage in the alpha channel: the same
 * code renders the export (1:1, black) and the on-screen overlay (zoomed, in the overlay colour), so what is
 * seen is what is sent and strokes are re-rasterised crisply at every zoom.
 */
import type { MaskOp, Size, StrokeOp } from './ops';

export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface RenderOptions extends Size {
  /** Colour of the coverage: black for the export, the overlay colour on screen. */
  color: string;
}

/** Device pixels per image pixel under the context's transform. */
function deviceScale(ctx: Ctx2D): number {
  const m = ctx.getTransform();
  return Math.hypot(m.a, m.b) || 1;
}

function tracePath(ctx: Ctx2D, p: ArrayLike<number>): void {
  const n = p.length >> 1;
  ctx.moveTo(p[0], p[1]);
  // A single point: a zero-length segment would depend on the browser's cap rules; a tiny one is a round dot.
  if (n === 1) ctx.lineTo(p[0] + 0.001, p[1]);
  if (n === 2) ctx.lineTo(p[2], p[3]);
  // Quadratic curves through the midpoints: smooth strokes from sparse pointer samples.
  for (let i = 1; i < n - 1; i++) {
    const last = i === n - 2;
    ctx.quadraticCurveTo(p[2 * i], p[2 * i + 1], last ? p[2 * i + 2] : (p[2 * i] + p[2 * i + 2]) / 2, last ? p[2 * i + 3] : (p[2 * i + 1] + p[2 * i + 3]) / 2);
  }
}

/** Strokes drawn together when consecutive with the same tool, size and soft edge. */
export function sameRun(a: MaskOp | undefined, b: MaskOp | undefined): boolean {
  return a?.kind === 'stroke' && b?.kind === 'stroke' && a.tool === b.tool && a.size === b.size && a.feather === b.feather;
}

/**
 * Draws strokes of one run as one path: one soft edge for the painted shape as a whole (so overlaps do not
 * harden it), and one blur instead of one per stroke, which is what makes a 4K export fast on a CPU.
 */
export function renderStrokes(ctx: Ctx2D, strokes: readonly StrokeOp[], color: string): void {
  const op = strokes[0];
  if (!op) return;
  ctx.save();
  ctx.globalCompositeOperation = op.tool === 'eraser' ? 'destination-out' : 'source-over';
  ctx.strokeStyle = color;
  ctx.lineWidth = op.size;
  ctx.lineCap = ctx.lineJoin = 'round';
  if (op.feather > 0) {
    // Soft edge from the shadow: the shape is moved off the canvas and its shadow brought back.
    // shadowBlur works in device pixels and, unlike ctx.filter, rasterises fast without a GPU.
    const s = deviceScale(ctx);
    const m = ctx.getTransform();
    let minX = Infinity;
    for (const st of strokes) for (let i = 0; i + 1 < st.points.length; i += 2) minX = Math.min(minX, m.a * st.points[i] + m.c * st.points[i + 1] + m.e);
    const off = Math.ceil(ctx.canvas.width - minX + op.size * s + 64);
    ctx.setTransform(m.a, m.b, m.c, m.d, m.e + off, m.f);
    ctx.shadowOffsetX = -off;
    ctx.shadowOffsetY = 0;
    ctx.shadowBlur = op.feather * s;
    ctx.shadowColor = color;
  }
  ctx.beginPath();
  for (const st of strokes) if (st.points.length >= 2) tracePath(ctx, st.points);
  ctx.stroke();
  ctx.restore();
}

export function renderOp(ctx: Ctx2D, op: MaskOp, o: RenderOptions): void {
  ctx.save();
  switch (op.kind) {
    case 'stroke':
      renderStrokes(ctx, [op], o.color);
      break;
    case 'clear':
      ctx.clearRect(0, 0, o.width, o.height);
      break;
    case 'invert':
      // xor with an opaque rect: alpha becomes 1 − alpha, in the fill colour.
      ctx.globalCompositeOperation = 'xor';
      ctx.fillStyle = o.color;
      ctx.fillRect(0, 0, o.width, o.height);
      break;
    case 'bitmap':
      ctx.clearRect(0, 0, o.width, o.height);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(op.coverage.source, 0, 0, o.width, o.height);
      // Recolour, keeping the alpha (the clip confines it to the image).
      ctx.globalCompositeOperation = 'source-in';
      ctx.fillStyle = o.color;
      ctx.fillRect(0, 0, o.width, o.height);
      break;
  }
  ctx.restore();
}

/** Draws ops in image coordinates, clipped to the image rectangle. */
export function renderOps(ctx: Ctx2D, ops: readonly MaskOp[], o: RenderOptions): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, o.width, o.height);
  ctx.clip();
  for (let i = 0; i < ops.length; ) {
    const op = ops[i];
    if (op.kind !== 'stroke') {
      renderOp(ctx, op, o);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < ops.length && sameRun(op, ops[j])) j++;
    renderStrokes(ctx, ops.slice(i, j) as StrokeOp[], o.color);
    i = j;
  }
  ctx.restore();
}
