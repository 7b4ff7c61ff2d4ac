import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerationError, GenerationEvent } from '../generation/events';
import { CHAT_REPLAY, type ChatEvent } from '../chat/events';

type Lifecycle = typeof import('./lifecycle.server');
type Jobs = typeof import('./jobs.server');
let lifecycle: Lifecycle;
let jobs: Jobs;

beforeEach(async () => {
  delete (globalThis as { __generationJobs?: unknown }).__generationJobs;
  vi.resetModules();
  jobs = await import('./jobs.server');
  lifecycle = await import('./lifecycle.server');
  vi.stubEnv('STREAM_KEEPALIVE_MS', '0');
});

const alice = { id: 'invite:alice', name: 'alice' };
const bob = { id: 'invite:bob', name: 'bob' };
const refusal: GenerationError = { status: 429, message: 'rate limit', type: 'invalid_request_error', param: null, code: 'rate_limited' };

async function drain<E>(stream: ReadableStream<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const e of stream as unknown as AsyncIterable<E>) out.push(e);
  return out;
}

describe('runJob: one lifecycle for the studio and the chat', () => {
  it('runs prepare → work → settle → end, in that order, and the browser sees every event', async () => {
    const order: string[] = [];
    const id = randomUUID();
    const started = await lifecycle.runJob<GenerationEvent>(alice, id, jobs.GENERATION_REPLAY, async (job) => {
      order.push('prepare');
      return {
        ok: true,
        prepared: {
          gate: {
            observe: (e) => (order.push(`observe:${e.type}`), e),
            finish: async () => {
              // The job is still running while the spend settles: a browser that reads the spend after its stream closed sees it.
              order.push(`settle:${jobs.cancelJob(id, alice.id) ? 'job-open' : 'job-ended'}`);
            },
          },
          work: async (emit) => {
            order.push('work');
            emit({ type: 'started', jobId: job.id, tiles: 1, streaming: false });
          },
        },
      };
    });
    if (!started.ok) throw new Error(started.error.message);
    const events = await drain(started.events);
    expect(events.map((e) => e.type)).toEqual(['started']);
    expect(order).toEqual(['prepare', 'work', 'observe:started', 'settle:job-open']);
    // Ended: the id stays taken until it is forgotten.
    expect(jobs.startJob('invite:alice', id)).toMatchObject({ ok: false, error: { code: 'job_id_in_use' } });
  });

  it('settles before the job ends (the stream closes only after finish resolved)', async () => {
    let settled = false;
    const started = await lifecycle.runJob<ChatEvent>(alice, randomUUID(), CHAT_REPLAY, async () => ({
      ok: true,
      prepared: {
        gate: { observe: (e) => e, finish: () => new Promise<void>((r) => setTimeout(() => ((settled = true), r()), 30)) },
        work: async (emit) => emit({ type: 'completed', responseId: 'resp_1' }),
      },
    }));
    if (!started.ok) throw new Error('not started');
    await drain(started.events);
    expect(settled).toBe(true);
  });

  it('a refused start keeps its reason for a tab that resumes it; only the owner can', async () => {
    const id = randomUUID();
    const started = await lifecycle.runJob<GenerationEvent>(alice, id, jobs.GENERATION_REPLAY, async () => ({ ok: false, error: refusal }));
    expect(started).toEqual({ ok: false, error: refusal });
    const resumed = lifecycle.resumeJob(id, alice, jobs.GENERATION_REPLAY);
    if (!resumed.ok) throw new Error(resumed.error.message);
    expect(await drain(resumed.events)).toEqual([{ type: 'error', tile: null, error: refusal }]);
    expect(lifecycle.resumeJob(id, bob, jobs.GENERATION_REPLAY)).toMatchObject({ ok: false, error: { code: 'job_not_found', status: 404 } });
    // Another kind's resume does not find it either.
    expect(lifecycle.resumeJob(id, alice, CHAT_REPLAY)).toMatchObject({ ok: false, error: { code: 'job_not_found' } });
  });

  it('a prepare that throws is a typed server_error, kept for resume, and nothing is left running', async () => {
    const id = randomUUID();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const started = await lifecycle.runJob<ChatEvent>(alice, id, CHAT_REPLAY, async () => {
      throw new TypeError('boom with secret sk-test-1234');
    });
    expect(started).toMatchObject({ ok: false, error: { status: 500, code: 'server_error' } });
    expect(!started.ok && started.error.message).not.toContain('sk-test');
    expect(spy.mock.calls.flat().join(' ')).not.toContain('sk-test');
    const resumed = lifecycle.resumeJob(id, alice, CHAT_REPLAY);
    expect(resumed.ok && (await drain(resumed.events)).map((e) => e.type)).toEqual(['error']);
    spy.mockRestore();
  });

  it('work that throws ends the run with an error event and still settles', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const finish = vi.fn(async () => {});
    const started = await lifecycle.runJob<GenerationEvent>(alice, randomUUID(), jobs.GENERATION_REPLAY, async () => ({
      ok: true,
      prepared: { gate: { observe: (e) => e, finish }, work: async () => Promise.reject(new Error('bug')) },
    }));
    if (!started.ok) throw new Error('not started');
    expect((await drain(started.events)).map((e) => e.type)).toEqual(['error']);
    expect(finish).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('ends the job even when the gate throws while observing (an unpriced model once did): the browser is never left waiting', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const started = await lifecycle.runJob<GenerationEvent>(alice, randomUUID(), jobs.GENERATION_REPLAY, async (job) => ({
      ok: true,
      prepared: {
        gate: {
          observe: (e) => {
            if (e.type !== 'started') throw new TypeError("Cannot read properties of undefined (reading 'unit')");
            return e;
          },
          finish: async () => Promise.reject(new Error('settle failed')),
        },
        work: async (emit) => {
          emit({ type: 'started', jobId: job.id, tiles: 1, streaming: false });
          emit({ type: 'cancelled', tile: 0 });
        },
      },
    }));
    if (!started.ok) throw new Error('not started');
    const events = await Promise.race([drain(started.events), new Promise<never>((_, no) => setTimeout(() => no(new Error('the job never ended')), 2000))]);
    expect(events.map((e) => e.type)).toEqual(['started', 'error']);
    spy.mockRestore();
  });

  it('refuses a malformed or used job id before prepare runs', async () => {
    const prepare = vi.fn();
    expect(await lifecycle.runJob(alice, 'not-a-uuid', jobs.GENERATION_REPLAY, prepare)).toMatchObject({ ok: false, error: { param: 'jobId', status: 400 } });
    expect(prepare).not.toHaveBeenCalled();
  });
});
