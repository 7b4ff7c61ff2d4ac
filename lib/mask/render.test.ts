import { describe, expect, it } from 'vitest';
import type { MaskOp, StrokeOp } from './ops';
import { renderOps, sameRun, type Ctx2D } from './render';

/** A 2D context that records what is drawn, with the composite operation and blur at that moment. */
function recorder(scale = 1) {
  const log: string[] = [];
  const state = { globalCompositeOperation: 'source-over', shadowBlur: 0, m: { a: scale, b: 0, c: 0, d: scale, e: 0, f: 0 } };
  const stack: (typeof state)[] = [];
  const ctx = {
    ...state,
    canvas: { width: 500, height: 500 },
    save: () => stack.push({ ...ctx, m: { ...ctx.m } } as never),
    restore: () => Object.assign(ctx, stack.pop()),
    getTransform: () => ctx.m,
    setTransform: (a: number, b: number, c: number, d: number, e: number, f: number) => (ctx.m = { a, b, c, d, e, f }),
    beginPath: () => log.push('path'),
    moveTo: () => undefined,
    lineTo: () => undefined,
    quadraticCurveTo: () => undefined,
    rect: () => undefined,
    clip: () => log.push('clip'),
    stroke: () => log.push(`stroke ${ctx.globalCompositeOperation} blur=${ctx.shadowBlur}`),
    fillRect: () => log.push(`fillRect ${ctx.globalCompositeOperation}`),
    clearRect: () => log.push('clearRect'),
    drawImage: () => log.push('drawImage'),
  };
  return { ctx: ctx as unknown as Ctx2D, log };
}

const s = (tool: 'brush' | 'eraser', size = 10, feather = 0): StrokeOp => ({ kind: 'stroke', tool, points: [1, 1, 5, 5, 9, 2], size, feather });
const opts = { width: 100, height: 100, color: '#000' };

describe('renderOps', () => {
  it('paints with source-over, erases with destination-out, inverts with xor, clears with clearRect, clipped to the image', () => {
    const { ctx, log } = recorder();
    renderOps(ctx, [s('brush'), s('eraser'), { kind: 'invert' }, { kind: 'clear' }], opts);
    expect(log).toEqual(['path', 'clip', 'path', 'stroke source-over blur=0', 'path', 'stroke destination-out blur=0', 'fillRect xor', 'clearRect']);
  });

  it('draws consecutive strokes of the same tool, size and feather as one shape (one blur)', () => {
    const { ctx, log } = recorder();
    renderOps(ctx, [s('brush', 10, 4), s('brush', 10, 4), s('brush', 10, 4), s('brush', 20, 4), s('eraser', 20, 4)], opts);
    expect(log.filter((l) => l.startsWith('stroke'))).toEqual(['stroke source-over blur=4', 'stroke source-over blur=4', 'stroke destination-out blur=4']);
  });

  it('scales the soft edge with the zoom, so it covers the same image pixels on screen as in the export', () => {
    const { ctx, log } = recorder(3);
    renderOps(ctx, [s('brush', 10, 4)], opts);
    expect(log).toContain('stroke source-over blur=12');
  });

  it('replaces the mask with a loaded bitmap, recoloured in place', () => {
    const { ctx, log } = recorder();
    const bitmap: MaskOp = { kind: 'bitmap', coverage: { width: 100, height: 100, source: {} as CanvasImageSource, state: 'partial' } };
    renderOps(ctx, [s('brush'), bitmap], opts);
    expect(log.slice(-3)).toEqual(['clearRect', 'drawImage', 'fillRect source-in']);
  });
});

describe('sameRun', () => {
  it('joins strokes only when tool, size and feather all match', () => {
    expect(sameRun(s('brush'), s('brush'))).toBe(true);
    expect(sameRun(s('brush'), s('eraser'))).toBe(false);
    expect(sameRun(s('brush', 10, 1), s('brush', 10, 2))).toBe(false);
    expect(sameRun(s('brush'), { kind: 'invert' })).toBe(false);
    expect(sameRun(undefined, s('brush'))).toBe(false);
  });
});
