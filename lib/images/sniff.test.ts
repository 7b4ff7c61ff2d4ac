import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { noiseBytes, solidImage } from '../testing/fixtures';
import { MIME, OUTPUT_MIME, sniffImage, sniffOutput } from './sniff';

const create = (width: number, height: number, channels: 3 | 4, alpha = 0.5) =>
  sharp({ create: { width, height, channels, background: { r: 10, g: 120, b: 240, alpha: channels === 4 ? alpha : 1 } } });

describe('sniffImage: PNG', () => {
  it.each([
    [1, 1],
    [64, 48],
    [1536, 1024],
    [3000, 7],
  ])('reads an RGB %ix%i PNG as opaque', async (w, h) => {
    expect(sniffImage(await solidImage('png', w, h))).toEqual({ type: 'png', width: w, height: h, hasAlpha: false });
  });

  it('reads an RGBA PNG as having alpha', async () => {
    expect(sniffImage(await solidImage('png', 100, 200, { alpha: true }))).toEqual({ type: 'png', width: 100, height: 200, hasAlpha: true });
  });

  it('reads greyscale PNGs: grey (type 0) opaque, grey+alpha (type 4) with alpha', async () => {
    const grey = await create(40, 30, 3).toColourspace('b-w').png().toBuffer();
    expect(grey[25]).toBe(0);
    expect(sniffImage(grey)).toMatchObject({ width: 40, height: 30, hasAlpha: false });
    const greyAlpha = await create(40, 30, 4).toColourspace('b-w').png().toBuffer();
    expect(greyAlpha[25]).toBe(4);
    expect(sniffImage(greyAlpha)).toMatchObject({ width: 40, height: 30, hasAlpha: true });
  });

  it('finds a tRNS chunk in a palette PNG and reads a plain palette PNG as opaque', async () => {
    const withTrns = await create(50, 20, 4).png({ palette: true }).toBuffer();
    expect(withTrns[25]).toBe(3);
    expect(withTrns.includes(Buffer.from('tRNS'))).toBe(true);
    expect(sniffImage(withTrns)).toEqual({ type: 'png', width: 50, height: 20, hasAlpha: true });
    const plain = await create(50, 20, 3).png({ palette: true }).toBuffer();
    expect(plain[25]).toBe(3);
    expect(sniffImage(plain)).toEqual({ type: 'png', width: 50, height: 20, hasAlpha: false });
  });

  it('refuses a PNG cut off inside its IHDR', async () => {
    const png = await solidImage('png', 64, 64);
    expect(sniffImage(png.subarray(0, 24))).toBeNull();
    expect(sniffImage(png.subarray(0, 8))).toBeNull();
  });

  it('refuses a PNG signature followed by something other than IHDR', async () => {
    const png = Buffer.from(await solidImage('png', 64, 64));
    png.write('IDAT', 12, 'ascii');
    expect(sniffImage(png)).toBeNull();
  });

  it('refuses a PNG whose IHDR says 0 pixels wide', async () => {
    const png = Buffer.from(await solidImage('png', 64, 64));
    png.writeUInt32BE(0, 16);
    expect(sniffImage(png)).toBeNull();
  });
});

describe('sniffImage: JPEG', () => {
  it.each([
    [1, 1],
    [64, 48],
    [1024, 1536],
    [5000, 3],
  ])('reads a %ix%i JPEG, never with alpha', async (w, h) => {
    expect(sniffImage(await solidImage('jpeg', w, h))).toEqual({ type: 'jpeg', width: w, height: h, hasAlpha: false });
  });

  it('reads a progressive JPEG (SOF2)', async () => {
    const jpeg = await create(321, 123, 3).jpeg({ progressive: true }).toBuffer();
    expect(jpeg.includes(Buffer.from([0xff, 0xc2]))).toBe(true);
    expect(sniffImage(jpeg)).toEqual({ type: 'jpeg', width: 321, height: 123, hasAlpha: false });
  });

  it('skips EXIF and ICC segments before the frame header', async () => {
    const jpeg = await create(200, 100, 3).withMetadata({ orientation: 6 }).withIccProfile('srgb').jpeg().toBuffer();
    expect(sniffImage(jpeg)).toEqual({ type: 'jpeg', width: 200, height: 100, hasAlpha: false });
  });

  it('refuses a JPEG cut off before its frame header', async () => {
    const jpeg = await solidImage('jpeg', 64, 64);
    expect(sniffImage(jpeg.subarray(0, 20))).toBeNull();
  });
});

describe('sniffImage: WebP', () => {
  it.each([
    [1, 1],
    [64, 48],
    [1536, 1024],
    [999, 17],
  ])('reads a lossy opaque %ix%i WebP (VP8)', async (w, h) => {
    const webp = await solidImage('webp', w, h);
    expect(webp.toString('ascii', 12, 16)).toBe('VP8 ');
    expect(sniffImage(webp)).toEqual({ type: 'webp', width: w, height: h, hasAlpha: false });
  });

  it('reads a lossy WebP with alpha (VP8X + ALPH)', async () => {
    const webp = await solidImage('webp', 300, 77, { alpha: true });
    expect(webp.toString('ascii', 12, 16)).toBe('VP8X');
    expect(sniffImage(webp)).toEqual({ type: 'webp', width: 300, height: 77, hasAlpha: true });
  });

  it('reads lossless WebPs (VP8L) with and without alpha', async () => {
    const opaque = await create(257, 129, 3).webp({ lossless: true }).toBuffer();
    expect(opaque.toString('ascii', 12, 16)).toBe('VP8L');
    expect(sniffImage(opaque)).toEqual({ type: 'webp', width: 257, height: 129, hasAlpha: false });
    const alpha = await create(129, 257, 4).webp({ lossless: true }).toBuffer();
    expect(sniffImage(alpha)).toMatchObject({ type: 'webp', width: 129, height: 257, hasAlpha: true });
  });

  it('reads the 24-bit canvas size of a hand-built VP8X header (20000x16, alpha flag set)', () => {
    const w = 20000 - 1;
    const h = 16 - 1;
    const header = Buffer.from([
      ...Buffer.from('RIFF'), 22, 0, 0, 0, ...Buffer.from('WEBPVP8X'), 10, 0, 0, 0,
      0x10, 0, 0, 0, w & 0xff, (w >> 8) & 0xff, w >> 16, h & 0xff, (h >> 8) & 0xff, h >> 16,
    ]);
    expect(sniffImage(header)).toEqual({ type: 'webp', width: 20000, height: 16, hasAlpha: true });
    header[20] = 0;
    expect(sniffImage(header)?.hasAlpha).toBe(false);
  });
});

