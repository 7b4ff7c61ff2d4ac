import { describe, expect, it } from 'vitest';
import { applied, emptyHistory, HISTORY_LIMIT, historyBytes, push, redo, undo } from './history';
import type { MaskOp } from './ops';

const s = (i: number): MaskOp => ({ kind: 'stroke', tool: 'brush', points: new Float32Array([i, i, i + 1, i + 1]), size: 4, feather: 0 });

describe('history', () => {
  it('undoes and redoes one op at a time, and a new edit drops the redo stack', () => {
    let h = push(push(emptyHistory, s(1)), s(2));
    h = undo(h);
    expect(applied(h)).toEqual([s(1)]);
    h = redo(h);
    expect(applied(h)).toEqual([s(1), s(2)]);
    h = push(undo(h), { kind: 'invert' });
    expect(applied(h)).toEqual([s(1), { kind: 'invert' }]);
    expect(redo(h)).toBe(h);
  });

  it('is a no-op to undo or redo with an empty stack', () => {
    expect(undo(emptyHistory)).toBe(emptyHistory);
    expect(redo(emptyHistory)).toBe(emptyHistory);
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps but still draws the older ops`, () => {
    let h = emptyHistory;
    for (let i = 0; i < 250; i++) h = push(h, s(i));
    expect(h.done).toHaveLength(HISTORY_LIMIT);
    expect(applied(h)).toHaveLength(250);
    for (let i = 0; i < 300; i++) h = undo(h);
    expect(applied(h)).toHaveLength(50);
  });

  it('forgets ops before a clear that has left the undo range', () => {
    let h = push(push(emptyHistory, s(1), 2), { kind: 'clear' }, 2);
    h = push(h, s(2), 2);
    h = push(h, s(3), 2);
    expect(h.base).toEqual([]);
    expect(applied(h)).toEqual([s(2), s(3)]);
  });

  it('holds bounded memory: 200 steps of 100-point strokes stay under 200 kB', () => {
    let h = emptyHistory;
    const stroke: MaskOp = { kind: 'stroke', tool: 'brush', points: new Float32Array(200), size: 4, feather: 0 };
    for (let i = 0; i < 1000; i++) h = push(h, stroke);
    expect(historyBytes(h)).toBe(200 * (8 + 48 + 800));
    expect(historyBytes(h)).toBeLessThan(200 * 1024);
  });
});
