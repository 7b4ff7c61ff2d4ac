import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobHandle, ReplayPolicy } from './jobs.server';
import type { GenerationEvent } from '../generation/events';
import { CHAT_REPLAY, type ChatEvent } from '../chat/events';
import { applyEvent, type GalleryState } from '../studio/apply-event';

type Jobs = typeof import('./jobs.server');
let jobs: Jobs;

beforeEach(async () => {
  // A fresh registry per test: it lives on globalThis so every server bundle shares one.
  delete (globalThis as { __generationJobs?: unknown }).__generationJobs;
  vi.resetModules();
  jobs = await import('./jobs.server');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** A job under a fresh id, as the browser names it; the test fails if the registry refuses it. */
function start(owner: string): JobHandle;
function start<E>(owner: string, policy: ReplayPolicy<E>): JobHandle<E>;
function start(owner: string, policy?: ReplayPolicy<any>): JobHandle<unknown> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const started = policy ? jobs.startJob(owner, randomUUID(), policy) : jobs.startJob(owner, randomUUID());
  if (!started.ok) throw new Error(started.error.message);
  return started.job as JobHandle<unknown>;
}

const KB = 1024;
const startedEvent = (jobId: string, tiles = 1): GenerationEvent => ({ type: 'started', jobId, tiles, streaming: true });
const partial = (tile: number, partialIndex: number, size = 4): GenerationEvent => ({ type: 'partial', tile, partialIndex, bytes: new Uint8Array(size).fill(partialIndex), mime: 'image/png', at: 1 });
const completed = (tile: number, size = 8): GenerationEvent => ({
  type: 'completed', tile, bytes: new Uint8Array(size).fill(9), mime: 'image/png', width: 1024, height: 1024, echoed: {}, usage: null, latencyMs: 5, at: 2,
});

/** Collect what a stream delivers, in the background; `settled()` waits for what is already on its way. */
function tap(stream: ReadableStream<GenerationEvent>) {
  const state = { got: [] as GenerationEvent[], closed: false };
  const reader = stream.getReader();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return void (state.closed = true);
      state.got.push(value);
    }
  })();
  return Object.assign(state, { settled: () => new Promise((r) => setTimeout(r, 10)) });
}

async function drain(stream: ReadableStream<GenerationEvent>) {
  const t = tap(stream);
  await t.settled();
  return t;
}

const kinds = (events: GenerationEvent[]) => events.map((e) => (e.type === 'partial' ? `partial ${e.tile}.${e.partialIndex}` : e.type === 'started' || e.type === 'keepalive' ? e.type : `${e.type} ${e.tile}`));

