// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from './svg-sanitize';

const PLANTED = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64" viewBox="0 0 64 64" onload="alert(1)">
  <script>alert('x')</script>
  <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
  <rect width="64" height="64" fill="url(#g)" onclick="steal()"/>
  <circle cx="32" cy="32" r="10" fill="url(https://evil.example/p.svg#x)"/>
  <image href="https://evil.example/track.png" width="10" height="10"/>
  <image xlink:href="http://evil.example/t.png" width="10" height="10"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="4" height="4"/>
  <use href="#g"/>
  <a href="javascript:alert(1)"><text x="4" y="60">SYNTHETIC</text></a>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
  <style>@import url(https://evil.example/a.css); rect { fill: blue }</style>
</svg>`;

describe('sanitizeSvg', () => {
  const out = sanitizeSvg(PLANTED);

  it('removes scripts, event handlers, foreignObject and every external reference', () => {
    expect(out.text).not.toMatch(/<script/i);
    expect(out.text).not.toMatch(/\son\w+=/i);
    expect(out.text).not.toMatch(/foreignObject/i);
    expect(out.text).not.toContain('evil.example');
    expect(out.text).not.toContain('javascript:');
    expect(out.text).not.toContain('@import');
    expect(out.removed).toBeGreaterThan(5);
  });

  it('keeps the drawing: shapes, text, fragment references and inline rasters', () => {
    expect(out.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(out.text).toContain('viewBox="0 0 64 64"');
    expect(out.text).toContain('fill="url(#g)"');
    expect(out.text).toContain('SYNTHETIC');
    expect(out.text).toContain('data:image/png;base64');
    expect(out.text).toContain('href="#g"');
  });

  it('counts bytes and nodes of what it returns', () => {
    expect(out.bytes).toBe(new TextEncoder().encode(out.text).length);
    const doc = new DOMParser().parseFromString(out.text, 'image/svg+xml');
    expect(doc.documentElement.nodeName).toBe('svg');
    expect(out.nodes).toBe(1 + doc.documentElement.querySelectorAll('*').length);
  });

  it('counts nothing unsafe in a clean document (its comment and XML declaration are not unsafe)', () => {
    expect(sanitizeSvg('<?xml version="1.0"?>\n<!-- made offline --><svg xmlns="http://www.w3.org/2000/svg" role="img"><title>t</title><rect width="1" height="1"/></svg>').removed).toBe(0);
  });

  it('refuses a document without an svg root', () => {
    expect(() => sanitizeSvg('<html><body><script>alert(1)</script></body></html>')).toThrow(/not an SVG/);
  });
});
