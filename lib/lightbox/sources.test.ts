import { describe, expect, it } from 'vitest';
import type { HistoryMeta } from '../history/db.client';
import type { RunState, TileState } from '../studio/apply-event';
import type { ChatTurn } from '../chat/thread-store.client';
import { indexOf, stepId, type LightboxItem } from './items';
import { entryItem, tileItem } from './sources';
import { threadItems } from './chat';

const run = (fields: Record<string, unknown>): RunState => ({
  id: 'run-1', provider: 'offline', endpoint: 'generate', fields, prompt: 'a kite', startedAt: 0, streaming: fields.stream === true, status: 'done', tiles: ['run-1:0', 'run-1:1'],
});

const tile = (n: number, patch: Partial<TileState> = {}): TileState => ({
  key: `run-1:${n}`, runId: 'run-1', tile: n, prompt: 'a kite', status: 'done', partials: 0,
  image: { url: `blob:${n}`, mime: 'image/png', width: 1024, height: 1024, blob: new Blob(['x'], { type: 'image/png' }) },
  usage: n === 0 ? { input_tokens: 5, input_tokens_details: { text_tokens: 5, image_tokens: 0 }, output_tokens: 100, output_tokens_details: { image_tokens: 100, text_tokens: 0 }, total_tokens: 105 } : null,
  ...patch,
});

describe('lightbox items', () => {
  it('steps through a list and stays at its ends', () => {
    const items = ['a', 'b', 'c'].map((id) => ({ id }) as LightboxItem);
    expect(stepId(items, 'a', 1)).toBe('b');
    expect(stepId(items, 'c', 1)).toBe('c');
    expect(stepId(items, 'a', -1)).toBe('a');
    expect(indexOf(items, 'gone')).toBe(-1);
    expect(stepId(items, 'gone', 1)).toBe('gone');
  });

  it('a result tile keeps its card alt, its bytes and its filename; a partial says so', () => {
    const done = tileItem(run({ model: 'gpt-image-2', n: 1 }), tile(0))!;
    expect(done).toMatchObject({ id: 'run-1:0', alt: 'a kite', title: 'a kite', src: 'blob:0', filename: 'a-kite.png', width: 1024 });
    expect(done.blob).toBeInstanceOf(Blob);
    const partial = tileItem(run({ model: 'gpt-image-2' }), tile(0, { status: 'cancelled', image: undefined, partial: { url: 'blob:p', mime: 'image/png', width: 0, height: 0, index: 1 } }))!;
    expect(partial).toMatchObject({ alt: 'Partial image 2 of “a kite” (cancelled)', filename: 'a-kite-partial.png', width: undefined });
    expect(tileItem(run({}), tile(0, { image: undefined }))).toBeNull();
  });

  it('a batch reports its one usage on the first image; the others say where it is', () => {
    const r = run({ model: 'gpt-image-2', n: 2, stream: false });
    expect(tileItem(r, tile(0))!.details).toMatchObject({ usageOfRequest: 2, usage: { total_tokens: 105 } });
    const second = tileItem(r, tile(1))!.details!;
    expect(second.usage).toBeUndefined();
    expect(second.extra?.[0][1]).toMatch(/whole request/);
    // Streamed, each image has its own usage.
    expect(tileItem(run({ model: 'gpt-image-2', n: 2, stream: true }), tile(1))!.details!.usage).toBeNull();
  });

  it('a history entry loads its full image on demand and shows its thumbnail meanwhile', async () => {
    const thumb = new Blob(['t']);
    const entry = { id: 'run-1:0', createdAt: 0, prompt: 'a kite', provider: 'offline', model: 'gpt-image-2', fields: {}, status: 'failed', width: 10, height: 20, mime: 'image/jpeg', bytes: 1, thumb } as HistoryMeta;
    const full = new Blob(['f'], { type: 'image/jpeg' });
    const item = entryItem(entry, async (id) => (id === 'run-1:0' ? full : undefined));
    expect(item).toMatchObject({ alt: 'Partial image of “a kite” (failed)', filename: 'a-kite-partial.jpg', thumb });
    expect(item.src).toBeUndefined();
    expect(await item.load!()).toBe(full);
  });

  it("a chat thread's images in turn order: attachments, then each turn's image", () => {
    const turns = [
      { id: 't1', text: 'a lantern', attachments: [{ name: 'ref.png', via: 'data_url', url: 'blob:a' }], status: 'done', image: { url: 'blob:1', callId: 'ig_1', revisedPrompt: 'a paper lantern' }, responseId: 'resp_1' },
      { id: 't2', text: 'a bridge', attachments: [], status: 'cancelled', partial: 'blob:2' },
    ] as ChatTurn[];
    const items = threadItems(turns);
    expect(items.map((i) => [i.id, i.alt])).toEqual([
      ['t1:attachment:0', 'Attached image 1: ref.png'],
      ['t1:image', 'a paper lantern'],
      ['t2:image', 'Partial image for: a bridge (cancelled)'],
    ]);
    expect(items[1].details?.extra).toContainEqual(['image call', 'ig_1']);
  });
});
