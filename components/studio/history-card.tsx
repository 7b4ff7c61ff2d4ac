'use client';
import { useEffect, useState } from 'react';
import type { HistoryMeta } from '@/lib/history/db.client';
import { loadImage } from '@/lib/history/db.client';
import { filenameFor } from '@/lib/history/filename';
import { deleteWithUndo } from '@/lib/history/undo-delete.client';
import { entryAlt } from '@/lib/lightbox/sources';
import type { CodeTarget } from '@/lib/code/snippets';
import { useStudio } from '@/lib/studio/params-store.client';
import { editThisImage } from '@/lib/studio/edit-this.client';
import { continueInChat } from '@/lib/chat/handoff.client';
import { formatBytes } from '@/components/ui/field';
import { copyItem, downloadItem } from '@/components/lightbox/item-actions';
import { CardActions, regenerate } from './card-actions';
import { CopyAsCode } from './code-dialog';

/** An object URL that lives as long as the component shows it. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return;
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return url;
}

/**
 * A stored result: its thumbnail (the full image is read only on demand) and what to do with it. The thumbnail
 * opens the lightbox (with what came back in its details panel).
 */
export function HistoryCard({ entry, target, onOpen }: { entry: HistoryMeta; target: CodeTarget; onOpen?(id: string, opener: HTMLElement): void }) {
  const thumb = useObjectUrl(entry.thumb);
  const reuse = useStudio((s) => s.reuse);
  const still = entry.mime !== 'image/gif' && entry.mime !== 'image/svg+xml';
  const alt = entryAlt(entry);
  const name = filenameFor(entry.prompt, entry.mime);
  const bytes = { load: () => loadImage(entry.id), filename: filenameFor(entry.prompt, entry.mime, entry.status === 'done' ? '' : 'partial') };
  const withImage = (use: (blob: Blob, name: string) => Promise<void>) => async () => {
    const blob = await loadImage(entry.id);
    if (blob) await use(blob, name);
  };
  return (
    <figure className="space-y-1 rounded-lg border border-zinc-200 p-2 text-xs dark:border-zinc-800">
      <button
        type="button"
        className="block w-full cursor-zoom-in rounded outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
        aria-label={`Open ${entry.prompt}`}
        aria-haspopup="dialog"
        onClick={(e) => onOpen?.(entry.id, e.currentTarget)}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- object URLs from IndexedDB */}
        {thumb && <img src={thumb} alt={alt} loading="lazy" width={entry.width} height={entry.height} className="h-auto w-full rounded bg-zinc-100 object-contain dark:bg-zinc-900" />}
      </button>
      <figcaption className="space-y-1">
        <p className="line-clamp-2" title={entry.prompt}>{entry.prompt}</p>
        <p className="text-zinc-500">
          {entry.model} · {entry.width}×{entry.height} · {formatBytes(entry.bytes)}
          {entry.frames && <span aria-label="GIF frames"> · GIF {entry.frames.count} frames × {entry.frames.durationMs} ms</span>}
          {entry.svg && <span aria-label="SVG facts"> · SVG {entry.svg.nodes} nodes (sanitized)</span>}
          {entry.status !== 'done' && <span className="ml-1 text-amber-600">{entry.status}</span>}
        </p>
        <CardActions
          download={{ label: 'Download', onClick: () => void downloadItem(bytes) }}
          onReuse={() => reuse(entry.fields, entry.endpoint ?? 'generate')}
          onEdit={still ? withImage(editThisImage) : undefined}
          onContinue={still ? withImage(continueInChat) : undefined}
          // The same request again: only a generation carries all of it (an edit's images are not kept).
          onRegenerate={(entry.endpoint ?? 'generate') === 'generate' ? () => void regenerate(entry.fields) : undefined}
          onCopyImage={() => void copyItem(bytes)}
          onDelete={() => deleteWithUndo(entry.id, entry.prompt)}
        />
        <CopyAsCode fields={entry.fields} target={target} endpoint={entry.endpoint} />
      </figcaption>
    </figure>
  );
}
