import { describe, expect, it } from 'vitest';
import type { ImagesUsage } from '../cost/usage';
import type { GenerationError, GenerationEvent } from '../generation/events';
import { applyEvent, cancelRun, pruneRuns, tileKey, type GalleryState, type RunState, type UrlFactory } from './apply-event';

/** Object URLs as the browser hands them out, counted so a leak shows. */
function fakeUrls() {
  const live = new Set<string>();
  let created = 0;
  let revoked = 0;
  const urls: UrlFactory & { live: Set<string>; counts(): { created: number; revoked: number } } = {
    live,
    create(blob) {
      expect(blob).toBeInstanceOf(Blob);
      const url = `blob:test/${++created}`;
      live.add(url);
      return url;
    },
    revoke(url) {
      if (!live.delete(url)) throw new Error(`revoked ${url}, which is not live`);
      revoked++;
    },
    counts: () => ({ created, revoked }),
  };
  return urls;
}

/** Every object URL the state still shows: what must not have been revoked, and all that may stay live. */
function referenced(state: GalleryState): Set<string> {
  const out = new Set<string>();
  for (const t of Object.values(state.tiles)) {
    if (t.partial) out.add(t.partial.url);
    if (t.image?.blob) out.add(t.image.url);
  }
  return out;
}

function expectNoLeak(state: GalleryState, urls: ReturnType<typeof fakeUrls>) {
  const { created, revoked } = urls.counts();
  expect(created - revoked).toBe(referenced(state).size);
  expect([...urls.live].sort()).toEqual([...referenced(state)].sort());
}

const run = (id: string, startedAt = 1_000): RunState => ({ id, provider: 'offline', endpoint: 'generate', fields: { model: 'gpt-image-2', prompt: 'a fox' }, prompt: 'a fox', startedAt, streaming: true, status: 'starting', tiles: [] });
const begin = (...runs: RunState[]): GalleryState => ({ runs: Object.fromEntries(runs.map((r) => [r.id, r])), tiles: {} });

const started = (tiles: number): GenerationEvent => ({ type: 'started', jobId: 'job-1', tiles, streaming: true });
const partial = (tile: number, partialIndex: number): GenerationEvent => ({ type: 'partial', tile, partialIndex, bytes: new Uint8Array([partialIndex, 1, 2]), mime: 'image/png', at: 1_100 });
const usage: ImagesUsage = { input_tokens: 10, input_tokens_details: { text_tokens: 10, image_tokens: 0 }, output_tokens: 272, output_tokens_details: { image_tokens: 272, text_tokens: 0 }, total_tokens: 282 };
const completed = (tile: number, extra: Partial<Extract<GenerationEvent, { type: 'completed' }>> = {}): GenerationEvent => ({
  type: 'completed', tile, bytes: new Uint8Array([9, 9, 9, 9]), mime: 'image/webp', width: 1024, height: 768,
  echoed: { size: '1024x768', quality: 'low', output_format: 'webp' }, usage, revisedPrompt: 'a red fox', latencyMs: 420, at: 1_500, ...extra,
});
const failure = (status: number, code: string): GenerationError => ({ status, code, message: `failed: ${code}`, type: 'server_error', param: null });

/** Fold events into run r1 one by one, the way the store dispatches them. */
function fold(urls: UrlFactory, events: GenerationEvent[], state = begin(run('r1'))): GalleryState {
  return events.reduce((s, e, i) => applyEvent(s, 'r1', e, urls, 2_000 + i), state);
}
const tile = (s: GalleryState, i: number, runId = 'r1') => s.tiles[tileKey(runId, i)];

describe('applyEvent: started', () => {
  it('creates n waiting tiles and marks the run running with its job id', () => {
    const s = fold(fakeUrls(), [started(3)]);
    expect(s.runs.r1).toMatchObject({ status: 'running', jobId: 'job-1', tiles: ['r1:0', 'r1:1', 'r1:2'] });
    expect([0, 1, 2].map((i) => tile(s, i).status)).toEqual(['waiting', 'waiting', 'waiting']);
    expect(tile(s, 2).prompt).toBe('a fox');
  });

  it('does not revive a run cancelled on the page before its job answered', () => {
    const cancelled = cancelRun(begin(run('r1')), 'r1', 1_500);
    expect(cancelled.runs.r1.status).toBe('cancelled');
    expect(fold(fakeUrls(), [started(2)], cancelled)).toBe(cancelled);
  });

  it('ignores events for a run it does not know', () => {
    const state = begin(run('r1'));
    expect(applyEvent(state, 'nope', started(2), fakeUrls())).toBe(state);
  });
});

