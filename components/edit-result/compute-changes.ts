import { changesOutsideMask, DEFAULT_THRESHOLD } from '@/lib/mask/diff';
import { decodeEditImages } from './decode-edit';

export interface ChangesRequest {
  original: Blob;
  result: Blob;
  mask: Blob;
  threshold?: number;
}

export interface ChangesReport {
  changedShare: number;
  changedPixels: number;
  consideredPixels: number;
  threshold: number;
  /** Heatmap RGBA at the original's size. */
  heatmap: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
  resultWidth: number;
  resultHeight: number;
}

export type WorkerAnswer = { ok: true; report: ChangesReport } | { ok: false; message: string };

/** Decode and diff; runs in diff.worker.ts, or on the main thread where workers are unavailable. */
export async function computeChanges(req: ChangesRequest): Promise<ChangesReport> {
  const threshold = req.threshold ?? DEFAULT_THRESHOLD;
  const imgs = await decodeEditImages(req.original, req.result, req.mask);
  const out = changesOutsideMask(imgs.original, imgs.result, imgs.mask, threshold);
  return {
    changedShare: out.changedShare,
    changedPixels: out.changedPixels,
    consideredPixels: out.consideredPixels,
    threshold,
    heatmap: out.heatmap.data as Uint8ClampedArray<ArrayBuffer>,
    width: out.heatmap.width,
    height: out.heatmap.height,
    resultWidth: imgs.resultWidth,
    resultHeight: imgs.resultHeight,
  };
}

/** "12.3" for a share of 0.123; "<0.1" when a few pixels changed but fewer than 0.05%. */
export function formatShare(share: number, changedPixels: number): string {
  const pct = share * 100;
  return changedPixels > 0 && pct < 0.05 ? '<0.1' : pct.toFixed(1);
}
