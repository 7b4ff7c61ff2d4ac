'use client';
import { useEffect } from 'react';
import { toast } from 'sonner';
import { explain } from '@/lib/errors/explain';
import { useGallery } from '@/lib/studio/gallery-store.client';
import { retryRun } from '@/lib/studio/run-generation.client';

/** Errors already toasted (run or tile key): each is said once, however often the gallery re-renders. */
const told = new Set<string>();

/** A toast for each new error of a run on screen, with Retry; the tile keeps the full error inline. */
export function useErrorToasts(): void {
  const runs = useGallery((s) => s.runs);
  const tiles = useGallery((s) => s.tiles);
  useEffect(() => {
    for (const run of Object.values(runs)) {
      if (run.status === 'starting' || run.status === 'running') continue;
      const errors = run.error ? [[run.id, run.error] as const] : run.tiles.flatMap((k) => (tiles[k]?.error ? [[k, tiles[k].error!] as const] : []));
      // One toast a run: n tiles failing the same way are one problem.
      const [key, error] = errors[0] ?? [];
      if (!key || !error || told.has(run.id)) continue;
      told.add(run.id);
      toast.error(explain(error).title, {
        id: key,
        description: error.message,
        action: { label: 'Retry', onClick: () => void retryRun(run.id) },
      });
    }
  }, [runs, tiles]);
}
