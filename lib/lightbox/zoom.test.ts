import { describe, expect, it } from 'vitest';
import { actualSizeView, clampView, fitView, MAX_SCALE, panBy, wheelFactor, zoomAbout } from './zoom';

const stage = { width: 800, height: 600 };
const image = { width: 1600, height: 800 };

describe('lightbox zoom', () => {
  it('fits the whole image, centred on the short axis', () => {
    expect(fitView(stage, image)).toEqual({ scale: 0.5, x: 0, y: 100 });
    // A small image is enlarged to fit too.
    expect(fitView(stage, { width: 200, height: 200 })).toEqual({ scale: 3, x: 100, y: 0 });
  });

  it('zooms about the pointer: the image pixel under it stays there', () => {
    const fit = fitView(stage, image);
    const about = { x: 600, y: 300 };
    const before = { x: (about.x - fit.x) / fit.scale, y: (about.y - fit.y) / fit.scale };
    const zoomed = zoomAbout(fit, 2, about, stage, image);
    expect(zoomed.scale).toBe(1);
    expect((about.x - zoomed.x) / zoomed.scale).toBeCloseTo(before.x, 9);
    expect((about.y - zoomed.y) / zoomed.scale).toBeCloseTo(before.y, 9);
  });

  it('100 % shows one image pixel per CSS pixel about the centre', () => {
    const v = actualSizeView(fitView(stage, image), stage, image);
    expect(v.scale).toBe(1);
    expect(v).toEqual({ scale: 1, x: -400, y: -100 });
  });

  it('keeps the stage covered when panning a zoomed image, and never pans an image smaller than the stage', () => {
    const v = actualSizeView(fitView(stage, image), stage, image);
    expect(panBy(v, 10_000, 0, stage, image).x).toBe(0);
    expect(panBy(v, -10_000, 0, stage, image).x).toBe(-800);
    const fit = fitView(stage, image);
    expect(panBy(fit, 50, 50, stage, image)).toEqual(fit);
  });

  it('limits the scale', () => {
    expect(clampView({ scale: 1000, x: 0, y: 0 }, stage, image).scale).toBe(MAX_SCALE);
    expect(clampView({ scale: 0.0001, x: 0, y: 0 }, stage, image).scale).toBe(0.05);
  });

  it('turns wheel deltas into a zoom factor (down zooms out, ctrl+wheel pinches count more)', () => {
    expect(wheelFactor(100, 0, false)).toBeLessThan(1);
    expect(wheelFactor(-100, 0, false)).toBeGreaterThan(1);
    expect(wheelFactor(-10, 0, true)).toBeCloseTo(wheelFactor(-50, 0, false), 9);
    expect(wheelFactor(3, 1, false)).toBeCloseTo(wheelFactor(48, 0, false), 9);
  });
});
