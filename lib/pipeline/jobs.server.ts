import 'server-only';
/**
 * Jobs by id, each owned by the user who started it: the studio's generations and the chat's turns alike. The
 * browser names each job before it calls (so a tab closed before the first event can still find it again). A
 * server action has no request signal, so Cancel is its own action that aborts the job's upstream calls here
 * (design.md "Cancel needs its own path"). A closed browser connection does not stop a job: the job keeps what
 * a browser needs to rebuild its view, as its kind's ReplayPolicy says, so `follow` can replay it to a browser
 * that comes back and then stream the rest live.
 *
 * Bounds, read from the environment on every use, over the jobs of every kind together:
 * - JOB_RETENTION_MIN (default 30): a finished job is forgotten this many minutes after it ended.
 * - JOB_RETENTION_MB (default 512): the events all jobs keep, together; over it, the finished jobs that ended
 *   first are forgotten first. A running job is never evicted (it keeps at most one partial and one final image
 *   per tile); if running jobs alone are over the cap, each is forgotten as soon as it finishes: its live stream
 *   still gets everything, but a closed tab can no longer recover it.
 */
import { randomUUID } from 'node:crypto';
import { errorFor } from '../errors/codes';
import { envNumber } from './env-number.server';
import { countMemory, overBudget } from './memory.server';
import type { GenerationError, GenerationEvent } from '../generation/events';

/**
 * Where a job keeps one of its events for a replay:
 * - `{ slot }`: in a numbered slot, replacing what the slot held (the latest partial of a tile); slots replay
 *   first, in the order of their numbers;
 * - `{ log: true }`: appended to the log, replayed after the slots in arrival order; `clears` empties a slot
 *   this event makes obsolete (a final image replaces its partial: a replay need not carry both);
 * - null: not kept (keep-alives).
 */
export type Keep = { slot: number } | { log: true; clears?: number } | null;

/**
 * One kind of job (a studio generation, a chat turn): what it keeps for replay, and how it says it ended. A job
 * is followed only under the policy it was started with.
 */
export interface ReplayPolicy<E> {
  kind: string;
  /** What a person calls one ("generation", "chat turn"), for messages; `short` when the context is clear ("turn"). */
  noun: string;
  short: string;
  /** What the browser still has when the server no longer has the job. */
  kept: string;
  keep(event: E): Keep;
  /** The event that ends a run: with an error, or cancelled (null). */
  ended(error: GenerationError | null): E;
}

