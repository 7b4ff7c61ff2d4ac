/**
 * Runs whose server job the studio has not finished collecting, kept in localStorage so a reloaded or reopened
 * studio can `resume` them. A run is added under the job id the browser made, before its uploads and its action
 * (a tab closed before the first event still finds the job; one the server never got reads as job_not_found).
 * Holds what rebuilds the gallery tile and the history entry (never image bytes or a key: the request fields
 * are what history keeps anyway). A run leaves the list once its stream has ended.
 */
import type { RunState } from './apply-event';

export type PendingRun = Pick<RunState, 'id' | 'provider' | 'endpoint' | 'fields' | 'prompt' | 'startedAt' | 'streaming' | 'fileNames' | 'estimate'> & { jobId: string };

const KEY = 'image-playground.pending-runs';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function store(): Store | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage blocked: nothing is recoverable, nothing breaks
  }
}

export function pendingRuns(storage = store()): PendingRun[] {
  try {
    const list = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((r) => r && typeof r.id === 'string' && typeof r.jobId === 'string') : [];
  } catch {
    return [];
  }
}

function write(list: PendingRun[], storage: Store | undefined): void {
  try {
    storage?.setItem(KEY, JSON.stringify(list));
  } catch {
    // Full or blocked storage: the run still streams; only recovery after a reload is lost.
  }
}

export function addPending(run: PendingRun, storage = store()): void {
  write([...pendingRuns(storage).filter((r) => r.id !== run.id), run], storage);
}

export function removePending(runId: string, storage = store()): void {
  const list = pendingRuns(storage);
  if (list.some((r) => r.id === runId)) write(list.filter((r) => r.id !== runId), storage);
}
