import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerationEvent } from './events';
import { applyEvent, type GalleryState } from '../studio/apply-event';

type Jobs = typeof import('./jobs');
let jobs: Jobs;

beforeEach(async () => {
  // A fresh registry per test: it lives on globalThis so every server bundle shares one.
  delete (globalThis as { __generationJobs?: unknown }).__generationJobs;
  vi.resetModules();
  jobs = await import('./jobs');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const KB = 1024;
const started = (jobId: string, tiles = 1): GenerationEvent => ({ type: 'started', jobId, tiles, streaming: true });
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

describe('replay, then live', () => {
  it('replays the started event and only the latest partial per tile, then streams the rest as it happens', async () => {
    const job = jobs.startJob('alice');
    job.emit(started(job.id, 2));
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
    const job = jobs.startJob('alice');
    job.emit(started(job.id, 2));
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
    const job = jobs.startJob('alice');
    const live: GenerationEvent[] = [started(job.id, 3), partial(0, 0), partial(1, 0), partial(0, 1), completed(1), partial(2, 0),
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
    const job = jobs.startJob('alice');
    job.emit(started(job.id));
    const first = jobs.follow(job.id, 'alice')!;
    await first.cancel();
    expect(job.signal.aborted).toBe(false);
    job.emit(partial(0, 0));
    job.emit(completed(0));
    jobs.endJob(job.id);
    expect(kinds((await drain(jobs.follow(job.id, 'alice')!)).got)).toEqual(['started', 'completed 0']);
  });

  it('Cancel aborts the upstream signal of a running job, once', () => {
    const job = jobs.startJob('alice');
    expect(jobs.cancelJob(job.id, 'alice')).toBe(true);
    expect(job.signal.aborted).toBe(true);
    jobs.endJob(job.id);
    expect(jobs.cancelJob(job.id, 'alice')).toBe(false);
  });

  it("another user can neither follow nor cancel someone's job: it is as unknown as a missing one", () => {
    const job = jobs.startJob('alice');
    job.emit(started(job.id));
    expect(jobs.follow(job.id, 'bob')).toBeNull();
    expect(jobs.cancelJob(job.id, 'bob')).toBe(false);
    expect(job.signal.aborted).toBe(false);
    expect(jobs.follow('no-such-job', 'alice')).toBeNull();
    expect(jobs.follow(42 as unknown as string, 'alice')).toBeNull();
  });

  it('a job that streams its own events (the chat) is cancelled only by its owner and forgotten when it ends with nothing kept', () => {
    const job = jobs.startJob('alice');
    expect(jobs.cancelJob(job.id, 'bob')).toBe(false);
    expect(jobs.cancelJob(job.id, 'alice')).toBe(true);
    jobs.endJob(job.id);
    expect(jobs.follow(job.id)).toBeNull();
  });

  it('events emitted after the end are ignored', async () => {
    const job = jobs.startJob('alice');
    job.emit(started(job.id));
    jobs.endJob(job.id);
    job.emit(completed(0));
    expect(kinds((await drain(jobs.follow(job.id, 'alice')!)).got)).toEqual(['started']);
  });
});

describe('retention', () => {
  it('keeps a finished job for JOB_RETENTION_MIN minutes after it ended, then forgets it', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('JOB_RETENTION_MIN', '2');
    const job = jobs.startJob('alice');
    job.emit(started(job.id));
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
      const job = jobs.startJob('alice');
      job.emit(started(job.id));
      job.emit(completed(0, size * KB));
      jobs.endJob(job.id);
      vi.advanceTimersByTime(1000);
      return job.id;
    };
    const a = finish(300);
    const b = finish(300);
    const running = jobs.startJob('alice');
    running.emit(started(running.id));
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
    const job = jobs.startJob('alice');
    job.emit(started(job.id));
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
    const job = jobs.startJob('alice');
    job.emit(started(job.id));
    job.emit(completed(0, 2000 * KB));
    jobs.endJob(job.id);
    expect(jobs.follow(job.id, 'alice')).not.toBeNull();
    expect(warn.mock.calls.flat().join(' ')).toMatch(/JOB_RETENTION_MB='lots' is not a number ≥ 0; using the default 512/);
    warn.mockRestore();
  });
});
