// Kept apart from compute-changes.ts: a worker that imports the module spawning it makes Turbopack (next 16.4) hang the build.
import { computeChanges, type ChangesReport, type ChangesRequest, type WorkerAnswer } from './compute-changes';

/**
 * Runs computeChanges in a module worker so a large image does not freeze the page. Falls back to the
 * main thread when the worker cannot start (no Worker, or its script failed to load). Rejects with
 * an AbortError when the signal aborts (the worker is terminated).
 */
export function computeChangesOffThread(req: ChangesRequest, signal: AbortSignal): Promise<ChangesReport> {
  if (typeof Worker === 'undefined') return computeChanges(req);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./diff.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      computeChanges(req).then(resolve, reject);
      return;
    }
    const done = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(new DOMException('Comparison cancelled', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
      done();
      if (e.data.ok) resolve(e.data.report);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      // The worker script itself failed (not the comparison): do the work here instead.
      e.preventDefault();
      done();
      computeChanges(req).then(resolve, reject);
    };
    worker.postMessage(req);
  });
}
