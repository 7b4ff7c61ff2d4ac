/** Renders and encodes masks off the main thread (a 4K export rasterises for tens of milliseconds). */
import { exportMaskIfAny } from './export';
import type { ExportAnswer, ExportRequest } from './export-client';

self.onmessage = async (e: MessageEvent<ExportRequest>) => {
  const { id, ops, width, height } = e.data;
  let answer: ExportAnswer;
  try {
    answer = { id, ok: true, blob: await exportMaskIfAny(ops, width, height) };
  } catch (err) {
    answer = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(answer);
};
