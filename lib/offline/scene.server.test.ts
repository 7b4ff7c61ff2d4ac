import { describe, expect, it } from 'vitest';
import { prng, promptColours, sceneSvg, type SceneSpec } from './scene.server';

const spec: SceneSpec = { prompt: 'a lighthouse at dusk', width: 1024, height: 768, caption: 'GPT-IMAGE-2 1024X768 HIGH', transparent: false, seed: 'gpt-image-2#0' };

describe('prng', () => {
  it('repeats for the same seed and differs for another, staying in [0, 1)', () => {
    const a = prng('x');
    const b = prng('x');
    const c = prng('y');
    const xs = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c())).not.toEqual(xs);
    for (const v of xs) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe('promptColours', () => {
  it('picks colour words in order of appearance, once each, any case', () => {
    expect(promptColours('A RED fox on blue snow, red sky')).toEqual(['#e53935', '#1e88e5']);
  });

  it('treats grey and gray alike and ignores words that merely contain a colour', () => {
    expect(promptColours('gray grey')).toEqual(['#9e9e9e']);
    expect(promptColours('a bored reddish greenhouse')).toEqual([]);
  });

  // COLOUR_WORDS is a plain object: "constructor" used to find Object.prototype.constructor (fixed in scene.ts).
  it('ignores words that are Object.prototype keys, like "constructor"', () => {
    expect(promptColours('a constructor in red')).toEqual(['#e53935']);
  });
});

describe('sceneSvg', () => {
  it('gives the same SVG for the same spec', () => {
    expect(sceneSvg({ ...spec })).toBe(sceneSvg({ ...spec }));
  });

  it('gives a different SVG for a different prompt, seed or size', () => {
    const svg = sceneSvg(spec);
    expect(sceneSvg({ ...spec, prompt: 'a lighthouse at dawn' })).not.toBe(svg);
    expect(sceneSvg({ ...spec, seed: 'gpt-image-2#1' })).not.toBe(svg);
    expect(sceneSvg({ ...spec, width: 1536 })).not.toBe(svg);
  });

  it('fills every shape with the colour words of the prompt', () => {
    const svg = sceneSvg({ ...spec, prompt: 'a red and blue kite' });
    const fills = [...svg.matchAll(/<(?:circle|rect) [^>]*fill="([^"]+)" fill-opacity="0\.85"/g)].map((m) => m[1]);
    expect(fills.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fills)).toEqual(new Set(['#e53935', '#1e88e5']));
    expect(fills[0]).toBe('#e53935');
    expect(fills[1]).toBe('#1e88e5');
  });

  it('uses hsl colours when the prompt names none', () => {
    const svg = sceneSvg(spec);
    expect(svg).toMatch(/<circle [^>]*fill="hsl\(|<rect [^>]*fill="hsl\(/);
    expect(svg).not.toContain('#e53935');
  });

  it('makes one shape per word, between 3 and 12', () => {
    const count = (prompt: string) => (sceneSvg({ ...spec, prompt }).match(/fill-opacity="0\.85"/g) ?? []).length;
    expect(count('one')).toBe(3);
    expect(count('one two three four five')).toBe(5);
    expect(count(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toBe(12);
  });

  it('draws a gradient background only when opaque', () => {
    expect(sceneSvg(spec)).toContain('fill="url(#bg)"');
    expect(sceneSvg({ ...spec, transparent: true })).not.toContain('url(#bg)');
  });

  it('declares the output size and keeps the scene in its own viewBox', () => {
    const svg = sceneSvg(spec, 256, 192);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="256" height="192" viewBox="0 0 1024 768"/);
    expect(sceneSvg(spec)).toContain('width="1024" height="768" viewBox="0 0 1024 768"');
  });

  it('escapes the prompt in the title', () => {
    const svg = sceneSvg({ ...spec, prompt: '<script>alert("x")</script> & more' });
    expect(svg).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</title>');
    expect(svg).not.toContain('<script>');
  });

  it('prints the caption in the SYNTHETIC label (its path changes with the caption)', () => {
    const a = sceneSvg(spec);
    const b = sceneSvg({ ...spec, caption: 'DALL-E-3 1024X1024' });
    const labelPath = (svg: string) => /<path d="([^"]+)" fill="#ffeb3b"\/>/.exec(svg)?.[1];
    expect(labelPath(a)).toBeTruthy();
    expect(labelPath(a)).not.toBe(labelPath(b));
  });
});