describe('sniffImage: not an image', () => {
  it('returns null for random bytes', () => {
    for (const seed of [1, 2, 3, 42, 1234567]) expect(sniffImage(noiseBytes(2048, seed))).toBeNull();
  });

  it('returns null for empty input, text, and a GIF', () => {
    expect(sniffImage(new Uint8Array(0))).toBeNull();
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toBeNull();
    expect(sniffImage(new TextEncoder().encode('GIF89a\x10\x00\x10\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04'))).toBeNull();
  });

  it('returns null for a RIFF that is not WebP', () => {
    const wav = Buffer.alloc(64);
    wav.write('RIFF', 0, 'ascii');
    wav.write('WAVEfmt ', 8, 'ascii');
    expect(sniffImage(wav)).toBeNull();
  });
});

it('maps types to MIME types', () => {
  expect(MIME).toEqual({ png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' });
});

describe('sniffOutput: what an answer really is (api-2026-12 §7.7)', () => {
  const text = (s: string) => new TextEncoder().encode(s);

  it('reads a real animated GIF from sharp (GIF89a) with its frame size', async () => {
    const animated = await sharp(await create(32, 96, 3).raw().toBuffer(), { raw: { width: 32, height: 96, channels: 3, pageHeight: 32 } })
      .gif({ delay: [50, 50, 50], loop: 0 })
      .toBuffer();
    expect(animated.subarray(0, 6).toString('ascii')).toBe('GIF89a');
    expect(sniffOutput(animated)).toEqual({ format: 'gif', mime: 'image/gif', width: 32, height: 32 });
  });

  it('reads GIF87a and GIF89a headers, and nothing that only starts like one', () => {
    const head = (sig: string) => Buffer.concat([Buffer.from(sig, 'ascii'), Buffer.from([0x40, 0x01, 0xf0, 0x00, 0x80, 0, 0])]);
    expect(sniffOutput(head('GIF87a'))).toEqual({ format: 'gif', mime: 'image/gif', width: 320, height: 240 });
    expect(sniffOutput(head('GIF89a'))).toMatchObject({ format: 'gif', width: 320, height: 240 });
    expect(sniffOutput(head('GIF88a'))).toBeNull();
    expect(sniffOutput(Buffer.from('GIF89a', 'ascii'))).toBeNull();
  });

  it.each([
    ['a bare root', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"/>', { width: 10, height: 20 }],
    ['an XML prolog', '<?xml version="1.0" encoding="UTF-8"?>\n<svg width="64px" height="48" viewBox="0 0 64 48"></svg>', { width: 64, height: 48 }],
    ['whitespace, comments and a DOCTYPE', ' \n\t<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- b --><svg\n  viewBox="0 0 5 5"></svg>', {}],
    ['a DOCTYPE with an internal subset', '<?xml version="1.0"?><!DOCTYPE svg [ <!ENTITY a "b"> ]><svg width="100%" height="1"/>', {}],
    ['a namespace prefix', '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="3" height="4"/>', { width: 3, height: 4 }],
    ['a UTF-8 BOM', '\ufeff<svg width="7" height="8"></svg>', { width: 7, height: 8 }],
  ])('reads an SVG with %s', (_, doc, size) => {
    const info = sniffOutput(text(doc));
    expect(info).toMatchObject({ format: 'svg', mime: 'image/svg+xml' });
    expect({ width: info!.width, height: info!.height }).toEqual({ width: undefined, height: undefined, ...size });
  });

  it.each([
    ['HTML', '<!doctype html><html><body><svg></svg></body></html>'],
    ['another root', '<?xml version="1.0"?><rss><svg/></rss>'],
    ['an svg-like name', '<svgx width="1" height="1"/>'],
    ['an unclosed comment', '<!-- <svg>'],
    ['text before the root', 'hello <svg/>'],
    ['an empty input', ''],
  ])('refuses %s', (_, doc) => {
    expect(sniffOutput(text(doc))).toBeNull();
  });

  it('still reads PNG, JPEG and WebP, with their MIME types', async () => {
    for (const type of ['png', 'jpeg', 'webp'] as const) {
      const info = sniffOutput(await solidImage(type, 30, 20));
      expect(info).toMatchObject({ format: type, mime: MIME[type], width: 30, height: 20 });
    }
  });

  it('returns null for random bytes', () => {
    for (const seed of [1, 2, 3, 42]) expect(sniffOutput(noiseBytes(2048, seed))).toBeNull();
  });

  it('maps every output format to its MIME type', () => {
    expect(OUTPUT_MIME).toEqual({ png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', svg: 'image/svg+xml' });
  });
});
