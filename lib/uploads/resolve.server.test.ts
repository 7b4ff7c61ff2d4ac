import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error';
import { uploadStore } from './store.server';
import { asFile, takeInputUploads } from './resolve.server';

function put(owner: string, filename = 'a.png'): string {
  const r = uploadStore().reserve(owner, 3);
  if (r instanceof ApiError) throw r;
  return r.commit(new Uint8Array([1, 2, 3]), { mime: 'image/png', width: 1, height: 1, filename }).id;
}

afterEach(() => {
  delete (globalThis as { __uploadStore?: unknown }).__uploadStore;
});

describe("an action's upload ids", () => {
  it('resolve to the bytes, names and types the route recorded, in order', async () => {
    const ids = [put('team', 'one.png'), put('team', 'two.png')];
    const mask = put('team', 'mask.png');
    const taken = takeInputUploads('team', { imageIds: ids, maskId: mask });
    if (taken instanceof ApiError) throw taken;
    expect(taken.images.map((u) => u.filename)).toEqual(['one.png', 'two.png']);
    const file = asFile(taken.mask!);
    expect([file.name, file.type, file.size]).toEqual(['mask.png', 'image/png', 3]);
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it("refuse another user's id exactly like a missing one, naming the field", () => {
    const alice = put('invite:alice');
    const mine = put('invite:bob');
    const theirs = takeInputUploads('invite:bob', { imageIds: [mine, alice] }) as ApiError;
    const missing = takeInputUploads('invite:bob', { imageIds: [put('invite:bob'), 'upload-AAAAAAAAAAAAAAAAAAAAAAAA'] }) as ApiError;
    expect(theirs).toBeInstanceOf(ApiError);
    expect(theirs).toMatchObject({ status: 400, param: 'imageIds[1]', code: 'upload_not_found' });
    expect(theirs.message.replace(alice, 'ID')).toBe(missing.message.replace('upload-AAAAAAAAAAAAAAAAAAAAAAAA', 'ID'));
    // Alice still has hers.
    expect(takeInputUploads('invite:alice', { imageIds: [alice] })).not.toBeInstanceOf(ApiError);
  });

  it('are all used even when one is refused, so none waits out the retention time', () => {
    const a = put('team');
    const refused = takeInputUploads('team', { imageIds: [a, 'nope'], maskId: put('team') });
    expect(refused).toMatchObject({ param: 'imageIds[1]' });
    expect(uploadStore().usage('team')).toBe(0);
  });

  it('refuse a wrong type naming the field', () => {
    expect(takeInputUploads('team', { imageIds: 'upload-x' })).toMatchObject({ status: 400, param: 'imageIds', code: 'invalid_type' });
    expect(takeInputUploads('team', { maskId: 7 })).toMatchObject({ status: 400, param: 'maskId', code: 'invalid_type' });
    expect(takeInputUploads('team', { maskId: 'upload-unknown' })).toMatchObject({ status: 400, param: 'maskId', code: 'upload_not_found' });
    expect(takeInputUploads('team', {})).toEqual({ images: [], mask: undefined });
  });
});