describe('the job id the browser chose', () => {
  const id = '3b241101-e2bb-4255-8caf-4136c566a962';

  it('registers the job under that id, for its owner to follow and cancel', async () => {
    const started = jobs.startJob('alice', id);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.job.id).toBe(id);
    started.job.emit(startedEvent(id));
    expect(kinds((await drain(jobs.follow(id, 'alice')!)).got)).toEqual(['started']);
    expect(jobs.cancelJob(id, 'alice')).toBe(true);
    expect(started.job.signal.aborted).toBe(true);
  });

  it.each([
    ['not a UUID', 'job-1', "'job-1'"],
    ['empty', '', "''"],
    ['upper case (a second spelling of the same id)', id.toUpperCase(), `'${id.toUpperCase()}'`],
    ['not version 4', '3b241101-e2bb-1255-8caf-4136c566a962', "'3b241101-e2bb-1255-8caf-4136c566a962'"],
    ['with spaces around it', ` ${id}`, `' ${id}'`],
    ['a number', 42, 'a value of type number'],
    ['null', null, 'null'],
    ['an object', { id }, 'a value of type object'],
  ])('refuses an id that is %s with a 400 naming jobId and the value', (_, bad, shown) => {
    const started = jobs.startJob('alice', bad);
    expect(started).toMatchObject({ ok: false, error: { status: 400, param: 'jobId', code: 'invalid_value', type: 'invalid_request_error' } });
    if (started.ok) return;
    expect(started.error.message).toContain(`Invalid 'jobId': ${shown}`);
    expect(started.error.message).toContain('crypto.randomUUID()');
  });

  it('clips a long bad id in the message', () => {
    const started = jobs.startJob('alice', 'x'.repeat(10_000));
    expect(!started.ok && started.error.message.length).toBeLessThan(400);
  });

  it('names the job itself when the caller gave no id', () => {
    const started = jobs.startJob('alice', undefined);
    expect(started.ok && started.job.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses an id already in use, by its owner or anyone else, with the same 409, and leaves the job alone', async () => {
    const first = jobs.startJob('alice', id);
    if (!first.ok) throw new Error('not started');
    first.job.emit(startedEvent(id));
    const again = jobs.startJob('alice', id);
    const hijack = jobs.startJob('bob', id, CHAT_REPLAY);
    expect(again).toEqual(hijack);
    expect(again).toMatchObject({ ok: false, error: { status: 409, param: 'jobId', code: 'job_id_in_use' } });
    expect(!again.ok && again.error.message).toContain(id);
    // Still alice's, still running, with what it kept: not replaced, not cancelled, not bob's.
    expect(first.job.signal.aborted).toBe(false);
    expect(jobs.follow(id, 'bob')).toBeNull();
    expect(jobs.cancelJob(id, 'bob')).toBe(false);
    expect(kinds((await drain(jobs.follow(id, 'alice')!)).got)).toEqual(['started']);
  });

  it('a finished job keeps its id until it is forgotten; a job that kept nothing frees it at once', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('JOB_RETENTION_MIN', '1');
    const kept = jobs.startJob('alice', id);
    if (!kept.ok) throw new Error('not started');
    kept.job.emit(startedEvent(id));
    jobs.endJob(id);
    expect(jobs.startJob('alice', id).ok).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(jobs.startJob('alice', id).ok).toBe(true);

    // A request refused before its work began (its job kept nothing): the id is free for a retry.
    const other = '9c5b94b1-35ad-49bb-b118-8e8fc24abf80';
    expect(jobs.startJob('alice', other).ok).toBe(true);
    jobs.endJob(other);
    expect(jobs.startJob('alice', other).ok).toBe(true);
  });

});

describe('replay, then live', () => {
  it('replays the started event and only the latest partial per tile, then streams the rest as it happens', async () => {
    const job = start('alice');
    job.emit(startedEvent(job.id, 2));
    job.emit(partial(0, 0));
    job.emit(partial(0, 1));
    job.emit(partial(1, 0));
    const t = tap(jobs.follow(job.id, 'alice')!);
    await t.settled();
    expect(kinds(t.got)).toEqual(['started', 'partial 0.1', 'partial 1.0']);
    expect(t.closed).toBe(false);

    job.emit(completed(0));
    job.emit({ type: 'error', tile: 1, error: { status: 500, message: 'boom', type: 'server_error', param: null, code: 'server_error' } });
    jobs.endJob(job.id);
    await t.settled();
    expect(kinds(t.got.slice(3))).toEqual(['completed 0', 'error 1']);
    expect(t.closed).toBe(true);
  });

  it('after the job ended, replays the final images (not the partials they replaced) and closes', async () => {
    const job = start('alice');
    job.emit(startedEvent(job.id, 2));
    job.emit(partial(0, 0));
    job.emit(partial(1, 0));
    job.emit(completed(0));
    job.emit({ type: 'cancelled', tile: 1 });
    jobs.endJob(job.id);
    const { got, closed } = await drain(jobs.follow(job.id, 'alice')!);
    expect(kinds(got)).toEqual(['started', 'partial 1.0', 'completed 0', 'cancelled 1']);
    expect(closed).toBe(true);
  });

  it('a replay folds into the same gallery tiles as the live stream did', async () => {
    const job = start('alice');
    const live: GenerationEvent[] = [startedEvent(job.id, 3), partial(0, 0), partial(1, 0), partial(0, 1), completed(1), partial(2, 0),
      { type: 'error', tile: null, error: { status: 0, message: 'cut', type: 'stream_error', param: null, code: 'stream_incomplete' } }];
    live.forEach((e) => job.emit(e));
    jobs.endJob(job.id);
    const { got } = await drain(jobs.follow(job.id, 'alice')!);
    const urls = { create: () => `blob:${Math.random()}`, revoke: () => {} };
    const fold = (events: GenerationEvent[]) => {
      const s0: GalleryState = { runs: { r: { id: 'r', provider: 'offline', endpoint: 'generate', fields: {}, prompt: 'p', startedAt: 0, streaming: true, status: 'starting', tiles: [] } }, tiles: {} };
      const s = events.reduce((acc, e) => applyEvent(acc, 'r', e, urls, 10), s0);
      return [s.runs.r.status, ...Object.values(s.tiles).map((t) => `${t.status}:${t.partial?.index ?? '-'}:${t.image ? 'image' : '-'}`)];
    };
    expect(fold(got)).toEqual(fold(live));
    expect(fold(got)).toEqual(['done', 'failed:1:-', 'done:-:image', 'failed:0:-']);
  });
});