/** The studio: started, the latest partial per tile, and every event that ends a tile or the run. */
export const GENERATION_REPLAY: ReplayPolicy<GenerationEvent> = {
  kind: 'generation',
  noun: 'generation',
  short: 'generation',
  kept: 'Images that had arrived before are in history.',
  ended: (error) => (error ? { type: 'error', tile: null, error } : { type: 'cancelled', tile: null }),
  keep(e) {
    switch (e.type) {
      case 'started':
        return { slot: -1 };
      case 'partial':
        return { slot: e.tile };
      case 'completed':
        return { log: true, clears: e.tile };
      case 'error':
      case 'cancelled':
        return { log: true };
      case 'keepalive':
        return null;
    }
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- jobs of every kind share one registry
type AnyPolicy = ReplayPolicy<any>;

/** A live subscriber: each event as it happens, then ENDED; `queued` is what it has not read yet, in bytes. */
interface Listener {
  send(event: unknown): void;
  queued(): number;
}

interface Job {
  /** User.id of whoever started it: only they may follow or cancel it. */
  owner: string;
  policy: AnyPolicy;
  controller: AbortController;
  endedAt?: number;
  slots: Map<number, unknown>;
  log: unknown[];
  listeners: Set<Listener>;
}

export interface JobHandle<E = GenerationEvent> {
  id: string;
  signal: AbortSignal;
  /** Keep the event for replay (as the job's policy says) and pass it to every live subscriber. */
  emit(event: E): void;
}

const g = globalThis as unknown as { __generationJobs?: Map<string, Job> };
const jobs: Map<string, Job> = (g.__generationJobs ??= new Map());

const MB = 1024 * 1024;
/** What an event costs to keep besides its image bytes (ids, usage, echoed settings, text). */
const EVENT_OVERHEAD = 256;
const ENDED = Symbol('ended');

function settings() {
  return { keepMs: envNumber('JOB_RETENTION_MIN', 30) * 60_000, maxBytes: envNumber('JOB_RETENTION_MB', 512) * MB };
}

/** The image bytes an event carries, if any: what the retention cap is mostly about. */
function imageBytes(e: unknown): number {
  const bytes = (e as { bytes?: unknown }).bytes;
  return bytes instanceof Uint8Array ? bytes.byteLength : 0;
}

/** The events a browser needs to rebuild its view, in an order its reducer folds correctly. */
function replay(job: Job): unknown[] {
  const slots = [...job.slots.entries()].sort(([a], [b]) => a - b).map(([, e]) => e);
  return [...slots, ...job.log];
}

function keptBytes(job: Job): number {
  return replay(job).reduce<number>((n, e) => n + EVENT_OVERHEAD + imageBytes(e), 0);
}

/** Bytes every job keeps together (what JOB_RETENTION_MB bounds). */
export function retainedBytes(): number {
  let n = 0;
  for (const job of jobs.values()) n += keptBytes(job);
  return n;
}

function keep(job: Job, e: unknown): void {
  const where = (job.policy as ReplayPolicy<unknown>).keep(e);
  if (!where) return;
  if ('slot' in where) job.slots.set(where.slot, e);
  else {
    if (where.clears !== undefined) job.slots.delete(where.clears);
    job.log.push(e);
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

/** A job id as crypto.randomUUID() writes it. One spelling only: ids are compared as strings. */
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export type JobStart<E> = { ok: true; job: JobHandle<E> } | { ok: false; error: GenerationError };

function refusal(code: 'invalid_value' | 'job_id_in_use', message: string): JobStart<never> {
  return { ok: false, error: errorFor(code, message, 'jobId') };
}

/**
 * Register a job under the id the browser chose (and recorded before it called, so a tab closed before the
 * first event can still find the job). `id` undefined: a caller that will not come back (a script) gets a
 * fresh id, told in its `started` event. An id in use is refused whoever holds it: a job is never replaced
 * or taken over, and the answer does not say whose it is.
 */
export function startJob(owner: string, id: unknown): JobStart<GenerationEvent>;
export function startJob<E>(owner: string, id: unknown, policy: ReplayPolicy<E>): JobStart<E>;
export function startJob(owner: string, id: unknown, policy: AnyPolicy = GENERATION_REPLAY): JobStart<unknown> {
  if (id === undefined) id = randomUUID();
  if (typeof id !== 'string' || !JOB_ID.test(id)) {
    const shown = typeof id === 'string' ? `'${id.slice(0, 64)}'` : id === null ? 'null' : `a value of type ${typeof id}`;
    return refusal('invalid_value', `Invalid 'jobId': ${shown}. Use a new lowercase version-4 UUID such as crypto.randomUUID() makes (e.g. '3b241101-e2bb-4255-8caf-4136c566a962'), or leave it out to have the server name the job.`);
  }
  sweep();
  const busy = overBudget() ?? tooManyRunning();
  if (busy) return { ok: false, error: errorFor('server_busy', busy) };
  if (jobs.has(id)) return refusal('job_id_in_use', `The 'jobId' '${id}' is already in use. Every generation needs a new id (crypto.randomUUID()).`);
  const controller = new AbortController();
  const job: Job = { owner, policy, controller, slots: new Map(), log: [], listeners: new Set() };
  jobs.set(id, job);
  return {
    ok: true,
    job: {
      id,
      signal: controller.signal,
      emit(event) {
        if (job.endedAt !== undefined) return;
        keep(job, event);
        for (const listener of job.listeners) listener.send(event);
        // An image grew what is kept: hold the cap now, not only when the next job starts.
        if (imageBytes(event)) sweep();
      },
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
  for (const listener of job.listeners) listener.send(ENDED);
  job.listeners.clear();
  // Nothing kept (a request refused before its work began): nothing to recover, and the id is free again.
  if (job.slots.size === 0 && job.log.length === 0) jobs.delete(id);
  sweep();
}

/**
 * The job's events for a browser: what it kept, then (while it runs) the rest as it happens. Null when this
 * user has no such job of this kind: it never existed, it expired or was evicted, the server restarted, it is
 * someone else's, or it is another kind's (a chat turn's id handed to the studio's resume). Cancelling the
 * stream (the browser left) only stops listening; the job goes on.
 */
export function follow(id: string, owner?: string): ReadableStream<GenerationEvent> | null;
export function follow<E>(id: string, owner: string | undefined, policy: ReplayPolicy<E>): ReadableStream<E> | null;
export function follow(id: string, owner?: string, policy: AnyPolicy = GENERATION_REPLAY): ReadableStream<unknown> | null {
  sweep();
  const job = find(id, owner);
  if (!job || job.policy !== policy) return null;
  let listener: Listener | undefined;
  // The queue is measured in bytes (highWaterMark 0: every queued byte is one the browser has not read yet).
  return new ReadableStream<unknown>(
    {
      start(out) {
        for (const e of replay(job)) out.enqueue(e);
        if (job.endedAt !== undefined) return out.close();
        const queued = () => Math.max(0, -(out.desiredSize ?? 0));
        const l: Listener = {
          queued,
          send(e) {
            if (e === ENDED) return out.close();
            out.enqueue(e);
            // A browser that reads far slower than the job sends is cut off rather than let the queue grow: it
            // finds everything again with `resume` (the job keeps the latest of each).
            if (queued() > readerQueueBytes()) {
              job.listeners.delete(l);
              out.error(new Error(`this browser read too slowly (over READER_QUEUE_MB queued); reload to take the job up again`));
            }
          },
        };
        listener = l;
        job.listeners.add(l);
      },
      cancel() {
        if (listener) job.listeners.delete(listener);
      },
    },
    { highWaterMark: 0, size: (e) => EVENT_OVERHEAD + imageBytes(e) },
  );
}

/** Running jobs, generations and chat turns together, are bounded (JOBS_MAX_RUNNING): past it, new ones are refused. */
function tooManyRunning(): string | null {
  const max = envNumber('JOBS_MAX_RUNNING', 64);
  let running = 0;
  for (const job of jobs.values()) if (job.endedAt === undefined) running++;
  return running < max ? null : `The server is running ${running} generations and chat turns, as many as it takes at once (JOBS_MAX_RUNNING). Try again in a moment.`;
}

function readerQueueBytes(): number {
  return envNumber('READER_QUEUE_MB', 128) * MB;
}

/** Bytes queued for browsers that have not read them yet, over every job. */
export function queuedBytes(): number {
  let n = 0;
  for (const job of jobs.values()) for (const l of job.listeners) n += l.queued();
  return n;
}

countMemory('kept jobs', retainedBytes);
countMemory('unread events', queuedBytes);
