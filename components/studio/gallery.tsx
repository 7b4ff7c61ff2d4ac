'use client';
import { useEffect, useMemo } from 'react';
import { useGallery } from '@/lib/studio/gallery-store.client';
import { historyBytes, useHistory } from '@/lib/history/history-store.client';
import { loadImage } from '@/lib/history/db.client';
import { useHidden } from '@/lib/history/undo-delete.client';
import { entryItem, tileItem } from '@/lib/lightbox/sources';
import type { LightboxItem } from '@/lib/lightbox/items';
import { useLightbox } from '@/components/lightbox/use-lightbox';
import type { CodeTarget } from '@/lib/code/snippets';
import { formatBytes } from '@/components/ui/field';
import { ErrorAlert } from './error-alert';
import { HistoryCard } from './history-card';
import { RunTile } from './run-tile';
import { RunCost } from '@/components/cost/run-cost';
import { SpendSummary } from '@/components/cost/spend-summary';

/**
 * Live runs first (partials stream into their tiles), then everything kept in history. Any image opens the
 * lightbox, whose arrow keys go through the gallery in this order: the results, then history.
 */
export function Gallery({ target }: { target: CodeTarget }) {
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
    <section role="region" aria-label="Gallery" className="space-y-6">
      <SpendSummary />
      {lightbox.element}
      {ordered.filter((run) => !run.tiles.length || run.tiles.some((k) => !hidden[k])).map((run) =>
        // A request refused outright is one error, not n failed tiles.
        run.error && run.tiles.every((k) => !tiles[k]?.partial) ? (
          <ErrorAlert key={run.id} error={run.error} />
        ) : (
          <div key={run.id} className="space-y-1">
            <div className={`grid gap-3 ${run.tiles.length > 1 ? 'sm:grid-cols-2 xl:grid-cols-3' : 'max-w-2xl'}`}>
              {run.tiles.map((k) => tiles[k] && !hidden[k] && <RunTile key={k} run={run} tile={tiles[k]} target={target} onOpen={lightbox.open} />)}
            </div>
            <RunCost run={run} />
          </div>
        ),
      )}
      <div className="space-y-2">
        <div className="flex items-center gap-3 text-sm">
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
        {loaded && entries.length === 0 && ordered.length === 0 && <p className="text-sm text-zinc-500">Nothing yet: write a prompt and press Generate.</p>}
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4">
          {stored.map((e) => <HistoryCard key={e.id} entry={e} target={target} onOpen={lightbox.open} />)}
        </div>
      </div>
    </section>
  );
}