describe('the browser leaving, Cancel, and owners', () => {
  it('a subscriber that goes away does not stop the job; a second one gets everything', async () => {
    const job = start('alice');
    job.emit(startedEvent(job.id));
    const first = jobs.follow(job.id, 'alice')!;
    await first.cancel();
    expect(job.signal.aborted).toBe(false);
    job.emit(partial(0, 0));
    job.emit(completed(0));
    jobs.endJob(job.id);
    expect(kinds((await drain(jobs.follow(job.id, 'alice')!)).got)).toEqual(['started', 'completed 0']);
  });

  it('Cancel aborts the upstream signal of a running job, once', () => {
    const job = start('alice');
    expect(jobs.cancelJob(job.id, 'alice')).toBe(true);
    expect(job.signal.aborted).toBe(true);
    jobs.endJob(job.id);
    expect(jobs.cancelJob(job.id, 'alice')).toBe(false);
  });

  it("another user can neither follow nor cancel someone's job: it is as unknown as a missing one", () => {
    const job = start('alice');
    job.emit(startedEvent(job.id));
    expect(jobs.follow(job.id, 'bob')).toBeNull();
    expect(jobs.cancelJob(job.id, 'bob')).toBe(false);
    expect(job.signal.aborted).toBe(false);
    expect(jobs.follow('no-such-job', 'alice')).toBeNull();
    expect(jobs.follow(42 as unknown as string, 'alice')).toBeNull();
  });

  it("a stranger's Cancel changes nothing: the job runs on to its image, live and in the replay, and stays closed to them after it ended", async () => {
    const job = start('alice');
    job.emit(startedEvent(job.id));
    const live = tap(jobs.follow(job.id, 'alice')!);
    expect(jobs.cancelJob(job.id, 'bob')).toBe(false);
    expect(job.signal.aborted).toBe(false);
    job.emit(partial(0, 0));
    job.emit(completed(0));
    jobs.endJob(job.id);
    await live.settled();
    expect(kinds(live.got)).toEqual(['started', 'partial 0.0', 'completed 0']);
    expect(live.closed).toBe(true);
    expect(jobs.follow(job.id, 'bob')).toBeNull();
    expect(jobs.cancelJob(job.id, 'bob')).toBe(false);
    expect(kinds((await drain(jobs.follow(job.id, 'alice')!)).got)).toEqual(['started', 'completed 0']);
  });

  it('a job that kept nothing is cancelled only by its owner and forgotten when it ends', () => {
    const job = start('alice');
    expect(jobs.cancelJob(job.id, 'bob')).toBe(false);
    expect(jobs.cancelJob(job.id, 'alice')).toBe(true);
    jobs.endJob(job.id);
    expect(jobs.follow(job.id)).toBeNull();
  });

  it('events emitted after the end are ignored', async () => {
    const job = start('alice');
    job.emit(startedEvent(job.id));
    jobs.endJob(job.id);
    job.emit(completed(0));
    expect(kinds((await drain(jobs.follow(job.id, 'alice')!)).got)).toEqual(['started']);
  });
});

