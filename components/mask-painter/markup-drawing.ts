/**
 * Scene functions for Markup mode's two layers: the kept marks (redrawn when they or the view change) and the
 * mark under the pointer (redrawn on each move, alone on its layer). Both draw with lib/markup/render, the code
 * the export uses, under the stage's view transform.
 */
import type { Context } from 'konva/lib/Context';
import { markupStore } from '@/lib/markup/markup-store';
import { drawMark, drawMarks, drawPen, type MarkContext } from '@/lib/markup/render';

export function createMarkupDrawing() {
  return {
    committed(context: Context): void {
      drawMarks(context._context as MarkContext, markupStore.getState().history.marks);
    },
    pending(context: Context): void {
      const p = markupStore.getState().pending;
      if (!p) return;
      const ctx = context._context as MarkContext;
      ctx.save();
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      // The pen's buffer is read in place up to its length: no copy per move.
      if (p.kind === 'pen') drawPen(ctx, p.buffer.data, p.buffer.length, p.color, p.width);
      else drawMark(ctx, p.mark);
      ctx.restore();
    },
  };
}
