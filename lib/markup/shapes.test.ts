import { describe, expect, it } from 'vitest';
import { appendInPlace, arrowHead, boxFrom, colorName, defaultStrokeWidth, describeMark, isMeaningful, markBounds, squareFrom, strokeRange, textSize } from './shapes';

describe('markup shapes', () => {
  it('a drag box is the same whichever way it is dragged; Shift makes it square away from the start', () => {
    expect(boxFrom(10, 20, 50, 80)).toEqual({ x: 10, y: 20, w: 40, h: 60 });
    expect(boxFrom(50, 80, 10, 20)).toEqual({ x: 10, y: 20, w: 40, h: 60 });
    expect(squareFrom(100, 100, 60, 130)).toEqual({ x: 60, y: 100, w: 40, h: 40 });
  });

  it('the arrow head sits at the end, 30° either side, at most half the shaft', () => {
    const head = arrowHead({ x0: 0, y0: 0, x1: 100, y1: 0, width: 4 })!;
    expect(head.length).toBe(16);
    expect(head.left[0]).toBeCloseTo(100 - 16 * Math.cos(Math.PI / 6));
    expect(head.left[1]).toBeCloseTo(-8);
    expect(head.right[1]).toBeCloseTo(8);
    expect(arrowHead({ x0: 0, y0: 0, x1: 10, y1: 0, width: 10 })!.length).toBe(5);
    expect(arrowHead({ x0: 5, y0: 5, x1: 5, y1: 5, width: 4 })).toBeNull();
  });

  it('a click without a drag makes no arrow or box, an empty note nothing; a pen click is a dot', () => {
    const style = { color: '#ef4444', width: 4 };
    expect(isMeaningful({ kind: 'arrow', x0: 1, y0: 1, x1: 2, y1: 2, ...style })).toBe(false);
    expect(isMeaningful({ kind: 'arrow', x0: 1, y0: 1, x1: 30, y1: 2, ...style })).toBe(true);
    expect(isMeaningful({ kind: 'rect', x: 1, y: 1, w: 1, h: 1, ...style })).toBe(false);
    expect(isMeaningful({ kind: 'ellipse', x: 1, y: 1, w: 40, h: 1, ...style })).toBe(true);
    expect(isMeaningful({ kind: 'text', x: 1, y: 1, text: '  \n', size: 24, ...style })).toBe(false);
    expect(isMeaningful({ kind: 'pen', points: [3, 4], ...style })).toBe(true);
  });

  it('bounds include half the stroke', () => {
    expect(markBounds({ kind: 'rect', x: 10, y: 10, w: 20, h: 30, color: '#000000', width: 4 })).toEqual({ x0: 8, y0: 8, x1: 32, y1: 42 });
    expect(markBounds({ kind: 'pen', points: new Float32Array([5, 6, 15, 2]), color: '#000000', width: 2 })).toEqual({ x0: 4, y0: 1, x1: 16, y1: 7 });
  });

  it('pen points grow in place: the buffer doubles, close and non-finite points are skipped', () => {
    const b = { data: new Float32Array(4), length: 0 };
    const first = b.data;
    appendInPlace(b, [0, 0, 0.1, 0.1, 10, 0], 1);
    expect(b.length).toBe(4);
    expect(b.data).toBe(first);
    appendInPlace(b, [NaN, 1, 20, 0, 30, 0, 40, 0], 1);
    expect(b.length).toBe(10);
    expect(b.data.length).toBe(64);
    expect([...b.data.subarray(0, b.length)]).toEqual([0, 0, 10, 0, 20, 0, 30, 0, 40, 0]);
  });

  it('sizes follow the image: stroke width, its range, the note font', () => {
    expect(defaultStrokeWidth({ width: 640, height: 480 })).toBe(4);
    expect(defaultStrokeWidth({ width: 3840, height: 2160 })).toBe(18);
    expect(strokeRange({ width: 640, height: 480 })).toEqual({ min: 1, max: 24 });
    expect(textSize(4)).toBe(24);
    expect(textSize(1)).toBe(12);
  });

  it('marks are described by colour and kind for the list and the prompt hint', () => {
    expect(colorName('#EF4444')).toBe('red');
    expect(colorName('#123456')).toBe('#123456');
    expect(describeMark({ kind: 'rect', x: 0, y: 0, w: 9, h: 9, color: '#3b82f6', width: 2 })).toBe('blue rectangle');
    expect(describeMark({ kind: 'text', x: 0, y: 0, text: 'a lamp here', size: 20, color: '#facc15', width: 2 })).toBe('yellow note "a lamp here"');
  });
});