describe('retention', () => {
  it('keeps a finished job for JOB_RETENTION_MIN minutes after it ended, then forgets it', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('JOB_RETENTION_MIN', '2');
    const job = start('alice');
    job.emit(startedEvent(job.id));
    vi.advanceTimersByTime(10 * 60_000); // a long generation: running jobs do not expire
    expect(jobs.follow(job.id, 'alice')).not.toBeNull();
    jobs.endJob(job.id);
    vi.advanceTimersByTime(2 * 60_000 - 1);
    expect(jobs.follow(job.id, 'alice')).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(jobs.follow(job.id, 'alice')).toBeNull();
  });

  it('over JOB_RETENTION_MB, forgets the finished jobs that ended first, never a running one', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('JOB_RETENTION_MB', String(1)); // 1024 KB
    const finish = (size: number) => {
      const job = start('alice');
      job.emit(startedEvent(job.id));
      job.emit(completed(0, size * KB));
      jobs.endJob(job.id);
      vi.advanceTimersByTime(1000);
      return job.id;
    };
    const a = finish(300);
    const b = finish(300);
    const running = start('alice');
    running.emit(startedEvent(running.id));
    running.emit(partial(0, 0, 300 * KB));
    expect(jobs.retainedBytes()).toBeLessThan(1024 * KB);
    const c = finish(300); // 1200 KB in all: the oldest finished job goes
    expect(jobs.follow(a, 'alice')).toBeNull();
    expect([b, c, running.id].map((id) => jobs.follow(id, 'alice') !== null)).toEqual([true, true, true]);
    expect(jobs.retainedBytes()).toBeLessThanOrEqual(1024 * KB);

    // Running jobs alone over the cap: every finished one goes, the running ones stay and keep streaming.
    running.emit(partial(1, 0, 900 * KB));
    expect([b, c, running.id].map((id) => jobs.follow(id, 'alice') !== null)).toEqual([false, false, true]);
    jobs.endJob(running.id);
    expect(jobs.follow(running.id, 'alice')).toBeNull();
  });

  it('counts the image bytes of a partial once: a newer partial replaces the older one', () => {
    const job = start('alice');
    job.emit(startedEvent(job.id));
    job.emit(partial(0, 0, 100 * KB));
    const one = jobs.retainedBytes();
    job.emit(partial(0, 1, 100 * KB));
    expect(jobs.retainedBytes()).toBe(one);
    job.emit(completed(0, 200 * KB));
    expect(jobs.retainedBytes()).toBe(one + 100 * KB);
  });

  it('a bad JOB_RETENTION_MB falls back to the default with one warning naming it', () => {
    vi.stubEnv('JOB_RETENTION_MB', 'lots');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const job = start('alice');
    job.emit(startedEvent(job.id));
    job.emit(completed(0, 2000 * KB));
    jobs.endJob(job.id);
    expect(jobs.follow(job.id, 'alice')).not.toBeNull();
    expect(warn.mock.calls.flat().join(' ')).toMatch(/JOB_RETENTION_MB='lots' is not a number ≥ 0; using the default 512/);
    warn.mockRestore();
  });
});