describe('applyEvent: partial images', () => {
  it('streams, counts partials, and replaces the previous partial, revoking its URL', () => {
    const urls = fakeUrls();
    const one = fold(urls, [started(2), partial(0, 0)]);
    expect(tile(one, 0)).toMatchObject({ status: 'streaming', partials: 1, partial: { index: 0, mime: 'image/png' } });
    const firstUrl = tile(one, 0).partial!.url;
    const two = applyEvent(one, 'r1', partial(0, 1), urls, 2_600);
    expect(tile(two, 0)).toMatchObject({ partials: 2, partial: { index: 1 } });
    expect(tile(two, 0).partial!.url).not.toBe(firstUrl);
    expect(urls.live.has(firstUrl)).toBe(false);
    expect(tile(two, 1).status).toBe('waiting');
    expectNoLeak(two, urls);
  });

  it('keeps the bytes of the partial as a blob and times the first partial from the start', async () => {
    const s = fold(fakeUrls(), [started(1), partial(0, 0), partial(0, 1)]);
    expect([...new Uint8Array(await tile(s, 0).partial!.blob!.arrayBuffer())]).toEqual([1, 1, 2]);
    expect(tile(s, 0).firstPartialMs).toBe(2_001 - 1_000);
  });
});

describe('applyEvent: completed', () => {
  it('sets done with image, echoed settings, usage and latency, and revokes the partial', async () => {
    const urls = fakeUrls();
    const s = fold(urls, [started(1), partial(0, 0), partial(0, 1), completed(0)]);
    const t = tile(s, 0);
    expect(t).toMatchObject({ status: 'done', image: { mime: 'image/webp', width: 1024, height: 768 }, echoed: { size: '1024x768', quality: 'low' }, usage, revisedPrompt: 'a red fox', latencyMs: 420, partials: 2 });
    expect(t.partial).toBeUndefined();
    expect(await t.image!.blob!.text()).toBe('\t\t\t\t');
    expect(urls.counts()).toEqual({ created: 3, revoked: 2 });
    expectNoLeak(s, urls);
  });

  it('keeps a remote URL answer as it is, creating no object URL', () => {
    const urls = fakeUrls();
    const s = fold(urls, [started(1), completed(0, { bytes: undefined, url: 'https://cdn.example/x.png', mime: 'image/png' })]);
    expect(tile(s, 0).image).toEqual({ url: 'https://cdn.example/x.png', mime: 'image/png', width: 1024, height: 768 });
    expect(urls.counts().created).toBe(0);
  });

  it('keeps the run running until every tile is done, then marks it done', () => {
    const first = fold(fakeUrls(), [started(2), completed(1)]);
    expect(first.runs.r1.status).toBe('running');
    const s = applyEvent(first, 'r1', completed(0), fakeUrls(), 3_000);
    expect(s.runs.r1).toMatchObject({ status: 'done', endedAt: 3_000 });
  });
});

describe('applyEvent: how a run ends', () => {
  it('is done when any tile is done, even if others failed or were cancelled', () => {
    const s = fold(fakeUrls(), [started(3), { type: 'error', tile: 0, error: failure(500, 'server_error') }, { type: 'cancelled', tile: 1 }, completed(2)]);
    expect(s.runs.r1.status).toBe('done');
  });

  it('is cancelled when none is done and one was cancelled', () => {
    const s = fold(fakeUrls(), [started(2), { type: 'error', tile: 0, error: failure(500, 'server_error') }, { type: 'cancelled', tile: 1 }]);
    expect(s.runs.r1.status).toBe('cancelled');
  });

  it('is failed when every tile failed', () => {
    const s = fold(fakeUrls(), [started(2), { type: 'error', tile: 1, error: failure(400, 'moderation_blocked') }, { type: 'error', tile: 0, error: failure(500, 'server_error') }]);
    expect(s.runs.r1.status).toBe('failed');
    expect(tile(s, 1).error?.code).toBe('moderation_blocked');
  });
});

describe('applyEvent: errors', () => {
  it('fails every open tile on a whole-request error, keeping partials and finished tiles', () => {
    const urls = fakeUrls();
    const error = failure(0, 'stream_incomplete');
    const s = fold(urls, [started(3), partial(0, 0), completed(1), { type: 'error', tile: null, error }]);
    expect(tile(s, 0)).toMatchObject({ status: 'failed', error, partial: { index: 0 } });
    expect(tile(s, 1).status).toBe('done');
    expect(tile(s, 1).error).toBeUndefined();
    expect(tile(s, 2)).toMatchObject({ status: 'failed', error });
    expect(s.runs.r1).toMatchObject({ status: 'done', error });
    expectNoLeak(s, urls);
  });

  it('fails a run refused before it started, with one failed tile to show the alert', () => {
    const s = fold(fakeUrls(), [{ type: 'error', tile: null, error: failure(401, 'invalid_api_key') }]);
    expect(s.runs.r1).toMatchObject({ status: 'failed', tiles: ['r1:0'] });
    expect(tile(s, 0)).toMatchObject({ status: 'failed', error: { code: 'invalid_api_key' } });
  });

  it('fails one tile on a per-tile error and leaves the others streaming', () => {
    const s = fold(fakeUrls(), [started(2), partial(0, 0), partial(1, 0), { type: 'error', tile: 1, error: failure(400, 'moderation_blocked') }]);
    expect(tile(s, 1)).toMatchObject({ status: 'failed', partial: { index: 0 } });
    expect(tile(s, 0).status).toBe('streaming');
    expect(s.runs.r1.status).toBe('running');
  });
});

