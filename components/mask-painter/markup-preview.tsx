'use client';
/**
 * "Markup as sent": the transparent PNG an edit would send, re-exported shortly after each change, on a
 * checkerboard, with its pixel size and bytes, the marks listed, and a download link.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { formatBytes } from '@/components/ui/field';
import { CHECKERBOARD, useExportedPng } from './use-exported-png';
import { currentMarkupPng, markupStore } from '@/lib/markup/markup-store';
import { exportMarkup } from '@/lib/markup/export';
import { describeMark } from '@/lib/markup/shapes';

/** For `npm run bench` (scripts/bench-mask.mjs): off unless the page set `window.__markupBench = {}`. */
function exposeBench(): void {
  const bench = (window as { __markupBench?: Record<string, unknown> }).__markupBench;
  if (!bench) return;
  bench.exportMs = async () => {
    const { history, target } = markupStore.getState();
    const t = performance.now();
    const blob = await exportMarkup(history.marks, target!.width, target!.height);
    return { ms: performance.now() - t, bytes: blob.size, marks: history.marks.length, width: target!.width, height: target!.height };
  };
}

export function MarkupPreview({ maxBytes }: { maxBytes?: number }) {
  const revision = useStore(markupStore, (s) => s.revision);
  const marks = useStore(markupStore, (s) => s.history.marks);
  const exported = useExportedPng(revision, currentMarkupPng);
  useEffect(exposeBench, []);
  return (
    <div className="space-y-3">
      <figure aria-label="Markup as sent" className="space-y-1.5">
        <figcaption className="text-sm font-medium">Markup as sent</figcaption>
        {!exported ? (
          <p className="text-sm text-zinc-500" role="status">
            Updating…
          </p>
        ) : exported.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            The markup could not be exported: {exported.error}
          </p>
        ) : exported.url ? (
          <>
            <div style={CHECKERBOARD} className="inline-block rounded border border-zinc-300 dark:border-zinc-700">
              <img src={exported.url} alt="The markup as sent: only the marks, on a transparent ground" className="block max-h-40 max-w-full" />
            </div>
            <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="markup-facts">
              {exported.width}×{exported.height} px · {formatBytes(exported.bytes)} · PNG, transparent except the marks
            </p>
            {maxBytes !== undefined && exported.bytes >= maxBytes && (
              <p role="alert" className="text-xs text-red-700 dark:text-red-300">
                The markup is {formatBytes(exported.bytes)}; this model takes markup under {formatBytes(maxBytes)}.
              </p>
            )}
            <a href={exported.url} download="markup.png" className="text-sm text-indigo-700 underline dark:text-indigo-300">
              Download markup
            </a>
          </>
        ) : (
          <p className="text-sm text-zinc-500" role="status">
            No marks yet: an edit sends no markup.
          </p>
        )}
      </figure>
      {marks.length > 0 && (
        <div className="space-y-1 text-sm">
          <p className="font-medium">Marks</p>
          <ol aria-label="Marks" className="list-decimal space-y-0.5 pl-5 text-xs text-zinc-700 dark:text-zinc-300">
            {marks.map((m, i) => (
              <li key={i}>{describeMark(m)}</li>
            ))}
          </ol>
        </div>
      )}
      <p className="rounded border border-indigo-200 bg-indigo-50 p-2 text-xs text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100" data-testid="markup-hint">
        Say in the prompt what each mark means, e.g. “the red ellipse: replace with a lamp; the arrow: move the cat here”. The marks apply to the first image; the model sees the marks, not your intent.
      </p>
    </div>
  );
}