describe('chat turns (CHAT_REPLAY)', () => {
  const png = (size: number, fill = 1) => new Uint8Array(size).fill(fill);
  const chatPartial = (index: number, size = 4): ChatEvent => ({ type: 'partial', index, bytes: png(size, index), mime: 'image/png' });
  const image = (size = 8): ChatEvent => ({ type: 'image', callId: 'ig_1', bytes: png(size, 9), mime: 'image/png', revisedPrompt: 'a cat, revised' });
  const said = (events: ChatEvent[]) => events.map((e) => (e.type === 'partial' ? `partial ${e.index}` : e.type));
  const chatTap = (stream: ReadableStream<ChatEvent>) => tap(stream as unknown as ReadableStream<GenerationEvent>) as unknown as { got: ChatEvent[]; closed: boolean; settled(): Promise<unknown> };

  it('replays the job id, the upload ids and only the latest partial, then streams the image, text and end live', async () => {
    const job = start('alice', CHAT_REPLAY);
    job.emit({ type: 'started', jobId: job.id });
    job.emit({ type: 'uploaded', fileIds: ['file-1'] });
    job.emit(chatPartial(0));
    job.emit({ type: 'keepalive' });
    job.emit(chatPartial(1));
    const t = chatTap(jobs.follow(job.id, 'alice', CHAT_REPLAY)!);
    await t.settled();
    expect(said(t.got)).toEqual(['started', 'uploaded', 'partial 1']);
    expect(t.closed).toBe(false);

    job.emit(image());
    job.emit({ type: 'text', text: 'Here is your cat.' });
    job.emit({ type: 'completed', responseId: 'resp_1' });
    jobs.endJob(job.id);
    await t.settled();
    expect(said(t.got.slice(3))).toEqual(['image', 'text', 'completed']);
    expect(t.closed).toBe(true);
  });

  it('after the turn ended, replays the image instead of the partial it replaced, then the text and the response id', async () => {
    const job = start('alice', CHAT_REPLAY);
    [{ type: 'started', jobId: job.id }, chatPartial(0), chatPartial(1), image(), { type: 'text', text: 'Done.' }, { type: 'completed', responseId: 'resp_1' }]
      .forEach((e) => job.emit(e as ChatEvent));
    jobs.endJob(job.id);
    const t = chatTap(jobs.follow(job.id, 'alice', CHAT_REPLAY)!);
    await t.settled();
    expect(said(t.got)).toEqual(['started', 'image', 'text', 'completed']);
    expect(t.got[1]).toMatchObject({ callId: 'ig_1', revisedPrompt: 'a cat, revised' });
    expect(t.got[3]).toEqual({ type: 'completed', responseId: 'resp_1' });
    expect(t.closed).toBe(true);
  });

  it('a cancelled or failed turn replays its last partial and how it ended', async () => {
    for (const end of [{ type: 'cancelled' }, { type: 'error', error: { status: 500, message: 'boom', type: 'server_error', param: null, code: 'server_error' } }] as ChatEvent[]) {
      const job = start('alice', CHAT_REPLAY);
      job.emit({ type: 'started', jobId: job.id });
      job.emit(chatPartial(0));
      job.emit(end);
      jobs.endJob(job.id);
      const t = chatTap(jobs.follow(job.id, 'alice', CHAT_REPLAY)!);
      await t.settled();
      expect(said(t.got)).toEqual(['started', 'partial 0', end.type]);
    }
  });

  it("a chat turn's id is unknown to the studio's follow, and a generation's to the chat's", () => {
    const turn = start('alice', CHAT_REPLAY);
    turn.emit({ type: 'started', jobId: turn.id });
    const generation = start('alice');
    generation.emit(startedEvent(generation.id));
    expect(jobs.follow(turn.id, 'alice')).toBeNull();
    expect(jobs.follow(generation.id, 'alice', CHAT_REPLAY)).toBeNull();
    expect(jobs.follow(turn.id, 'alice', CHAT_REPLAY)).not.toBeNull();
    expect(jobs.follow(generation.id, 'alice')).not.toBeNull();
  });

  it('only its owner may follow or cancel a turn; a subscriber leaving does not stop it', async () => {
    const job = start('alice', CHAT_REPLAY);
    job.emit({ type: 'started', jobId: job.id });
    expect(jobs.follow(job.id, 'bob', CHAT_REPLAY)).toBeNull();
    expect(jobs.cancelJob(job.id, 'bob')).toBe(false);
    await jobs.follow(job.id, 'alice', CHAT_REPLAY)!.cancel();
    expect(job.signal.aborted).toBe(false);
    expect(jobs.cancelJob(job.id, 'alice')).toBe(true);
    expect(job.signal.aborted).toBe(true);
  });

  it('counts toward JOB_RETENTION_MB with the studio: a partial once, the image replacing it; expires after JOB_RETENTION_MIN', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('JOB_RETENTION_MIN', '1');
    vi.stubEnv('JOB_RETENTION_MB', '1');
    const job = start('alice', CHAT_REPLAY);
    job.emit({ type: 'started', jobId: job.id });
    const base = jobs.retainedBytes();
    job.emit(chatPartial(0, 100 * KB));
    job.emit(chatPartial(1, 100 * KB));
    expect(jobs.retainedBytes()).toBe(base + 256 + 100 * KB);
    job.emit(image(300 * KB));
    expect(jobs.retainedBytes()).toBe(base + 256 + 300 * KB);
    jobs.endJob(job.id);

    // A studio generation that ends later pushes the total over 1 MB: the turn, which ended first, goes.
    vi.advanceTimersByTime(1000);
    const gen = start('alice');
    gen.emit(startedEvent(gen.id));
    gen.emit(completed(0, 800 * KB));
    jobs.endJob(gen.id);
    expect(jobs.follow(job.id, 'alice', CHAT_REPLAY)).toBeNull();
    expect(jobs.follow(gen.id, 'alice')).not.toBeNull();

    const later = start('alice', CHAT_REPLAY);
    later.emit({ type: 'started', jobId: later.id });
    jobs.endJob(later.id);
    vi.advanceTimersByTime(60_000);
    expect(jobs.follow(later.id, 'alice', CHAT_REPLAY)).toBeNull();
  });
});
