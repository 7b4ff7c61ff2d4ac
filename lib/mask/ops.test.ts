import { describe, expect, it } from 'vitest';
import { appendPoints, coverageState, liveOps, opBytes, strokeBounds, type Coverage, type MaskOp, type StrokeOp } from './ops';

const image = { width: 100, height: 80 };
const stroke = (tool: 'brush' | 'eraser', points: number[] = [10, 10, 20, 20], size = 4): StrokeOp => ({ kind: 'stroke', tool, points, size, feather: 0 });
const bitmap = (state: Coverage['state']): MaskOp => ({ kind: 'bitmap', coverage: { width: 100, height: 80, source: {} as CanvasImageSource, state } });

describe('appendPoints', () => {
  it('keeps points at least minDistance apart and returns the same array when none is kept', () => {
    const a = [0, 0];
    expect(appendPoints(a, [0.2, 0.1], 1)).toBe(a);
    expect(appendPoints(a, [0.2, 0.1, 1, 0, 1.5, 0, 3, 0], 1)).toEqual([0, 0, 1, 0, 3, 0]);
  });

  it('never mutates the stroke it extends (history snapshots share it)', () => {
    const a = Object.freeze([0, 0]) as readonly number[];
    expect(appendPoints(a, [5, 5], 0)).toEqual([0, 0, 5, 5]);
    expect(a).toEqual([0, 0]);
  });

  it('skips non-finite coordinates', () => {
    expect(appendPoints([], [NaN, 1, 2, 3], 0)).toEqual([2, 3]);
  });
});

describe('coverageState', () => {
  it('is empty with no ops, partial after a brush stroke, full after inverting nothing', () => {
    expect(coverageState([], image)).toBe('empty');
    expect(coverageState([stroke('brush')], image)).toBe('partial');
    expect(coverageState([{ kind: 'invert' }], image)).toBe('full');
    expect(coverageState([{ kind: 'invert' }, { kind: 'invert' }], image)).toBe('empty');
  });

  it('says unknown when an eraser may have removed all the paint, and empty when erasing nothing', () => {
    expect(coverageState([stroke('brush'), stroke('eraser')], image)).toBe('unknown');
    expect(coverageState([stroke('eraser')], image)).toBe('empty');
  });

  it('ignores strokes entirely outside the image', () => {
    expect(coverageState([stroke('brush', [-50, -50, -40, -40])], image)).toBe('empty');
    expect(coverageState([stroke('brush', [-3, 5], 10)], image)).toBe('partial');
  });

  it('starts again after a clear, and takes a loaded mask for what it is', () => {
    expect(coverageState([stroke('brush'), { kind: 'clear' }], image)).toBe('empty');
    expect(coverageState([stroke('brush'), bitmap('empty')], image)).toBe('empty');
    expect(coverageState([bitmap('full'), stroke('brush')], image)).toBe('full');
  });
});

describe('liveOps', () => {
  it('drops what a clear or a loaded mask makes irrelevant', () => {
    const b = bitmap('partial');
    const s = stroke('brush');
    expect(liveOps([s, { kind: 'clear' }, s])).toEqual([s]);
    expect(liveOps([s, b, s])).toEqual([b, s]);
  });
});

describe('strokeBounds and opBytes', () => {
  it('includes the brush radius and soft edge in the bounds', () => {
    expect(strokeBounds({ ...stroke('brush', [10, 20, 30, 40], 10), feather: 2 })).toEqual({ x0: 2, y0: 12, x1: 38, y1: 48 });
  });

  it('counts coordinates at their storage size and bitmaps as RGBA', () => {
    expect(opBytes(stroke('brush', [1, 2, 3, 4]))).toBe(48 + 32);
    expect(opBytes({ ...stroke('brush'), points: new Float32Array(4) })).toBe(48 + 16);
    expect(opBytes(bitmap('full'))).toBe(64 + 100 * 80 * 4);
  });
});
