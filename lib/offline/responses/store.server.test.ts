import { describe, expect, it } from 'vitest';
import { BoundedStore, getFile, getResponse, putFile, putResponse, RESPONSE_TTL_MS, type FileMeta } from './store.server';

describe('offline responses store', () => {
  it('forgets entries after their time', () => {
    const now = 1_000_000;
    putResponse('resp_t1', { body: { id: 'resp_t1' }, prompts: ['a'] }, now);
    expect(getResponse('resp_t1', now + 1)?.body.id).toBe('resp_t1');
    expect(getResponse('resp_t1', now + RESPONSE_TTL_MS + 1)).toBeUndefined();
  });

  it('drops the oldest when over its byte budget', () => {
    const s = new BoundedStore<string>(10);
    s.put('a', 'a', 6, Infinity);
    s.put('b', 'b', 6, Infinity);
    expect(s.get('a')).toBeUndefined();
    expect(s.get('b')).toBe('b');
  });

  it('keeps files an hour at most, whatever expires_after asked', () => {
    const now = Date.now();
    const meta: FileMeta = { id: 'file-t1', object: 'file', bytes: 3, created_at: Math.floor(now / 1000), filename: 'x', purpose: 'vision', status: 'processed', expires_at: Math.floor(now / 1000) + 86_400 };
    putFile(meta, Buffer.from('abc'), now);
    expect(getFile('file-t1', now + 1000)?.meta.id).toBe('file-t1');
    expect(getFile('file-t1', now + 2 * 3_600_000)).toBeUndefined();
  });
});
