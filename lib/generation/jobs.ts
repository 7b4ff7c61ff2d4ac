import 'server-only';
/**
 * Running generations by id. A server action has no request signal, so Cancel is its own action that finds
 * the job here and aborts its upstream calls (design.md "Cancel needs its own path").
 */
import { randomUUID } from 'node:crypto';

interface Job {
  controller: AbortController;
  started: number;
}

const g = globalThis as unknown as { __generationJobs?: Map<string, Job> };
const jobs = (g.__generationJobs ??= new Map());

/** Jobs older than this are forgotten even if their stream never closed. */
const MAX_AGE_MS = 15 * 60 * 1000;

export function startJob(): { id: string; signal: AbortSignal } {
  const now = Date.now();
  for (const [id, job] of jobs) if (now - job.started > MAX_AGE_MS) jobs.delete(id);
  const id = randomUUID();
  const controller = new AbortController();
  jobs.set(id, { controller, started: now });
  return { id, signal: controller.signal };
}

export function cancelJob(id: string): boolean {
  const job = jobs.get(id);
  if (!job) return false;
  job.controller.abort();
  jobs.delete(id);
  return true;
}

export function endJob(id: string): void {
  jobs.delete(id);
}
