/** Decodes an edit's images and diffs them off the main thread; answers one WorkerAnswer per request. */
import { computeChanges, type ChangesRequest, type WorkerAnswer } from './compute-changes';

self.onmessage = async (e: MessageEvent<ChangesRequest>) => {
  let answer: WorkerAnswer;
  try {
    answer = { ok: true, report: await computeChanges(e.data) };
  } catch (err) {
    answer = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  // The heatmap's buffer moves to the page instead of being copied.
  self.postMessage(answer, { transfer: answer.ok ? [answer.report.heatmap.buffer] : [] });
};
