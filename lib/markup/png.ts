/**
 * A PNG encoder for RGBA pixels (colour type 6, 8 bits, no interlace), with every row unfiltered and the
 * deflate from the platform's CompressionStream. The markup is mostly transparent zeros, which deflate
 * quickly; the canvas's own encoder took 1.13 s on a 4K markup, this 0.47 s (npm run bench, Chromium).
 */

let table: Uint32Array | null = null;

function crc32(parts: Uint8Array[]): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const p of parts) for (let i = 0; i < p.length; i++) c = table[(c ^ p[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array[] {
  const head = new Uint8Array(8);
  const view = new DataView(head.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) head[4 + i] = type.charCodeAt(i);
  const tail = new Uint8Array(4);
  new DataView(tail.buffer).setUint32(0, crc32([head.subarray(4), data]));
  return [head, data, tail];
}

/** zlib (RFC 1950) stream of `data`, as PNG's IDAT wants it. */
async function zlib(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `rgba`: width × height × 4 bytes, not premultiplied (as getImageData gives them). */
export async function encodeRgbaPng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Promise<Blob> {
  if (rgba.length !== width * height * 4) throw new Error(`encodeRgbaPng: ${rgba.length} bytes for ${width}×${height} RGBA.`);
  const stride = width * 4;
  // Filter type 0 (None) before each row: the zero byte is already there.
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const parts = [signature, ...chunk('IHDR', ihdr), ...chunk('IDAT', await zlib(raw)), ...chunk('IEND', new Uint8Array(0))];
  return new Blob(parts as BlobPart[], { type: 'image/png' });
}
