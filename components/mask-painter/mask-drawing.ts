/**
 * Scene functions for the mask layer. Committed ops are rasterised at the current zoom into a cache the size
 * of the layer's canvas (re-rendered when the view or the ops change; a new op is only added on top), and the
 * stroke in progress is drawn over it each move, so a move costs one copy plus one stroke whatever the history.
 */
import type { Context } from 'konva/lib/Context';
import { maskStore } from '@/lib/mask/mask-store';
import { liveOps, type MaskOp } from '@/lib/mask/ops';
import { renderOps, sameRun } from '@/lib/mask/render';

interface CacheKey {
  ops: readonly MaskOp[];
  color: string;
  width: number;
  height: number;
  transform: string;
  canvasW: number;
  canvasH: number;
}

export function createMaskDrawing() {
  let cache: OffscreenCanvas | HTMLCanvasElement | null = null;
  let key: CacheKey | null = null;

  function refresh(native: CanvasRenderingContext2D): void {
    const { ops, overlayColor: color, target } = maskStore.getState();
    if (!target) return;
    const m = native.getTransform();
    const next: CacheKey = {
      ops,
      color,
      width: target.width,
      height: target.height,
      transform: `${m.a},${m.b},${m.c},${m.d},${m.e},${m.f}`,
      canvasW: native.canvas.width,
      canvasH: native.canvas.height,
    };
    if (!cache || cache.width !== next.canvasW || cache.height !== next.canvasH) {
      cache = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(next.canvasW, next.canvasH) : Object.assign(document.createElement('canvas'), { width: next.canvasW, height: next.canvasH });
      key = null;
    }
    const ctx = cache.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
    const same = key && key.color === next.color && key.width === next.width && key.height === next.height && key.transform === next.transform;
    const old = key?.ops ?? [];
    // Appending is exact unless the new op joins the last one's run (drawn as one shape with it).
    const appended = same && old.length <= ops.length && old.every((op, i) => ops[i] === op) && !sameRun(old[old.length - 1], ops[old.length]);
    if (appended && key!.ops.length === ops.length) return;
    ctx.setTransform(m);
    const opts = { width: target.width, height: target.height, color };
    if (appended) {
      renderOps(ctx, ops.slice(key!.ops.length), opts);
    } else {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, next.canvasW, next.canvasH);
      ctx.restore();
      renderOps(ctx, liveOps(ops), opts);
    }
    key = next;
  }

  return {
    /** Committed ops, from the cache. */
    committed(context: Context): void {
      const native = context._context;
      refresh(native);
      if (!cache) return;
      native.save();
      native.setTransform(1, 0, 0, 1, 0, 0);
      native.drawImage(cache, 0, 0);
      native.restore();
    },
    /** The stroke under the pointer, with its tool's compositing over the committed mask. */
    pending(context: Context): void {
      const { pending, target, overlayColor } = maskStore.getState();
      if (!pending || !target) return;
      renderOps(context._context, [pending], { width: target.width, height: target.height, color: overlayColor });
    },
  };
}
