'use client';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import dynamic from 'next/dynamic';
import { ImageIcon } from 'lucide-react';
import { useGallery } from '@/lib/studio/gallery-store.client';
import { keepComposite } from '@/lib/studio/run-generation.client';
import type { RunState } from '@/lib/studio/apply-event';
import type { CodeTarget } from '@/lib/code/snippets';
import type { ViewerTab } from '@/components/edit-result/edit-viewer';
import { useErrorToasts } from './error-toasts';
import { RunView } from './run-view';

// Loaded with Edit: the viewer's compare and heatmap tools stay out of the first load.
const EditViewer = dynamic(() => import('@/components/edit-result/edit-viewer').then((m) => m.EditViewer), { ssr: false });

/** What the viewport leaves a run's pictures: the header, the stage's padding, a caption line and the tabs. */
const STAGE_HEIGHT = '100dvh - 12rem';
const VIEWER_HEIGHT = '100dvh - 16rem';

/** The newest run, largest: the one being made, or the last one made. */
export function useLatestRun(): RunState | undefined {
  const runs = useGallery((s) => s.runs);
  return useMemo(() => Object.values(runs).sort((a, b) => b.startedAt - a.startedAt)[0], [runs]);
}

/**
 * The stage: the current run, fitted to the viewport, brought into view the moment it starts (on a phone it is
 * above the controls, so it would otherwise start off screen). In Edit with a reference image it is the edit
 * viewer: the painter, then the result once a run starts, then Compare and Changes once it is done.
 */
export function Stage({ target, painter, painterKey }: { target: CodeTarget; painter?: ReactNode; painterKey?: string }) {
  useErrorToasts();
  const latest = useLatestRun();
  const tilesOf = useGallery((s) => s.tiles);
  const box = useRef<HTMLDivElement>(null);
  const [tab, setTab] = useState<ViewerTab>('painter');
  const shownRun = useRef<string | undefined>(undefined);

  useEffect(() => {
    // A new reference image: back to the painter.
    setTab('painter');
  }, [painterKey]);

  const starting = latest && (latest.status === 'starting' || latest.status === 'running') ? latest.id : undefined;
  useEffect(() => {
    if (!starting || shownRun.current === starting) return;
    shownRun.current = starting;
    setTab('result');
    const el = box.current;
    if (!el) return;
    // After the frame lays out: scroll only when the stage is not already where the user looks.
    requestAnimationFrame(() => {
      const r = el.getBoundingClientRect();
      // Below the app shell's sticky header, measured (it is taller when its row wraps).
      const header = (document.querySelector('header')?.getBoundingClientRect().bottom ?? 0) + 8;
      if (r.top >= header && r.top < window.innerHeight * 0.4) return;
      // At once: a smooth scroll is overtaken by the frames that arrive while it runs.
      window.scrollTo({ top: Math.max(0, window.scrollY + r.top - header) });
    });
  }, [starting]);

  const run = latest && <RunView key={latest.id} run={latest} target={target} height={painter ? VIEWER_HEIGHT : STAGE_HEIGHT} />;
  const done = latest?.endpoint === 'edit' && latest.original ? latest.tiles.map((k) => tilesOf[k]).find((t) => t?.status === 'done' && t.image?.blob) : undefined;
  const edit = done && latest?.original
    ? { original: latest.original, result: done.image!.blob!, mask: latest.mask, onComposite: (blob: Blob, w: number, h: number) => void keepComposite(latest.id, done.key, blob, w, h) }
    : null;

  return (
    // No scroll anchoring inside: Chromium would anchor on the placeholder the first partial replaces, and shift
    // the page under the header as it goes.
    <div ref={box} data-testid="stage" className="min-w-0 scroll-mt-[4.5rem] [overflow-anchor:none]">
      {painter ? (
        <EditViewer painter={painter} result={run ?? null} edit={edit} tab={tab} onTab={setTab} />
      ) : (
        run ?? (
          // Nothing yet: on a wide screen an empty stage says where the image will be; on a phone, nothing above the controls.
          <div className="hidden h-[calc(100dvh-12rem)] max-h-[40rem] flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-zinc-300 text-sm text-zinc-500 lg:flex dark:border-zinc-700">
            <ImageIcon aria-hidden className="size-8 text-zinc-400" />
            Your image appears here, streaming as it is made.
          </div>
        )
      )}
    </div>
  );
}
