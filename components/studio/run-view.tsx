'use client';
import type { RunState, TileState } from '@/lib/studio/apply-event';
import { useGallery } from '@/lib/studio/gallery-store.client';
import { useHidden } from '@/lib/history/undo-delete.client';
import type { CodeTarget } from '@/lib/code/snippets';
import { RunCost } from '@/components/cost/run-cost';
import { ErrorAlert } from './error-alert';
import { ErrorActions } from './error-actions';
import { RunTile } from './run-tile';

/**
 * One run's tiles in a grid, each no taller than `height` shares (a CSS length: the stage passes what the
 * viewport leaves). Before the server names its tiles, n waiting frames hold their place, so nothing jumps.
 */
export function RunView({ run, target, height }: { run: RunState; target: CodeTarget; height: string }) {
  const stored = useGallery((s) => s.tiles);
  // Deleted with Undo still on offer: off the screen already.
  const hidden = useHidden((s) => s.hidden);
  // A request refused outright is one compact error, not n failed tiles.
  if (run.error && run.tiles.every((k) => !stored[k]?.partial)) {
    return (
      <ErrorAlert error={run.error}>
        <ErrorActions runId={run.id} error={run.error} arrivedAt={run.endedAt} />
      </ErrorAlert>
    );
  }
  const waiting = run.tiles.length === 0 && (run.status === 'starting' || run.status === 'running');
  const tiles: TileState[] = waiting
    ? Array.from({ length: Math.max(1, Number(run.fields.n) || 1) }, (_, i) => ({ key: `${run.id}:${i}`, runId: run.id, tile: i, prompt: run.prompt, status: 'waiting', partials: 0 }))
    : run.tiles.flatMap((k) => (stored[k] && !hidden[k] ? [stored[k]] : []));
  const cols = tiles.length > 1 ? 2 : 1;
  const rows = Math.ceil(tiles.length / cols);
  const each = rows > 1 ? `calc((${height}) / ${rows})` : height;
  return (
    <div className="space-y-2">
      <div className={`grid gap-3 ${cols > 1 ? 'grid-cols-2' : ''}`}>
        {tiles.map((t) => <RunTile key={t.key} run={run} tile={t} target={target} maxHeight={each} />)}
      </div>
      <RunCost run={run} />
    </div>
  );
}
