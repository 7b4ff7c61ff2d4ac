import { beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from './history';
import { currentMaskPng, hasMask, maskStore } from './mask-store';
import type { StrokeOp } from './ops';

const s = () => maskStore.getState();
const target = { key: 'blob:a', width: 1024, height: 768 };

function paint(x = 100, y = 100) {
  s().beginStroke(x, y);
  s().extendStroke([x + 50, y, x + 100, y + 10]);
  s().endStroke();
}

beforeEach(() => {
  s().setTarget(null);
  s().setTarget(target);
  s().setTool('brush');
});

describe('mask store', () => {
  it('records a stroke in image pixels with the current size and soft edge, as one undo step', () => {
    s().setBrushSize(30);
    s().setFeather(4);
    paint();
    expect(s().ops).toHaveLength(1);
    const op = s().ops[0];
    expect(op).toMatchObject({ kind: 'stroke', tool: 'brush', size: 30, feather: 4 });
    expect(Array.from((op as StrokeOp).points)).toEqual([100, 100, 150, 100, 200, 110]);
    expect(hasMask()).toBe(true);
    expect(s().undo()).toBe(true);
    expect(s().ops).toHaveLength(0);
    expect(hasMask()).toBe(false);
    expect(s().redo()).toBe(true);
    expect(s().ops).toHaveLength(1);
  });

  it('refuses undo and redo mid-stroke', () => {
    paint();
    s().undo();
    s().beginStroke(1, 1);
    expect(s().undo()).toBe(false);
    expect(s().redo()).toBe(false);
    s().endStroke();
    expect(s().ops).toHaveLength(1);
  });

  it('starts a new mask for a new image, and keeps it for the same one', () => {
    paint();
    s().setTarget({ ...target });
    expect(s().ops).toHaveLength(1);
    s().setTarget({ ...target, key: 'blob:b' });
    expect(s().ops).toHaveLength(0);
    expect(s().history.done).toHaveLength(0);
  });

  it('inverts and clears as undoable steps; clearing nothing adds no step', () => {
    s().clear();
    expect(s().history.done).toHaveLength(0);
    s().invert();
    expect(hasMask()).toBe(true);
    s().clear();
    expect(hasMask()).toBe(false);
    s().undo();
    expect(hasMask()).toBe(true);
  });

  it(`bounds history to ${HISTORY_LIMIT} steps`, () => {
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) paint(i, i);
    expect(s().history.done).toHaveLength(HISTORY_LIMIT);
    let n = 0;
    while (s().undo()) n++;
    expect(n).toBe(HISTORY_LIMIT);
    expect(s().ops).toHaveLength(20);
  });

  it('clamps brush size to the image and steps it by a quarter', () => {
    s().setBrushSize(40);
    s().stepBrushSize(1);
    expect(s().brushSize).toBe(50);
    s().stepBrushSize(-1);
    expect(s().brushSize).toBe(40);
    s().setBrushSize(100000);
    expect(s().brushSize).toBe(384);
    s().setBrushSize(0);
    expect(s().brushSize).toBe(1);
  });

  it('refuses a loaded mask of another size', () => {
    expect(() => s().loadCoverage({ width: 10, height: 10, source: {} as CanvasImageSource, state: 'full' })).toThrow('10×10');
  });

  it('sends no mask when nothing is painted', async () => {
    expect(await currentMaskPng()).toBeNull();
    s().setTarget(null);
    expect(await currentMaskPng()).toBeNull();
  });
});
