import { describe, expect, it } from 'vitest';
import { drawMarks, drawPen, type MarkContext } from './render';
import type { Mark } from './shapes';

/** A context that records calls and the style each drawing call used. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    strokeStyle: '' as unknown,
    fillStyle: '' as unknown,
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    font: '',
    textBaseline: 'alphabetic',
    globalCompositeOperation: 'source-over',
    globalAlpha: 1,
  } as MarkContext;
  const log = (name: string) => (...args: unknown[]) => {
    const style = name === 'stroke' ? ` ${String(ctx.strokeStyle)}/${ctx.lineWidth}/${ctx.lineCap}` : name === 'fill' || name === 'fillText' ? ` ${String(ctx.fillStyle)}` : '';
    calls.push(`${name}(${args.map((a) => (typeof a === 'number' ? Math.round(a * 10) / 10 : String(a))).join(',')})${style}`);
  };
  for (const n of ['save', 'restore', 'beginPath', 'moveTo', 'lineTo', 'stroke', 'fill', 'arc', 'ellipse', 'rect', 'fillText', 'strokeText'] as const) {
    (ctx as unknown as Record<string, unknown>)[n] = log(n);
  }
  return { ctx, calls };
}

describe('drawing marks', () => {
  it('draws only the marks (no background fill), opaque, round caps, each in its own colour and width', () => {
    const { ctx, calls } = recorder();
    const marks: Mark[] = [
      { kind: 'ellipse', x: 10, y: 20, w: 40, h: 20, color: '#ef4444', width: 4 },
      { kind: 'rect', x: 0, y: 0, w: 5, h: 6, color: '#3b82f6', width: 2 },
      { kind: 'arrow', x0: 0, y0: 0, x1: 100, y1: 0, color: '#000000', width: 4 },
      { kind: 'text', x: 7, y: 8, text: 'lamp\nhere', size: 20, color: '#ffffff', width: 3 },
    ];
    ctx.globalAlpha = 0.3;
    ctx.globalCompositeOperation = 'xor';
    drawMarks(ctx, marks);
    expect(calls).toEqual([
      'save()',
      'beginPath()',
      'ellipse(30,30,20,10,0,0,6.3)',
      'stroke() #ef4444/4/round',
      'beginPath()',
      'rect(0,0,5,6)',
      'stroke() #3b82f6/2/round',
      'beginPath()',
      'moveTo(0,0)',
      'lineTo(100,0)',
      'moveTo(86.1,-8)',
      'lineTo(100,0)',
      'lineTo(86.1,8)',
      'stroke() #000000/4/round',
      'fillText(lamp,7,8) #ffffff',
      'fillText(here,7,32) #ffffff',
      'restore()',
    ]);
    expect(calls.some((c) => c.startsWith('fillRect'))).toBe(false);
  });

  it('a pen stroke draws the buffer up to its length; one point is a dot', () => {
    const { ctx, calls } = recorder();
    drawPen(ctx, new Float32Array([1, 2, 3, 4, 5, 6, 99, 99]), 6, '#22c55e', 6);
    expect(calls).toEqual(['beginPath()', 'moveTo(1,2)', 'lineTo(3,4)', 'lineTo(5,6)', 'stroke() #22c55e/6/butt']);
    const dot = recorder();
    drawPen(dot.ctx, [10, 10], 2, '#22c55e', 6);
    expect(dot.calls).toEqual(['beginPath()', 'arc(10,10,3,0,6.3)', 'fill() #22c55e']);
  });
});
