import 'server-only';
/**
 * The one server lifecycle of a studio generation and a chat turn, in this order for both:
 *
 *   reserve the browser's job id → prepare (uploads, the registry's validator, policy, limits and the spend
 *   reservation: the caller's `prepare`) → call upstream and relay (the caller's `work`) → settle the spend
 *   and write the audit line (`gate.finish`) → end the job.
 *
 * The job owns the work: a closed tab stops listening, not the work, and `resume` replays what the job kept.
 * A start refused after its id was reserved keeps its reason as the job's only event, so a tab that resumes
 * it is told why instead of "not found".
 */
import type { User } from '../access/user.server';
import { errorFor } from '../errors/codes';
import type { GenerationError } from '../generation/events';
import { endJob, follow, startJob, type JobHandle, type ReplayPolicy } from './jobs.server';
import { KEEPALIVE, withKeepalive } from './keepalive.server';

/** What a started request's browser gets: its events, or why it did not start. */
export type Started<E> = { ok: true; events: ReadableStream<E> } | { ok: false; error: GenerationError };

/** The door on the server (lib/limits/gate.server.ts): counts what events cost, then settles and audits once. */
export interface Settlement<E> {
  observe(event: E): E;
  /** Settle the spend and write the audit line. */
  finish(): Promise<void>;
}

export interface Prepared<E> {
  gate: Settlement<E>;
  /** Upstream call and relay; reports its own failures as events (an unexpected throw ends the run with an error). */
  work(emit: (event: E) => void): Promise<void>;
}

export type Preparation<E> = { ok: true; prepared: Prepared<E> } | { ok: false; error: GenerationError };

/** Run `prepare` and then its work under the job the browser named (`jobId`), for `user`. */
export async function runJob<E>(user: User, jobId: unknown, kind: ReplayPolicy<E>, prepare: (job: JobHandle<E>) => Promise<Preparation<E>>): Promise<Started<E>> {
  const reserved = startJob(user.id, jobId, kind);
  if (!reserved.ok) return reserved;
  const { job } = reserved;
  let prep: Preparation<E>;
  try {
    prep = await prepare(job);
  } catch (e) {
    prep = { ok: false, error: crashed('could not start', e) };
  }
  if (!prep.ok) {
    job.emit(kind.ended(prep.error));
    endJob(job.id);
    return prep;
  }
  const { gate, work } = prep.prepared;
  const emit = (event: E) => job.emit(gate.observe(event));
  void (async () => {
    try {
      await work(emit).catch((e) => {
        const end = kind.ended(job.signal.aborted ? null : crashed('stopped unexpectedly', e));
        // If observing the end throws too (the gate's own bug), the browser still gets it, unobserved.
        try {
          emit(end);
        } catch {
          job.emit(end);
        }
      });
      // Settled before the job ends, so a browser reading the spend after its stream closed sees this request in it.
      await gate.finish().catch((e) => console.error(`${kind.kind}: could not settle (${e instanceof Error ? e.name : typeof e})`));
    } finally {
      // Whatever failed above, the job ends: a job that never ends holds the browser's request open forever.
      endJob(job.id);
    }
  })();
  // The browser's stream is one subscriber: closing it (tab closed) stops listening, not the job.
  return { ok: true, events: withKeepalive(follow(job.id, undefined, kind)!, KEEPALIVE as E) };
}

/** Coming back to a job (the tab was closed or reloaded): what it kept, then the rest live. Owner only. */
export function resumeJob<E>(jobId: unknown, user: User, kind: ReplayPolicy<E>): Started<E> {
  const events = typeof jobId === 'string' ? follow(jobId, user.id, kind) : null;
  if (events) return { ok: true, events: withKeepalive(events, KEEPALIVE as E) };
  return {
    ok: false,
    error: errorFor(
      'job_not_found',
      `This ${kind.short} was interrupted: the server no longer has ${kind.noun} '${String(jobId).slice(0, 64)}' (it ended too long ago (JOB_RETENTION_MIN), was evicted to stay under JOB_RETENTION_MB, or the server restarted). ${kind.kept}`,
      'jobId',
    ),
  };
}

/** A throw nobody expected, as an error a person can report (the name only: messages may carry data). */
function crashed(what: string, e: unknown): GenerationError {
  console.error(`pipeline: a request ${what} (${e instanceof Error ? e.name : typeof e})`);
  return errorFor('server_error', `The server ${what} (${e instanceof Error ? e.name : 'error'}). Try again; the server log has the details.`);
}
