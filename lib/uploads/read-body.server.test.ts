import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error';
import { UploadStore, type Reservation } from './store.server';
import { declaredLength, readUpload } from './read-body.server';

const MB = 1024 * 1024;

function streamOf(chunks: number[], fill = 7): ReadableStream<Uint8Array> & { pulled: () => number } {
  let i = 0;
  const s = new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < chunks.length) c.enqueue(new Uint8Array(chunks[i++]).fill(fill));
      else c.close();
    },
  }) as ReadableStream<Uint8Array> & { pulled: () => number };
  s.pulled = () => i;
  return s;
}

function reservation(store: UploadStore, declared?: number): Reservation {
  const r = store.reserve('team', declared ?? 0);
  if (r instanceof ApiError) throw r;
  return r;
}

describe('reading an upload', () => {
  const limits = { fileBytes: 4 * MB, userBytes: 100 * MB, totalBytes: 100 * MB, keepMs: 60_000 };

  it('reads a declared length into one buffer of that size', async () => {
    const store = new UploadStore(() => limits);
    const bytes = await readUpload(streamOf([1000, 24]), 1024, reservation(store, 1024));
    expect(bytes.byteLength).toBe(1024);
    expect(bytes.every((b) => b === 7)).toBe(true);
  });

  it('refuses a body that ends before its declared length', async () => {
    const store = new UploadStore(() => limits);
    await expect(readUpload(streamOf([10]), 20, reservation(store, 20))).rejects.toMatchObject({ status: 400, code: 'upload_incomplete' });
  });

  it('stops reading a chunked body as soon as it passes the file limit', async () => {
    const store = new UploadStore(() => limits);
    const body = streamOf(Array.from({ length: 100 }, () => MB));
    const r = reservation(store);
    await expect(readUpload(body, undefined, r)).rejects.toMatchObject({ status: 413, code: 'file_too_large' });
    // Four chunks fit, the fifth is refused: the other 95 are never pulled.
    expect(body.pulled()).toBeLessThan(8);
    r.release();
    expect(store.usage()).toBe(0);
  });

  it('joins a chunked body that fits', async () => {
    const store = new UploadStore(() => limits);
    const bytes = await readUpload(streamOf([3, 4, 5]), undefined, reservation(store));
    expect(bytes.byteLength).toBe(12);
    expect(store.usage('team')).toBe(12);
  });

  it('takes Content-Length only when it is a plain number', () => {
    expect(declaredLength(new Headers({ 'content-length': '123' }))).toBe(123);
    expect(declaredLength(new Headers({}))).toBeUndefined();
    expect(declaredLength(new Headers({ 'content-length': '-5' }))).toBeUndefined();
    expect(declaredLength(new Headers({ 'content-length': '1e9' }))).toBeUndefined();
  });
});
