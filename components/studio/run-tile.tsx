'use client';
import type { RunState, TileState } from '@/lib/studio/apply-event';
import { filenameFor } from '@/lib/history/filename';
import type { CodeTarget } from '@/lib/code/snippets';
import { useStudio } from '@/lib/studio/params-store.client';
import { editThisImage } from '@/lib/studio/edit-this.client';
import { continueInChat } from '@/lib/chat/handoff.client';
import { keepComposite } from '@/lib/studio/run-generation.client';
import dynamic from 'next/dynamic';

// Loaded only when an edit has a result to compare.
const EditResultTools = dynamic(() => import('@/components/edit-result/edit-result-tools').then((m) => m.EditResultTools), { ssr: false });
import { CopyAsCode } from './code-dialog';
import { ErrorAlert } from './error-alert';
import { CardActions, regenerate } from './card-actions';
import { copyItem } from '@/components/lightbox/item-actions';
import { deleteWithUndo } from '@/lib/history/undo-delete.client';
import { GifResult, STAGE_CLASS } from '@/components/results/gif-result';
import { SvgResult } from '@/components/results/svg-result';

const STATUS_TEXT: Record<TileState['status'], string> = {
  waiting: 'Waiting for the first image…',
  streaming: 'Streaming',
  done: 'Done',
  cancelled: 'Cancelled — the last partial image is kept',
  failed: 'Failed',
};

/** One image of a run: the latest partial while streaming, then the final image (what came back is in its lightbox). */
export function RunTile({ run, tile, target, onOpen }: { run: RunState; tile: TileState; target: CodeTarget; onOpen?(id: string, opener: HTMLElement): void }) {
  const reuse = useStudio((s) => s.reuse);
  const shown = tile.image ?? tile.partial;
  const final = tile.status === 'done' && tile.image;
  // References for edits and the chat are png/jpeg/webp: a GIF or SVG result is not offered as one.
  const still = !!tile.image && tile.image.mime !== 'image/gif' && tile.image.mime !== 'image/svg+xml';
  // A GIF or SVG result is shown by its own viewer: it opens the lightbox from "View larger" instead.
  const plain = !(final && tile.image!.mime === 'image/gif' && tile.image!.blob) && !(final && tile.image!.mime === 'image/svg+xml');
  // Finished tiles are in history, so they can be deleted (with Undo).
  const settled = tile.status === 'done' || tile.status === 'cancelled' || tile.status === 'failed';
  const alt = final ? tile.prompt : tile.partial ? `Partial image ${tile.partial.index + 1} of “${tile.prompt}”${tile.status === 'cancelled' ? ' (cancelled)' : ''}` : '';
  return (
    <figure className="space-y-2 rounded-lg border border-zinc-200 p-2 dark:border-zinc-800" aria-busy={tile.status === 'waiting' || tile.status === 'streaming'}>
      {final && tile.image!.mime === 'image/gif' && tile.image!.blob ? (
        <GifResult blob={tile.image!.blob} url={tile.image!.url} prompt={tile.prompt} alt={alt} />
      ) : final && tile.image!.mime === 'image/svg+xml' ? (
        <SvgResult url={tile.image!.url} alt={alt} svg={tile.svg} />
      ) : (
      <div className={STAGE_CLASS}>
        {shown ? (
          // The image opens the lightbox; the <img> inside keeps its own name (the prompt).
          <button type="button" aria-label={`Open ${tile.prompt}`} aria-haspopup="dialog" className="flex h-full w-full cursor-zoom-in items-center justify-center outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500" onClick={(e) => onOpen?.(tile.key, e.currentTarget)}>
            {/* eslint-disable-next-line @next/next/no-img-element -- object URLs of streamed bytes */}
            <img src={shown.url} alt={alt} data-emitted-at={tile.partial?.at} className={`max-h-full max-w-full object-contain ${final ? '' : 'opacity-90'}`} />
          </button>
        ) : (
          <span className="text-xs text-zinc-500">{tile.status === 'failed' ? 'No image' : 'Waiting…'}</span>
        )}
      </div>
      )}
      <figcaption className="space-y-1 text-xs">
        <p className="flex flex-wrap gap-x-2">
          <span className={tile.status === 'failed' ? 'text-red-600' : tile.status === 'cancelled' ? 'text-amber-600' : ''}>{STATUS_TEXT[tile.status]}</span>
          {run.streaming && <span>{tile.partials} partial{tile.partials === 1 ? '' : 's'} received</span>}
          {tile.latencyMs !== undefined && <span>{(tile.latencyMs / 1000).toFixed(2)} s</span>}
        </p>
        {tile.error && <ErrorAlert error={tile.error} />}
        {(tile.image || tile.partial) && (
          <>
            <CardActions
              download={shown?.blob ? { label: `Download${shown.mime === 'image/gif' ? ' GIF' : shown.mime === 'image/svg+xml' ? ' SVG (sanitized)' : ''}`, href: shown.url, filename: filenameFor(tile.prompt, shown.mime, tile.image ? '' : 'partial') } : undefined}
              onOpen={final && !plain ? (opener) => onOpen?.(tile.key, opener) : undefined}
              onReuse={() => reuse(run.fields, run.endpoint === 'generate' ? 'generate' : run.endpoint)}
              onEdit={tile.image?.blob && still ? () => editThisImage(tile.image!.blob!, filenameFor(tile.prompt, tile.image!.mime)) : undefined}
              onContinue={tile.image?.blob && still ? () => continueInChat(tile.image!.blob!, filenameFor(tile.prompt, tile.image!.mime)) : undefined}
              onRegenerate={run.endpoint === 'generate' ? () => void regenerate(run.fields) : undefined}
              onCopyImage={shown ? () => void copyItem({ blob: shown.blob, src: shown.url }) : undefined}
              onDelete={settled ? () => deleteWithUndo(tile.key, tile.prompt) : undefined}
            />
            <CopyAsCode fields={run.fields} target={target} endpoint={run.endpoint} files={{ images: run.fileNames ?? [], mask: run.mask ? 'mask.png' : undefined }} />
          </>
        )}
        {run.endpoint === 'edit' && run.original && tile.image?.blob && (
          <EditResultTools original={run.original} result={tile.image.blob} mask={run.mask} onComposite={(blob, w, h) => keepComposite(run.id, tile.key, blob, w, h)} />
        )}
      </figcaption>
    </figure>
  );
}
