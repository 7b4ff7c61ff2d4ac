/**
 * Timing for `npm run bench`, off unless the page sets `window.__maskBench = { segments: [] }`: after each
 * stroke move, the mask layer's canvas is read back (which forces its pending drawing to rasterise), and the
 * time since the move's handler started (and since the event was created) is recorded.
 */
import type Konva from 'konva';

interface MaskBench {
  segments: number[];
  /** From the event's timestamp: includes the wait for the frame-aligned dispatch. */
  latencies?: number[];
}

export function recordSegment(layer: Konva.Layer | null, started: number, eventTime: number): void {
  const bench = (window as { __maskBench?: MaskBench }).__maskBench;
  if (!bench || !layer) return;
  layer.getContext()._context.getImageData(0, 0, 1, 1);
  const now = performance.now();
  bench.segments.push(now - started);
  (bench.latencies ??= []).push(now - eventTime);
}
