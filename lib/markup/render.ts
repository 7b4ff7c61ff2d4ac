/**
 * Drawing marks on a 2D canvas context: the same code draws them on the painter's stage (under its view
 * transform) and into the exported PNG (at the image's pixel size), so what is sent is what is seen.
 */
import { arrowHead, font, LINE_HEIGHT, type Mark } from './shapes';

/** The part of CanvasRenderingContext2D / OffscreenCanvasRenderingContext2D the marks use. */
export type MarkContext = Pick<
  CanvasRenderingContext2D,
  'save' | 'restore' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'fill' | 'arc' | 'ellipse' | 'rect' | 'fillText' | 'strokeText'
> & {
  strokeStyle: unknown;
  fillStyle: unknown;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  font: string;
  textBaseline: CanvasTextBaseline;
  globalCompositeOperation: GlobalCompositeOperation;
  globalAlpha: number;
};

/** Pen points from index 0 to `length` (a growing buffer may hold more). */
export function drawPen(ctx: MarkContext, points: ArrayLike<number>, length: number, color: string, width: number): void {
  if (length < 2) return;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  if (length < 4) {
    // A click: a dot the stroke's width.
    ctx.beginPath();
    ctx.arc(points[0], points[1], width / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.beginPath();
  ctx.moveTo(points[0], points[1]);
  for (let i = 2; i + 1 < length; i += 2) ctx.lineTo(points[i], points[i + 1]);
  ctx.stroke();
}

export function drawMark(ctx: MarkContext, m: Mark): void {
  ctx.strokeStyle = m.color;
  ctx.fillStyle = m.color;
  ctx.lineWidth = m.width;
  switch (m.kind) {
    case 'pen':
      drawPen(ctx, m.points, m.points.length, m.color, m.width);
      return;
    case 'arrow': {
      ctx.beginPath();
      ctx.moveTo(m.x0, m.y0);
      ctx.lineTo(m.x1, m.y1);
      const head = arrowHead(m);
      if (head) {
        ctx.moveTo(head.left[0], head.left[1]);
        ctx.lineTo(m.x1, m.y1);
        ctx.lineTo(head.right[0], head.right[1]);
      }
      ctx.stroke();
      return;
    }
    case 'ellipse':
      ctx.beginPath();
      ctx.ellipse(m.x + m.w / 2, m.y + m.h / 2, Math.max(0.5, m.w / 2), Math.max(0.5, m.h / 2), 0, 0, Math.PI * 2);
      ctx.stroke();
      return;
    case 'rect':
      ctx.beginPath();
      ctx.rect(m.x, m.y, m.w, m.h);
      ctx.stroke();
      return;
    case 'text': {
      ctx.font = font(m.size);
      ctx.textBaseline = 'top';
      const lines = m.text.split('\n');
      lines.forEach((line, i) => ctx.fillText(line, m.x, m.y + i * m.size * LINE_HEIGHT));
      return;
    }
  }
}

/** All marks, opaque, round caps and joins, over whatever the context already holds. */
export function drawMarks(ctx: MarkContext, marks: readonly Mark[]): void {
  ctx.save();
  ctx.globalCompositeOperation = 'source-over';
  ctx.globalAlpha = 1;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const m of marks) drawMark(ctx, m);
  ctx.restore();
}
