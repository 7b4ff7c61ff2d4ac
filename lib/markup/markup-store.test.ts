import { beforeEach, describe, expect, it } from 'vitest';
import { currentMarkupPng, markupChosen, markupStore } from './markup-store';

const s = () => markupStore.getState();

describe('markup store', () => {
  beforeEach(() => {
    s().setTarget(null);
    s().setTarget({ key: `img-${Math.random()}`, width: 640, height: 480 });
    s().setMode('mask');
  });

  it('a drag makes a box, an arrow follows the pointer, and a click alone keeps nothing', () => {
    s().setTool('rect');
    expect(s().begin(100, 100)).toBe(true);
    s().extend([150, 160, 200, 180]);
    s().end();
    expect(s().history.marks).toEqual([{ kind: 'rect', x: 100, y: 100, w: 100, h: 80, color: '#ef4444', width: 4 }]);
    s().setTool('arrow');
    s().begin(10, 10);
    s().end();
    expect(s().history.marks).toHaveLength(1);
    s().begin(10, 10);
    s().extend([300, 40]);
    s().end();
    expect(s().history.marks[1]).toMatchObject({ kind: 'arrow', x0: 10, y0: 10, x1: 300, y1: 40 });
  });

  it('a pen stroke grows in one buffer (no copy per move) and is kept once, trimmed', () => {
    s().setTool('pen');
    s().setColor('#3b82f6');
    s().setStrokeWidth(6);
    s().begin(0, 0);
    const pending = s().pending!;
    const v = s().pendingVersion;
    for (let i = 1; i <= 200; i++) s().extend([i, i], 0.5);
    expect(s().pending).toBe(pending);
    expect(s().pendingVersion).toBe(v + 200);
    s().end();
    const pen = s().history.marks[0];
    expect(pen).toMatchObject({ kind: 'pen', color: '#3b82f6', width: 6 });
    expect((pen as { points: Float32Array }).points.length).toBe(402);
  });

  it('text notes: click, type, keep; an empty note is dropped; switching tools keeps the note', () => {
    s().setTool('text');
    expect(s().begin(5, 5)).toBe(false);
    s().startText(20, 30);
    s().setDraftText('lamp here');
    s().setTool('rect');
    expect(s().history.marks[0]).toMatchObject({ kind: 'text', x: 20, y: 30, text: 'lamp here', size: 24 });
    s().startText(1, 1);
    s().commitText();
    expect(s().history.marks).toHaveLength(1);
  });

  it('undo, redo and clear; none while a mark is being drawn; a new image starts afresh', () => {
    s().setTool('ellipse');
    s().begin(0, 0);
    s().extend([50, 50]);
    s().end();
    s().begin(0, 0);
    expect(s().undo()).toBe(false);
    s().cancel();
    s().clear();
    expect(s().history.marks).toHaveLength(0);
    expect(s().undo()).toBe(true);
    expect(s().history.marks).toHaveLength(1);
    expect(s().redo()).toBe(true);
    expect(s().history.marks).toHaveLength(0);
    s().undo();
    s().setTarget({ key: 'another', width: 100, height: 100 });
    expect(s().history.marks).toHaveLength(0);
    expect(s().strokeWidth).toBe(2);
  });

  it('markup is chosen only when the model takes it and Markup is picked; no marks, no PNG', async () => {
    expect(markupChosen(true)).toBe(false);
    s().setMode('markup');
    expect(markupChosen(true)).toBe(true);
    expect(markupChosen(false)).toBe(false);
    expect(await currentMarkupPng()).toBeNull();
  });

  it('stroke width stays in the range for the image', () => {
    s().setStrokeWidth(1000);
    expect(s().strokeWidth).toBe(24);
    s().setStrokeWidth(0);
    expect(s().strokeWidth).toBe(1);
  });
});
