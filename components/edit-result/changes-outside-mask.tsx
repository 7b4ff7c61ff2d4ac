'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { toImageData } from '@/lib/mask/image-data';
import { computeChangesOffThread } from './changes-worker-client';
import { formatShare, type ChangesReport } from './compute-changes';
import { useObjectUrl } from './hooks';

export interface ChangesOutsideMaskProps {
  /** The first reference image sent with the edit. */
  original: Blob;
  /** The edit's result; scaled to the original's size when it differs. */
  result: Blob;
  /** The RGBA mask sent with the edit (alpha 0 = painted), the original's size. */
  mask: Blob;
}

type State = { status: 'working' } | { status: 'done'; report: ChangesReport } | { status: 'error'; message: string };

/** Heatmap of what changed where the mask asked to keep the original, and the share of those pixels changed. */
export function ChangesOutsideMask({ original, result, mask }: ChangesOutsideMaskProps) {
  const headingId = useId();
  const originalUrl = useObjectUrl(original);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<State>({ status: 'working' });
  // Scaled to fit, a single changed pixel can vanish: let the user see the heatmap pixel for pixel.
  const [actualSize, setActualSize] = useState(false);

  useEffect(() => {
    const ac = new AbortController();
    setState({ status: 'working' });
    computeChangesOffThread({ original, result, mask }, ac.signal).then(
      (report) => setState({ status: 'done', report }),
      (err: unknown) => {
        if (ac.signal.aborted) return;
        setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => ac.abort();
  }, [original, result, mask]);

  const report = state.status === 'done' ? state.report : undefined;
  useEffect(() => {
    const ctx = report && canvas.current?.getContext('2d');
    if (!report || !ctx) return;
    ctx.putImageData(toImageData({ data: report.heatmap, width: report.width, height: report.height }), 0, 0);
  }, [report]);

  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-sm font-semibold">
        Changes outside the mask
      </h3>
      <p role="status" className="text-sm">
        {state.status === 'working' && 'Comparing the pixels outside the mask…'}
        {report &&
          (report.consideredPixels === 0
            ? 'No pixels outside the mask: the whole image was painted'
            : `${formatShare(report.changedShare, report.changedPixels)}% of pixels outside the mask changed`)}
      </p>
      {state.status === 'error' && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          Could not compare the images: {state.message}
        </p>
      )}
      {report && (
        <>
          <label className="flex items-center gap-2 text-xs">
            <input type="checkbox" checked={actualSize} onChange={(e) => setActualSize(e.target.checked)} />
            Actual size (one screen pixel per image pixel)
          </label>
          <div className="max-h-[70vh] w-fit max-w-full overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800">
            <div
              className="relative bg-black"
              style={
                actualSize
                  ? { width: report.width, height: report.height }
                                    : // Fitted to the viewer's height (--viewer-h), so the whole heatmap shows without scrolling.
                    { width: report.width, maxWidth: `min(100%, calc(var(--viewer-h, 60dvh) * ${report.width / report.height}))`, aspectRatio: `${report.width} / ${report.height}` }
              }
            >
              {originalUrl && (
                // eslint-disable-next-line @next/next/no-img-element -- a blob URL under the heatmap
                <img src={originalUrl} alt="" className="absolute inset-0 h-full w-full opacity-40 grayscale" />
              )}
              <canvas
                ref={canvas}
                width={report.width}
                height={report.height}
                role="img"
                aria-label={`Heatmap of pixel differences outside the mask: ${report.changedPixels} changed pixels`}
                className="absolute inset-0 h-full w-full"
                style={{ imageRendering: 'pixelated' }}
              />
            </div>
          </div>
          <p className="text-xs text-zinc-500">
            {report.changedPixels.toLocaleString('en')} of {report.consideredPixels.toLocaleString('en')} pixels the mask kept differ by more
            than {report.threshold} (of 255) in a channel. Red: a small difference, yellow: a large one; the painted area, feathered
            edge included, is tinted <span className="text-indigo-500">indigo</span> and not counted.
            {(report.resultWidth !== report.width || report.resultHeight !== report.height) &&
              ` The result (${report.resultWidth}×${report.resultHeight}) was scaled to the original's ${report.width}×${report.height} to compare them.`}
          </p>
        </>
      )}
    </section>
  );
}
