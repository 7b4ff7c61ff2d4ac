import 'server-only';
/**
 * Generations by id, each owned by the user who started it. A server action has no request signal, so Cancel
 * is its own action that aborts the job's upstream calls here (design.md "Cancel needs its own path"). A closed
 * browser connection does not stop a job: the job keeps what a browser needs to rebuild its gallery tiles (the
 * `started` event, the latest partial per tile, every event that ends a tile or the run) so `follow` can replay
 * it to a browser that comes back and then stream the rest live.
 *
 * Bounds, read from the environment on every use:
 * - JOB_RETENTION_MIN (default 30): a finished job is forgotten this many minutes after it ended.
 * - JOB_RETENTION_MB (default 512): the events all jobs keep, together; over it, the finished jobs that ended
 *   first are forgotten first. A running job is never evicted (it keeps at most one partial and one final image
 *   per tile); if running jobs alone are over the cap, each is forgotten as soon as it finishes: its live stream
 *   still gets everything, but a closed tab can no longer recover it.
 */
import { randomUUID } from 'node:crypto';
import { envNumber } from './env-number';
import type { GenerationEvent } from './events';

/** A live subscriber: each event as it happens, then null when the job has ended. */
type Listener = (event: GenerationEvent | null) => void;

interface Job {
  /** User.id of whoever started it: only they may follow or cancel it. */
  owner: string;
  controller: AbortController;
  endedAt?: number;
  started?: GenerationEvent;
  partials: Map<number, GenerationEvent>;
  endings: GenerationEvent[];
  listeners: Set<Listener>;
}

export interface JobHandle {
  id: string;
  signal: AbortSignal;
  /** Keep the event for replay and pass it to every live subscriber. */
  emit(event: GenerationEvent): void;
}

const g = globalThis as unknown as { __generationJobs?: Map<string, Job> };
const jobs: Map<string, Job> = (g.__generationJobs ??= new Map());

const MB = 1024 * 1024;
/** What an event costs to keep besides its image bytes (ids, usage, echoed settings). */
const EVENT_OVERHEAD = 256;

function settings() {
  return { keepMs: envNumber('JOB_RETENTION_MIN', 30) * 60_000, maxBytes: envNumber('JOB_RETENTION_MB', 512) * MB };
}

function sizeOf(e: GenerationEvent | undefined): number {
  if (!e) return 0;
  return EVENT_OVERHEAD + ('bytes' in e && e.bytes ? e.bytes.byteLength : 0);
}

function keptBytes(job: Job): number {
  let n = sizeOf(job.started);
  for (const e of job.partials.values()) n += sizeOf(e);
  for (const e of job.endings) n += sizeOf(e);
  return n;
}

/** Bytes every job keeps together (what JOB_RETENTION_MB bounds). */
export function retainedBytes(): number {
  let n = 0;
  for (const job of jobs.values()) n += keptBytes(job);
  return n;
}

/** The events a browser needs to rebuild the tiles, in an order the gallery's reducer folds correctly. */
function replay(job: Job): GenerationEvent[] {
  const partials = [...job.partials.entries()].sort(([a], [b]) => a - b).map(([, e]) => e);
  return [...(job.started ? [job.started] : []), ...partials, ...job.endings];
}

function keep(job: Job, e: GenerationEvent): void {
  switch (e.type) {
    case 'started':
      job.started = e;
      break;
    case 'partial':
      job.partials.set(e.tile, e);
      break;
    case 'completed':
      // The final image replaces the partial: a replay need not carry both.
      job.partials.delete(e.tile);
      job.endings.push(e);
      break;
    case 'error':
    case 'cancelled':
      job.endings.push(e);
      break;
    case 'keepalive':
      break;
  }
}

/** Forget finished jobs past their time, then the oldest finished ones while all jobs keep more than the cap. */
function sweep(now = Date.now()): void {
  const { keepMs, maxBytes } = settings();
  for (const [id, job] of jobs) if (job.endedAt !== undefined && now - job.endedAt >= keepMs) jobs.delete(id);
  let total = retainedBytes();
  if (total <= maxBytes) return;
  const finished = [...jobs.entries()].filter(([, j]) => j.endedAt !== undefined).sort(([, a], [, b]) => a.endedAt! - b.endedAt!);
  for (const [id, job] of finished) {
    if (total <= maxBytes) break;
    total -= keptBytes(job);
    jobs.delete(id);
  }
}

/** `owner` undefined: a call from the server's own code, which may touch any job. */
function find(id: string, owner: string | undefined): Job | undefined {
  if (typeof id !== 'string') return undefined;
  const job = jobs.get(id);
  if (!job) return undefined;
  if (owner !== undefined && job.owner !== owner) return undefined;
  return job;
}

export function startJob(owner: string): JobHandle {
  sweep();
  const id = randomUUID();
  const controller = new AbortController();
  const job: Job = { owner, controller, partials: new Map(), endings: [], listeners: new Set() };
  jobs.set(id, job);
  return {
    id,
    signal: controller.signal,
    emit(event) {
      if (job.endedAt !== undefined) return;
      keep(job, event);
      for (const listener of job.listeners) listener(event);
      if (event.type === 'partial' || event.type === 'completed') sweep();
    },
  };
}

/** Abort a running job's upstream calls. Only its owner may (another user's job is as unknown as a missing one). */
export function cancelJob(id: string, owner?: string): boolean {
  const job = find(id, owner);
  if (!job || job.endedAt !== undefined) return false;
  job.controller.abort();
  return true;
}

/** The job's work is over: live subscribers are told, and what it kept waits for `follow` until it expires. */
export function endJob(id: string): void {
  const job = jobs.get(id);
  if (!job || job.endedAt !== undefined) return;
  job.endedAt = Date.now();
  for (const listener of job.listeners) listener(null);
  job.listeners.clear();
  // Nothing kept (a caller that streams its events itself): nothing to recover.
  if (!job.started && job.endings.length === 0 && job.partials.size === 0) jobs.delete(id);
  sweep();
}

/**
 * The job's events for a browser: what it kept, then (while it runs) the rest as it happens. Null when this
 * user has no such job: it never existed, it expired or was evicted, the server restarted, or it is someone
 * else's. Cancelling the stream (the browser left) only stops listening; the job goes on.
 */
export function follow(id: string, owner?: string): ReadableStream<GenerationEvent> | null {
  sweep();
  const job = find(id, owner);
  if (!job) return null;
  let listener: Listener | undefined;
  return new ReadableStream<GenerationEvent>({
    start(out) {
      for (const e of replay(job)) out.enqueue(e);
      if (job.endedAt !== undefined) return out.close();
      listener = (e) => (e ? out.enqueue(e) : out.close());
      job.listeners.add(listener);
    },
    cancel() {
      if (listener) job.listeners.delete(listener);
    },
  });
}