describe('cancelling', () => {
  it('keeps the last partial of a tile cancelled by the server', () => {
    const urls = fakeUrls();
    const s = fold(urls, [started(2), partial(0, 0), partial(0, 1), { type: 'cancelled', tile: null }]);
    expect(tile(s, 0)).toMatchObject({ status: 'cancelled', partial: { index: 1 } });
    expect(tile(s, 1).status).toBe('cancelled');
    expect(s.runs.r1.status).toBe('cancelled');
    expectNoLeak(s, urls);
  });

  it('cancelRun marks open tiles cancelled, keeps partials and done tiles, and ends the run', () => {
    const urls = fakeUrls();
    const s = cancelRun(fold(urls, [started(3), partial(0, 0), completed(2)]), 'r1', 9_000);
    expect(tile(s, 0)).toMatchObject({ status: 'cancelled', partial: { index: 0 } });
    expect(tile(s, 1).status).toBe('cancelled');
    expect(tile(s, 2).status).toBe('done');
    expect(s.runs.r1).toMatchObject({ status: 'done', endedAt: 9_000 });
    expectNoLeak(s, urls);
  });

  it('cancelRun before the server answered ends the run as cancelled', () => {
    const s = cancelRun(begin(run('r1')), 'r1', 9_000);
    expect(s.runs.r1).toMatchObject({ status: 'cancelled', endedAt: 9_000 });
  });

  it('leaves a finished run as it ended', () => {
    const done = fold(fakeUrls(), [started(1), completed(0)]);
    expect(cancelRun(done, 'r1', 9_999).runs.r1).toEqual(done.runs.r1);
  });
});

describe('events after a tile finished', () => {
  it.each<[string, GenerationEvent]>([
    ['a partial', partial(0, 5)],
    ['a completed image', completed(0, { width: 1 })],
    ['an error', { type: 'error', tile: 0, error: failure(500, 'server_error') }],
    ['a cancel', { type: 'cancelled', tile: 0 }],
  ])('ignores %s after cancel, and keeps the partial that was shown', (_, late) => {
    const urls = fakeUrls();
    const cancelled = cancelRun(fold(urls, [started(1), partial(0, 0)]), 'r1', 5_000);
    const s = applyEvent(cancelled, 'r1', late, urls, 6_000);
    expect(tile(s, 0)).toEqual(tile(cancelled, 0));
    expect(s.runs.r1.status).toBe('cancelled');
    expectNoLeak(s, urls);
  });

  it('ignores a repeated completed event without leaking a URL', () => {
    const urls = fakeUrls();
    const once = fold(urls, [started(1), completed(0)]);
    const twice = applyEvent(once, 'r1', completed(0, { latencyMs: 1 }), urls);
    expect(tile(twice, 0).latencyMs).toBe(420);
    expectNoLeak(twice, urls);
  });
});

describe('pruneRuns', () => {
  it('keeps the newest runs and revokes every URL of the dropped ones', () => {
    const urls = fakeUrls();
    let s = begin(run('old', 1), run('mid', 2), run('new', 3));
    const stream = (id: string, events: GenerationEvent[]) => { s = events.reduce((acc, e) => applyEvent(acc, id, e, urls, 10), s); };
    stream('old', [started(2), completed(0), partial(1, 0), { type: 'cancelled', tile: null }]);
    stream('mid', [started(1), partial(0, 0), partial(0, 1)]);
    stream('new', [started(1), partial(0, 0), completed(0)]);
    expectNoLeak(s, urls);

    const pruned = pruneRuns(s, 2, urls);
    expect(Object.keys(pruned.runs).sort()).toEqual(['mid', 'new']);
    expect(Object.keys(pruned.tiles).some((k) => k.startsWith('old:'))).toBe(false);
    expect(pruned.tiles['mid:0'].partial).toBeDefined();
    expectNoLeak(pruned, urls);

    const none = pruneRuns(pruned, 0, urls);
    expect(none).toEqual({ runs: {}, tiles: {} });
    expect(urls.live.size).toBe(0);
  });

  it('returns the same state when nothing is over the limit', () => {
    const s = begin(run('a', 1), run('b', 2));
    expect(pruneRuns(s, 4, fakeUrls())).toBe(s);
  });
});
