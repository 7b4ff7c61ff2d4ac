import { describe, expect, it } from 'vitest';
import { addMark, clearMarks, commit, emptyMarkHistory, redoMarks, undoMarks } from './history';
import type { Mark } from './shapes';

const rect = (x: number): Mark => ({ kind: 'rect', x, y: 0, w: 10, h: 10, color: '#ef4444', width: 2 });

describe('markup history', () => {
  it('undo and redo walk the snapshots; a new mark drops the redo stack', () => {
    let h = addMark(addMark(emptyMarkHistory, rect(1)), rect(2));
    expect(h.marks.map((m) => (m as { x: number }).x)).toEqual([1, 2]);
    h = undoMarks(h);
    expect(h.marks).toHaveLength(1);
    h = redoMarks(h);
    expect(h.marks).toHaveLength(2);
    h = undoMarks(undoMarks(h));
    expect(h.marks).toHaveLength(0);
    expect(undoMarks(h)).toBe(h);
    h = addMark(h, rect(3));
    expect(h.future).toHaveLength(0);
    expect(redoMarks(h)).toBe(h);
  });

  it('clear is undoable, clearing nothing is no step; marks are shared, not copied', () => {
    const a = rect(1);
    let h = addMark(emptyMarkHistory, a);
    expect(clearMarks(emptyMarkHistory)).toBe(emptyMarkHistory);
    h = clearMarks(h);
    expect(h.marks).toHaveLength(0);
    h = undoMarks(h);
    expect(h.marks[0]).toBe(a);
  });

  it('keeps at most the limit of steps back', () => {
    let h = emptyMarkHistory;
    for (let i = 0; i < 10; i++) h = commit(h, [rect(i)], 3);
    expect(h.past).toHaveLength(3);
    h = undoMarks(undoMarks(undoMarks(h)));
    expect((h.marks[0] as { x: number }).x).toBe(6);
    expect(undoMarks(h)).toBe(h);
  });
});
