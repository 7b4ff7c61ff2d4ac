'use client';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useGallery } from '@/lib/studio/gallery-store.client';
import { historyBytes, useHistory } from '@/lib/history/history-store.client';
import { loadImage } from '@/lib/history/db.client';
import { useHidden } from '@/lib/history/undo-delete.client';
import { entryItem, tileItem } from '@/lib/lightbox/sources';
import type { LightboxItem } from '@/lib/lightbox/items';
import { useLightbox } from '@/components/lightbox/use-lightbox';
import { LightboxOpen } from '@/components/lightbox/open-context';
import type { CodeTarget } from '@/lib/code/snippets';
import { formatBytes } from '@/components/ui/field';
import { HistoryCard } from './history-card';
import { RunView } from './run-view';
import { SpendSummary } from '@/components/cost/spend-summary';

/**
 * The gallery: the stage (passed in: the current run, large) and below it the earlier runs of this visit,
 * smaller, then everything kept in history. It is one region laid out as two cells of the studio's grid
 * (`display: contents`), so on a phone the controls sit between the stage and the history. Any image opens the
 * lightbox, whose arrow keys go through the gallery in this order: the results, newest run first, then history.
 */
export function Gallery({ target, stage }: { target: CodeTarget; stage: ReactNode }) {
  const runs = useGallery((s) => s.runs);
  const tiles = useGallery((s) => s.tiles);
  const all = useHistory((s) => s.entries);
  // Deleted with Undo still on offer: off the screen already.
  const hidden = useHidden((s) => s.hidden);
  const entries = useMemo(() => all.filter((e) => !hidden[e.id]), [all, hidden]);
  const loaded = useHistory((s) => s.loaded);
  const error = useHistory((s) => s.error);
  const load = useHistory((s) => s.load);
  const clear = useHistory((s) => s.clear);
  useEffect(() => {
    void load();
  }, [load]);

  const ordered = useMemo(() => Object.values(runs).sort((a, b) => b.startedAt - a.startedAt), [runs]);
  const earlier = useMemo(() => ordered.slice(1), [ordered]);
  const onScreen = useMemo(() => new Set(Object.keys(tiles)), [tiles]);
  const stored = useMemo(() => entries.filter((e) => !onScreen.has(e.id)), [entries, onScreen]);
  const items = useMemo(() => {
    const list: LightboxItem[] = [];
    for (const run of ordered) {
      for (const key of run.tiles) {
        const item = tiles[key] && !hidden[key] ? tileItem(run, tiles[key]) : null;
        if (item) list.push(item);
      }
    }
    for (const e of stored) list.push(entryItem(e, loadImage));
    return list;
  }, [ordered, tiles, hidden, stored]);
  const lightbox = useLightbox(items);

  return (
    <LightboxOpen.Provider value={lightbox.open}>
    <section role="region" aria-label="Gallery" className="contents">
      {lightbox.element}
      <div className="min-w-0 [grid-area:stage]">{stage}</div>
      <div className="min-w-0 space-y-6 [grid-area:history]">
        <SpendSummary />
        {earlier.length > 0 && (
          <div className="space-y-2">
            <h2 className="text-sm font-semibold">Earlier runs</h2>
            <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {earlier.filter((run) => !run.tiles.length || run.tiles.some((k) => !hidden[k])).map((run) => <RunView key={run.id} run={run} target={target} height="18rem" />)}
            </div>
          </div>
        )}
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <h2 className="font-semibold">History</h2>
            <span className="text-xs text-zinc-500" aria-label="Storage used">
              {loaded ? `${entries.length} image${entries.length === 1 ? '' : 's'} · ${formatBytes(historyBytes(entries))} stored in this browser` : 'Loading…'}
            </span>
            {entries.length > 0 && (
              <button type="button" className="ml-auto text-xs underline" onClick={() => confirm('Delete every image in history?') && clear()}>
                Clear all
              </button>
            )}
          </div>
          {error && <p role="alert" className="text-xs text-red-600">{error}</p>}
          {loaded && entries.length === 0 && Object.keys(runs).length === 0 && <p className="text-sm text-zinc-500">Nothing yet: write a prompt and press Generate.</p>}
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4">
            {stored.map((e) => <HistoryCard key={e.id} entry={e} target={target} onOpen={lightbox.open} />)}
          </div>
        </div>
      </div>
    </section>
    </LightboxOpen.Provider>
  );
}
