import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { filenameFrom, receiveUpload } from './receive.server';
import { uploadStore } from './store.server';

const TEAM = { id: 'team', name: 'Team' };

afterEach(() => {
  delete (globalThis as { __uploadStore?: unknown }).__uploadStore;
});

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/uploads', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('POST /api/uploads', () => {
  it('keeps an image for its owner and answers its id, size and type from the bytes', async () => {
    const bytes = new Uint8Array(await sharp({ create: { width: 30, height: 20, channels: 4, background: '#123456' } }).webp().toBuffer());
    const res = await receiveUpload(post(bytes, { 'content-type': 'image/png', 'x-filename': encodeURIComponent('café photo.png') }), TEAM);
    expect(res.status).toBe(201);
    const answer = await res.json();
    expect(answer).toMatchObject({ bytes: bytes.byteLength, mime: 'image/webp', width: 30, height: 20 });
    const kept = uploadStore().take('team', answer.id)!;
    expect(kept.filename).toBe('café photo.png');
    expect(Buffer.from(kept.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses bytes that are not an image and keeps nothing', async () => {
    const res = await receiveUpload(post('hello, not a picture'), TEAM);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_image_format', param: 'file', type: 'invalid_request_error' });
    expect(uploadStore().usage()).toBe(0);
  });

  it('refuses a declared length over the file limit without reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (c) => (pulled++, c.enqueue(new Uint8Array(1024))) });
    const res = await receiveUpload(post(body, { 'content-length': String(60 * 1024 * 1024) }), TEAM);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('file_too_large');
    expect(pulled).toBeLessThanOrEqual(1);
    expect(uploadStore().usage()).toBe(0);
  });
});

describe('the file name', () => {
  it('is decoded, never a path, and has a default', () => {
    expect(filenameFrom(encodeURIComponent('../../etc/passwd'), 'png')).toBe('.._.._etc_passwd');
    expect(filenameFrom('%E0%A4%A', 'png')).toBe('upload.png');
    expect(filenameFrom(null, 'jpeg')).toBe('upload.jpeg');
    expect(filenameFrom(encodeURIComponent('a\nb\u0000c.png'), 'png')).toBe('a_b_c.png');
  });
});

describe('uploads from another site', () => {
  it('refuses a browser Origin that is not this host, and takes this host, a proxied host or no Origin', async () => {
    const { foreignOrigin } = await import('./receive.server');
    expect(foreignOrigin(new Headers({ host: 'play.example', origin: 'https://evil.example' }))).toBe('https://evil.example');
    expect(foreignOrigin(new Headers({ host: 'play.example', origin: 'null' }))).toBe('null');
    expect(foreignOrigin(new Headers({ host: 'play.example', origin: 'https://play.example' }))).toBeNull();
    expect(foreignOrigin(new Headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'play.example', origin: 'https://play.example' }))).toBeNull();
    expect(foreignOrigin(new Headers({ host: 'play.example' }))).toBeNull();
  });
});
