// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { GenerationEvent } from '../generation/events';
import { sanitizeCompleted } from './gallery-store.client';

const completed = (bytes: Uint8Array, mime: string): GenerationEvent => ({ type: 'completed', tile: 0, bytes, mime, width: 0, height: 0, echoed: {}, usage: null, latencyMs: 1, at: 0 });

describe('what the gallery folds: real types and sanitized SVG', () => {
  it('sanitizes an SVG answer before it is shown, with its facts, whatever type the server gave it', () => {
    const raw = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="32" height="16" onload="x()"><script>x()</script><rect width="4" height="4"/></svg>';
    const out = sanitizeCompleted(completed(new TextEncoder().encode(raw), 'application/octet-stream'));
    if (out.type !== 'completed') throw new Error(out.type);
    expect(out.mime).toBe('image/svg+xml');
    expect([out.width, out.height]).toEqual([32, 16]);
    const text = new TextDecoder().decode(out.bytes);
    expect(text).not.toMatch(/script|onload/);
    expect(out.svg).toMatchObject({ nodes: 2, originalBytes: raw.length, bytes: out.bytes!.byteLength });
    expect(out.svg!.removed).toBeGreaterThanOrEqual(2);
  });

  it('gives a GIF its type from its bytes', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } }).gif().toBuffer();
    const out = sanitizeCompleted(completed(new Uint8Array(gif), 'application/octet-stream'));
    expect(out.type === 'completed' && out.mime).toBe('image/gif');
  });

  it('turns a "svg" that is not one after sanitizing into an error for its tile', () => {
    const out = sanitizeCompleted(completed(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><svg/></foreignObject>'), 'image/svg+xml'));
    expect(out.type).toBe('completed');
    const bad = sanitizeCompleted(completed(new TextEncoder().encode('<svg'), 'image/svg+xml'));
    expect(bad.type).toBe('error');
  });
});
