import { describe, expect, it } from 'vitest';
import { fit, imageToScreen, MAX_SCALE, MIN_SCALE, pan, pinch, screenToImage, wheelFactor, zoomAtPoint, type View } from './viewport';

const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
  expect(a.x).toBeCloseTo(b.x, 6);
  expect(a.y).toBeCloseTo(b.y, 6);
};

describe('fit', () => {
  it('shows the whole image centred inside the padding', () => {
    const v = fit({ width: 3840, height: 2160 }, { width: 1000, height: 800 }, 20);
    expect(v.scale).toBeCloseTo(960 / 3840);
    expect(v.x).toBeCloseTo(20);
    expect(v.y).toBeCloseTo((800 - 2160 * v.scale) / 2);
  });

  it('enlarges small images at most 4×', () => {
    expect(fit({ width: 10, height: 10 }, { width: 1000, height: 1000 }).scale).toBe(4);
  });
});

describe('screenToImage and imageToScreen', () => {
  it('are inverses', () => {
    const v: View = { scale: 2.5, x: -30, y: 12 };
    close(screenToImage(v, imageToScreen(v, { x: 17, y: 99 })), { x: 17, y: 99 });
  });
});

describe('zoomAtPoint', () => {
  it('zooms around the requested point instead of drifting', () => {
    const v: View = { scale: 0.5, x: 40, y: 60 };
    const cursor = { x: 300, y: 200 };
    const under = screenToImage(v, cursor);
    for (const f of [2, 0.3, 7]) {
      const z = zoomAtPoint(v, cursor, f);
      close(screenToImage(z, cursor), under);
    }
  });

  it('clamps the scale and still keeps the point fixed', () => {
    const v: View = { scale: 1, x: 0, y: 0 };
    const z = zoomAtPoint(v, { x: 50, y: 50 }, 1000);
    expect(z.scale).toBe(MAX_SCALE);
    close(screenToImage(z, { x: 50, y: 50 }), { x: 50, y: 50 });
    expect(zoomAtPoint(v, { x: 0, y: 0 }, 1e-6).scale).toBe(MIN_SCALE);
  });

  it('does not change the input view', () => {
    const v: View = Object.freeze({ scale: 1, x: 0, y: 0 });
    zoomAtPoint(v, { x: 1, y: 1 }, 2);
    expect(v).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe('pan and pinch', () => {
  it('pans by screen pixels', () => {
    expect(pan({ scale: 2, x: 1, y: 2 }, 10, -5)).toEqual({ scale: 2, x: 11, y: -3 });
  });

  it('keeps the image points under both fingers as they spread and move', () => {
    const v: View = { scale: 1, x: 0, y: 0 };
    const a0 = { x: 100, y: 100 };
    const b0 = { x: 200, y: 100 };
    const a1 = { x: 50, y: 150 };
    const b1 = { x: 250, y: 150 };
    const p = pinch(v, a0, b0, a1, b1);
    expect(p.scale).toBeCloseTo(2);
    close(imageToScreen(p, screenToImage(v, a0)), a1);
    close(imageToScreen(p, screenToImage(v, b0)), b1);
  });
});

describe('wheelFactor', () => {
  it('zooms in on wheel up, out on wheel down, and treats line deltas like pixels', () => {
    expect(wheelFactor(-100, 0, false)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0, false)).toBeLessThan(1);
    expect(wheelFactor(3, 1, false)).toBeCloseTo(wheelFactor(120, 0, false));
  });
});
