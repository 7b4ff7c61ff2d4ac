'use client';
import { useGallery } from '@/lib/studio/gallery-store.client';
import { cancelGeneration } from '@/lib/studio/run-generation.client';
import { Elapsed } from './elapsed';
import '@/components/server-actions';

/** The primary action: Generate, which becomes Cancel while a run is going, with its progress beside it. */
export function GenerateBar(props: { disabled: boolean; reason?: string; onGenerate(): void; children?: React.ReactNode }) {
  const active = useGallery((s) => Object.values(s.runs).find((r) => r.status === 'starting' || r.status === 'running'));
  const partials = useGallery((s) => (active ? active.tiles.reduce((n, k) => n + (s.tiles[k]?.partials ?? 0), 0) : 0));
  const finished = useGallery((s) => (active ? active.tiles.filter((k) => s.tiles[k]?.status === 'done').length : 0));
  return (
    // Sticky at the bottom of the controls column: the primary action stays in reach on a laptop screen.
    <div className="sticky bottom-0 space-y-2 border-t border-zinc-200 bg-white/95 py-2 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
      {props.children}
      {active ? (
        <button type="button" className="w-full rounded-md bg-zinc-800 px-4 py-2 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-200 dark:text-zinc-900" onClick={() => cancelGeneration(active.id)}>
          Cancel
        </button>
      ) : (
        <button type="button" disabled={props.disabled} title={props.reason} className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-50" onClick={props.onGenerate}>
          Generate
        </button>
      )}
      {props.disabled && props.reason && !active && <p className="text-xs text-zinc-500">{props.reason}</p>}
      {active && (
        <p role="status" aria-label="Progress" className="text-xs text-zinc-600 dark:text-zinc-400">
          <Elapsed since={active.startedAt} running /> · {active.streaming ? `${partials} partial${partials === 1 ? '' : 's'} received · ` : ''}
          {finished}/{active.tiles.length || '…'} done
        </p>
      )}
    </div>
  );
}
