import { describe, expect, it } from 'vitest';
import { getModel } from './registry';
import { customSizeProblem, formatSize, parseSize, resolveAutoSize, snapCustomSize } from './sizes';

const RULE = getModel('gpt-image-2').endpoints.generate!.customSize!;
const problem = (w: number, h: number) => customSizeProblem({ width: w, height: h }, RULE);

describe('parseSize / formatSize', () => {
  it('reads WxH and writes it back', () => {
    expect(parseSize('1536x1024')).toEqual({ width: 1536, height: 1024 });
    expect(formatSize({ width: 1536, height: 1024 })).toBe('1536x1024');
  });

  it.each(['auto', '1024', '1024X1024', '1024x', 'x1024', '0x1024', '1024x0', '-16x16', '16.5x16', ' 16x16', '123456x16'])(
    'refuses %j',
    (s) => expect(parseSize(s)).toBeNull(),
  );
});

describe('gpt-image-2 custom size rule', () => {
  it.each([
    [3840, 2160],
    [2160, 3840],
    [1024, 1024],
    [2880, 2880], // exactly 8,294,400 pixels
    [1024, 640], // exactly 655,360 pixels
    [3072, 1024], // exactly 3:1
    [1024, 3072],
    [816, 816],
  ])('accepts %ix%i', (w, h) => expect(problem(w, h)).toBeNull());

  it('refuses 1000x1000: not a multiple of 16', () => {
    expect(problem(1000, 1000)).toMatch(/multiples of 16/);
    expect(problem(1024, 1000)).toMatch(/multiples of 16/);
  });

  it('refuses 3840x2176: 8,355,840 pixels is over the 8,294,400 limit', () => {
    expect(problem(3840, 2176)).toMatch(/at most 8,294,400 pixels \(it has 8,355,840\)/);
  });

  it('refuses a side longer than 3840 even when the pixel count fits', () => {
    expect(problem(3856, 1296)).toMatch(/longest side must be at most 3840/);
    expect(problem(1296, 3856)).toMatch(/longest side/);
  });

  it('refuses 3840x1024: aspect 3.75 is beyond 3:1', () => {
    expect(problem(3840, 1024)).toMatch(/aspect ratio must be between 1:3 and 3:1/);
    expect(problem(1024, 3840)).toMatch(/aspect ratio/);
  });

  it('refuses 512x512: 262,144 pixels is under the 655,360 minimum', () => {
    expect(problem(512, 512)).toMatch(/at least 655,360 pixels \(it has 262,144\)/);
    expect(problem(1024, 624)).toMatch(/at least/);
  });
});

describe('snapCustomSize', () => {
  it('leaves a size that already fits alone', () => {
    expect(snapCustomSize({ width: 1536, height: 1024 }, RULE)).toEqual({ width: 1536, height: 1024 });
    expect(snapCustomSize({ width: 3840, height: 2160 }, RULE)).toEqual({ width: 3840, height: 2160 });
  });

  it('grows a small square to the smallest valid square', () => {
    expect(snapCustomSize({ width: 100, height: 100 }, RULE)).toEqual({ width: 816, height: 816 });
  });

  it('keeps the orientation and roughly the aspect', () => {
    const wide = snapCustomSize({ width: 1920, height: 1080 }, RULE);
    expect(wide.width).toBeGreaterThan(wide.height);
    expect(wide.width / wide.height).toBeCloseTo(16 / 9, 1);
    const tall = snapCustomSize({ width: 1080, height: 1920 }, RULE);
    expect(tall.height).toBeGreaterThan(tall.width);
  });

  it('brings an exact 3:1 request whose rounding overshoots back inside (2409x803)', () => {
    // Rounding to 16 gives 2416x800, aspect 3.02; the snapper must correct it.
    const s = snapCustomSize({ width: 2409, height: 803 }, RULE);
    expect(problem(s.width, s.height)).toBeNull();
  });

  it('clamps extreme and degenerate shapes into the rule', () => {
    for (const d of [
      { width: 99999, height: 1 },
      { width: 1, height: 99999 },
      { width: 12000, height: 12000 },
      { width: 1, height: 1 },
      { width: 0, height: 5 },
    ]) {
      const s = snapCustomSize(d, RULE);
      expect(problem(s.width, s.height), `${d.width}x${d.height} -> ${formatSize(s)}`).toBeNull();
    }
  });

  it('always returns a valid size across a sweep of 1..8000 on both sides', () => {
    const failures: string[] = [];
    for (let w = 1; w <= 8000; w += 37) {
      for (let h = 1; h <= 8000; h += 41) {
        const s = snapCustomSize({ width: w, height: h }, RULE);
        if (problem(s.width, s.height)) failures.push(`${w}x${h} -> ${formatSize(s)}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

describe('resolveAutoSize', () => {
  it('gives generations a square: 1024x1024 on GPT models and dall-e-3', () => {
    expect(resolveAutoSize(getModel('gpt-image-1').endpoints.generate!)).toEqual({ width: 1024, height: 1024 });
    expect(resolveAutoSize(getModel('gpt-image-2').endpoints.generate!)).toEqual({ width: 1024, height: 1024 });
    expect(resolveAutoSize(getModel('dall-e-3').endpoints.generate!)).toEqual({ width: 1024, height: 1024 });
  });

  it('gives dall-e-2 its first square size when nothing else is known', () => {
    expect(resolveAutoSize(getModel('dall-e-2').endpoints.generate!)).toEqual({ width: 256, height: 256 });
  });

  it('follows a landscape, portrait or square reference to the nearest fixed size on gpt-image-1.5', () => {
    const edit = getModel('gpt-image-1.5').endpoints.edit!;
    expect(resolveAutoSize(edit, { width: 1600, height: 900 })).toEqual({ width: 1536, height: 1024 });
    expect(resolveAutoSize(edit, { width: 600, height: 1000 })).toEqual({ width: 1024, height: 1536 });
    expect(resolveAutoSize(edit, { width: 700, height: 720 })).toEqual({ width: 1024, height: 1024 });
  });

  it("keeps the reference's own size on gpt-image-2 when it already fits, and snaps it otherwise", () => {
    const edit = getModel('gpt-image-2').endpoints.edit!;
    expect(resolveAutoSize(edit, { width: 1920, height: 1088 })).toEqual({ width: 1920, height: 1088 });
    const snapped = resolveAutoSize(edit, { width: 300, height: 200 });
    expect(problem(snapped.width, snapped.height)).toBeNull();
    expect(snapped.width).toBeGreaterThan(snapped.height);
  });
});
