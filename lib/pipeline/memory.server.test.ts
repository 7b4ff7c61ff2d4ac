import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerationEvent } from '../generation/events';

const MB = 1024 * 1024;
type Jobs = typeof import('./jobs.server');
type Memory = typeof import('./memory.server');
let jobs: Jobs;
let memory: Memory;

beforeEach(async () => {
  delete (globalThis as { __generationJobs?: unknown }).__generationJobs;
  delete (globalThis as { __memoryLedger?: unknown }).__memoryLedger;
  vi.resetModules();
  jobs = await import('./jobs.server');
  memory = await import('./memory.server');
});
afterEach(() => vi.unstubAllEnvs());

const partial = (tile: number, bytes: number): GenerationEvent => ({ type: 'partial', tile, partialIndex: 0, bytes: new Uint8Array(bytes), mime: 'image/png', at: 1 });

function started(owner = 'alice') {
  const s = jobs.startJob(owner, randomUUID());
  if (!s.ok) throw new Error(s.error.message);
  return s.job;
}

describe('one memory budget for kept jobs, unread events and request bodies', () => {
  it('adds up what each holder holds, and gives held bytes back once', () => {
    const release = memory.hold('offline API bodies', 3 * MB);
    expect(memory.memoryInUse().by['offline API bodies']).toBe(3 * MB);
    release();
    release();
    expect(memory.memoryInUse().by['offline API bodies']).toBe(0);
  });

  it('refuses a new job with server_busy (503) while the server holds more than MEMORY_BUDGET_MB, naming what holds it', () => {
    vi.stubEnv('MEMORY_BUDGET_MB', '2');
    const release = memory.hold('offline API bodies', 3 * MB);
    const refused = jobs.startJob('alice', randomUUID());
    expect(refused).toMatchObject({ ok: false, error: { status: 503, code: 'server_busy' } });
    expect(!refused.ok && refused.error.message).toMatch(/MEMORY_BUDGET_MB.*offline API bodies 3 MB/);
    release();
    expect(jobs.startJob('alice', randomUUID()).ok).toBe(true);
  });

  it('counts what a job keeps for replay and what a slow browser has not read', () => {
    const job = started();
    const stream = jobs.follow(job.id, 'alice')!;
    job.emit(partial(0, 2 * MB));
    job.emit(partial(1, 1 * MB));
    const { by } = memory.memoryInUse();
    // Kept: the latest partial of each tile; unread: both events, not yet taken by the reader.
    expect(by['kept jobs']).toBeGreaterThanOrEqual(3 * MB);
    expect(by['unread events']).toBeGreaterThanOrEqual(3 * MB);
    void stream.cancel();
    expect(memory.memoryInUse().by['unread events']).toBe(0);
  });

  it('cuts off a browser that falls more than READER_QUEUE_MB behind; the job goes on and can be followed again', async () => {
    vi.stubEnv('READER_QUEUE_MB', '1');
    const job = started();
    const reader = jobs.follow(job.id, 'alice')!.getReader();
    job.emit(partial(0, 600 * 1024));
    job.emit(partial(0, 600 * 1024));
    // The stream fails with the reason (its queue is dropped: the job keeps what a replay needs).
    await expect(reader.read()).rejects.toThrow(/read too slowly/);
    expect(job.signal.aborted).toBe(false);
    expect(memory.memoryInUse().by['unread events']).toBe(0);
    const again = jobs.follow(job.id, 'alice')!.getReader();
    expect((await again.read()).value).toMatchObject({ type: 'partial', tile: 0 });
  });

  it('refuses a new job past JOBS_MAX_RUNNING running ones, and takes one again when one has ended', () => {
    vi.stubEnv('JOBS_MAX_RUNNING', '2');
    const a = started();
    started('bob');
    expect(jobs.startJob('carol', randomUUID())).toMatchObject({ ok: false, error: { status: 503, code: 'server_busy', message: expect.stringMatching(/JOBS_MAX_RUNNING/) } });
    a.emit(partial(0, 1));
    jobs.endJob(a.id);
    expect(jobs.startJob('carol', randomUUID()).ok).toBe(true);
  });
});
