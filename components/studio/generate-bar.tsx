'use client';
import { useGallery } from '@/lib/studio/gallery-store.client';
import { cancelGeneration } from '@/lib/studio/run-generation.client';
import { Elapsed } from './elapsed';
import { useEffect, useId, useState } from 'react';
import { Sparkles, Square } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { isMac, studioKeys } from '@/lib/shortcuts/studio';
import '@/components/server-actions';

/**
 * The primary action, named for what it does in this mode (Generate, Edit, Create variations); Cancel while a
 * run is going, with its progress beside it.
 */
export function GenerateBar(props: { label: string; disabled: boolean; reason?: string; onGenerate(): void; children?: React.ReactNode }) {
  const active = useGallery((s) => Object.values(s.runs).find((r) => r.status === 'starting' || r.status === 'running'));
  const partials = useGallery((s) => (active ? active.tiles.reduce((n, k) => n + (s.tiles[k]?.partials ?? 0), 0) : 0));
  const finished = useGallery((s) => (active ? active.tiles.filter((k) => s.tiles[k]?.status === 'done').length : 0));
  const reasonId = useId();
  const hintId = useId();
  const [keys, setKeys] = useState(studioKeys('run', false));
  useEffect(() => setKeys(studioKeys('run', isMac())), []);
  return (
    // Sticky at the bottom of the controls column: the primary action stays in reach on a laptop screen.
    <div className="sticky bottom-0 space-y-2 border-t border-zinc-200 bg-white/95 py-2 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
      {props.children}
      {active ? (
        <Button variant="secondary" className="w-full py-2" aria-describedby={hintId} onClick={() => cancelGeneration(active.id)}>
          <Square className="size-3.5 fill-current" aria-hidden />
          Cancel
        </Button>
      ) : (
        <Button variant="primary" className="w-full py-2" disabled={props.disabled} aria-describedby={props.disabled && props.reason ? reasonId : hintId} onClick={props.onGenerate}>
          <Sparkles className="size-4" aria-hidden />
          {props.label}
        </Button>
      )}
      {props.disabled && props.reason && !active && <p id={reasonId} className="text-xs text-zinc-500">{props.reason}</p>}
      <p id={hintId} className="sr-only">{active ? 'Esc cancels' : `${keys} runs it from anywhere in the studio`}</p>
      {active && (
        <p role="status" aria-label="Progress" className="text-xs text-zinc-600 dark:text-zinc-400">
          <Elapsed since={active.startedAt} running /> · {active.streaming ? `${partials} partial${partials === 1 ? '' : 's'} received · ` : ''}
          {finished}/{active.tiles.length || '…'} done
        </p>
      )}
    </div>
  );
}
