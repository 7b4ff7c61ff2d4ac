import { describe, expect, it } from 'vitest';
import { foldTurn } from './fold';
import type { ChatTurn } from './thread-store.client';

const turn = (extra: Partial<ChatTurn> = {}): ChatTurn => ({ id: 't1', text: 'a cat', attachments: [{ name: 'a.png', via: 'file' }], status: 'running', jobId: 'j', ...extra });
const bytes = new Uint8Array([1, 2, 3]);

describe('foldTurn: a chat event into its turn, without side effects', () => {
  it('stores a partial, then replaces it by the image', () => {
    expect(foldTurn(turn(), { type: 'partial', index: 0, bytes, mime: 'image/png' })).toEqual({ patch: {}, images: [{ keep: 'partial', bytes, mime: 'image/png' }], ended: false });
    const image = foldTurn(turn(), { type: 'image', callId: 'ig_1', bytes, mime: 'image/png', revisedPrompt: 'r' });
    expect(image.patch).toEqual({ image: { callId: 'ig_1', revisedPrompt: 'r' } });
    expect(image.images).toEqual([{ keep: 'image', bytes, mime: 'image/png' }, { drop: 'partial' }]);
  });
  it('gives the attachments and the mask their file ids', () => {
    const t = turn({ mask: { name: 'mask.png', via: 'file' } });
    expect(foldTurn(t, { type: 'uploaded', fileIds: ['file_1'], maskFileId: 'file_m' }).patch).toEqual({ attachments: [{ name: 'a.png', via: 'file', fileId: 'file_1' }], mask: { name: 'mask.png', via: 'file', fileId: 'file_m' } });
  });
  it('ends the turn on completed, cancelled or error, letting go of the job; keeps the partial on cancel', () => {
    expect(foldTurn(turn(), { type: 'completed', responseId: 'resp_1' })).toEqual({ patch: { status: 'done', responseId: 'resp_1', jobId: undefined }, images: [], ended: true });
    const cancelled = foldTurn(turn(), { type: 'cancelled' });
    expect(cancelled).toMatchObject({ patch: { status: 'cancelled', jobId: undefined }, ended: true });
    expect(cancelled.images).toEqual([]);
    const error = { status: 0, message: 'quiet', type: 'timeout', param: null, code: 'upstream_idle_timeout' };
    expect(foldTurn(turn(), { type: 'error', error })).toMatchObject({ patch: { status: 'failed', error }, ended: true });
  });
  it('leaves the turn as it was', () => {
    const t = turn();
    const copy = structuredClone(t);
    foldTurn(t, { type: 'uploaded', fileIds: ['f'] });
    foldTurn(t, { type: 'completed', responseId: 'r' });
    expect(t).toEqual(copy);
    expect(foldTurn(t, { type: 'keepalive' })).toEqual({ patch: {}, images: [], ended: false });
  });
});
