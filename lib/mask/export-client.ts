// The worker imports export.ts, never this module: a worker importing the module that spawns it hangs
// Turbopack's build (next 16.4).
import { exportMaskIfAny } from './export';
import type { MaskOp } from './ops';

export interface ExportRequest {
  id: number;
  ops: readonly MaskOp[];
  width: number;
  height: number;
}

export type ExportAnswer = { id: number; ok: true; blob: Blob | null } | { id: number; ok: false; message: string };

let worker: Worker | null | undefined;
let seq = 0;
const waiting = new Map<number, { resolve(b: Blob | null): void; reject(e: Error): void; req: ExportRequest }>();

function start(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = (e: MessageEvent<ExportAnswer>) => {
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (!w) return;
    if (e.data.ok) w.resolve(e.data.blob);
    else w.reject(new Error(e.data.message));
  };
  worker.onerror = (e) => {
    // The script failed to load or run: finish what was asked here, and stay on the main thread.
    e.preventDefault();
    worker?.terminate();
    worker = null;
    for (const [id, w] of waiting) {
      waiting.delete(id);
      exportMaskIfAny(w.req.ops, w.req.width, w.req.height).then(w.resolve, w.reject);
    }
  };
  return worker;
}

/** exportMaskIfAny in a module worker (bitmaps and point arrays are cloned), or here without workers. */
export function exportMaskOffThread(ops: readonly MaskOp[], width: number, height: number): Promise<Blob | null> {
  const w = typeof Worker === 'undefined' ? null : start();
  if (!w) return exportMaskIfAny(ops, width, height);
  return new Promise((resolve, reject) => {
    const req: ExportRequest = { id: ++seq, ops, width, height };
    waiting.set(req.id, { resolve, reject, req });
    w.postMessage(req);
  });
}
