import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error';
import type { UploadLimits } from './limits';
import { UPLOAD_ID, UploadStore, type Reservation } from './store.server';

const MB = 1024 * 1024;
const FACTS = { mime: 'image/png', width: 2, height: 2, filename: 'a.png' };

function setup(limits: Partial<UploadLimits> = {}) {
  let now = 1_000_000;
  const all: UploadLimits = { fileBytes: 50 * MB, userBytes: 100 * MB, totalBytes: 150 * MB, keepMs: 30 * 60_000, ...limits };
  const store = new UploadStore(() => all, () => now);
  return { store, advance: (ms: number) => (now += ms) };
}

function reserved(r: Reservation | ApiError): Reservation {
  if (r instanceof ApiError) throw new Error(`refused: ${r.message}`);
  return r;
}

/** Upload `size` bytes in one go, as the route does with a declared length. */
function put(store: UploadStore, owner: string, size: number) {
  return reserved(store.reserve(owner, size)).commit(new Uint8Array(size), FACTS);
}

describe('the upload store', () => {
  it('gives each upload a random id of the documented shape', () => {
    const { store } = setup();
    const ids = new Set(Array.from({ length: 200 }, () => put(store, 'team', 10).id));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(UPLOAD_ID);
  });

  it('hands an upload to its owner once, and to nobody else', () => {
    const { store } = setup();
    const up = put(store, 'invite:alice', 1234);
    expect(store.take('invite:bob', up.id)).toBeUndefined();
    const taken = store.take('invite:alice', up.id);
    expect(taken?.bytes.byteLength).toBe(1234);
    expect(taken?.mime).toBe('image/png');
    // Used once: a second request with the same id finds nothing.
    expect(store.take('invite:alice', up.id)).toBeUndefined();
    expect(store.usage('invite:alice')).toBe(0);
    expect(store.usage()).toBe(0);
  });

  it('a failed attempt by another user does not consume the upload', () => {
    const { store } = setup();
    const up = put(store, 'invite:alice', 10);
    store.take('invite:bob', up.id);
    expect(store.take('invite:alice', up.id)?.id).toBe(up.id);
  });

  it('refuses ids that are not strings or not of its shape without looking them up', () => {
    const { store } = setup();
    for (const id of [undefined, null, 42, {}, ['x'], '../etc/passwd', 'upload-short', `upload-${'a'.repeat(200)}`]) {
      expect(store.take('team', id)).toBeUndefined();
    }
  });

  it('forgets an upload nobody used after the retention time', () => {
    const { store, advance } = setup({ keepMs: 60_000 });
    const kept = put(store, 'team', 100);
    const forgotten = put(store, 'team', 100);
    advance(30_000);
    expect(store.take('team', kept.id)).toBeDefined();
    advance(30_001);
    expect(store.take('team', forgotten.id)).toBeUndefined();
    expect(store.usage('team')).toBe(0);
  });

  it('refuses a declared length over the per-file limit at once, with 413 naming the limit', () => {
    const { store } = setup();
    const r = store.reserve('team', 300 * MB);
    expect(r).toBeInstanceOf(ApiError);
    const e = r as ApiError;
    expect(e.status).toBe(413);
    expect(e.code).toBe('file_too_large');
    expect(e.message).toContain('300 MB');
    expect(e.message).toContain('50 MB');
    expect(store.usage()).toBe(0);
  });

  it('counts a chunked upload as it grows and refuses it the moment it passes the file limit', () => {
    const { store } = setup({ fileBytes: 10 * MB });
    const r = reserved(store.reserve('team'));
    for (let i = 0; i < 10; i++) expect(r.grow(MB)).toBeNull();
    expect(store.usage('team')).toBe(10 * MB);
    const e = r.grow(1);
    expect(e?.status).toBe(413);
    expect(e?.message).toContain('10 MB');
    r.release();
    expect(store.usage()).toBe(0);
  });

  it("holds one person's waiting uploads to their budget (429 naming UPLOAD_USER_MB); using one frees its share", () => {
    const { store } = setup({ userBytes: 100 * MB });
    const first = put(store, 'invite:alice', 40 * MB);
    put(store, 'invite:alice', 40 * MB);
    const refused = store.reserve('invite:alice', 40 * MB) as ApiError;
    expect(refused.status).toBe(429);
    expect(refused.code).toBe('upload_budget_exceeded');
    expect(refused.message).toMatch(/limit per person is 100 MB \(UPLOAD_USER_MB\)/);
    // Someone else is not held to Alice's budget.
    expect(store.reserve('invite:bob', 40 * MB)).not.toBeInstanceOf(ApiError);
    store.take('invite:alice', first.id);
    expect(store.reserve('invite:alice', 40 * MB)).not.toBeInstanceOf(ApiError);
  });

  it("holds everyone's uploads to the total budget, counting uploads still in progress", () => {
    const { store } = setup({ fileBytes: 100 * MB, userBytes: 100 * MB, totalBytes: 150 * MB });
    put(store, 'invite:alice', 50 * MB);
    const inProgress = reserved(store.reserve('invite:bob'));
    expect(inProgress.grow(50 * MB)).toBeNull();
    const refused = store.reserve('invite:carol', 50 * MB + 1) as ApiError;
    expect(refused.status).toBe(429);
    expect(refused.code).toBe('uploads_full');
    expect(refused.message).toContain('UPLOAD_TOTAL_MB');
    expect(refused.message).toContain('150 MB');
    // The upload in progress fails: its bytes are given back.
    inProgress.release();
    expect(store.reserve('invite:carol', 50 * MB + 1)).not.toBeInstanceOf(ApiError);
  });

  it('a released or committed reservation cannot be counted twice', () => {
    const { store } = setup();
    const r = reserved(store.reserve('team', 100));
    r.release();
    r.release();
    expect(store.usage()).toBe(0);
    const c = reserved(store.reserve('team', 100));
    const up = c.commit(new Uint8Array(100), FACTS);
    c.release();
    expect(store.usage('team')).toBe(100);
    expect(() => c.commit(new Uint8Array(100), FACTS)).toThrow();
    store.take('team', up.id);
    expect(store.usage()).toBe(0);
  });
});

describe('the shared store', () => {
  afterEach(() => {
    delete (globalThis as { __uploadStore?: unknown }).__uploadStore;
  });

  it('is one instance for every bundle that imports it', async () => {
    const a = (await import('./store.server')).uploadStore();
    const b = (await import('./store.server')).uploadStore();
    expect(a).toBe(b);
  });
});
