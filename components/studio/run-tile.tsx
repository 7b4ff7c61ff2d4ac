'use client';
import { useState } from 'react';
import dynamic from 'next/dynamic';
import type { RunState, TileState } from '@/lib/studio/apply-event';
import { filenameFor } from '@/lib/history/filename';
import type { CodeTarget } from '@/lib/code/snippets';
import { useStudio } from '@/lib/studio/params-store.client';
import { editThisImage } from '@/lib/studio/edit-this.client';
import { continueInChat } from '@/lib/chat/handoff.client';
import { CopyAsCode } from './code-dialog';
import { ErrorAlert } from './error-alert';
import { ErrorActions } from './error-actions';
import { CardActions, regenerate } from './card-actions';
import { copyItem } from '@/components/lightbox/item-actions';
import { useOpenImage } from '@/components/lightbox/open-context';
import { deleteWithUndo } from '@/lib/history/undo-delete.client';
import { StreamProgress } from './stream-progress';
import { CHECKERBOARD, hasTransparency, tileRatio, type Ratio } from './tile-frame';

// GIF and SVG answers are rare: their viewers load when one arrives.
const GifResult = dynamic(() => import('@/components/results/gif-result').then((m) => m.GifResult), { ssr: false });
const SvgResult = dynamic(() => import('@/components/results/svg-result').then((m) => m.SvgResult), { ssr: false });

const STATUS_TEXT: Record<TileState['status'], string> = {
  waiting: 'Waiting for the first image…',
  streaming: 'Streaming',
  done: 'Done',
  cancelled: 'Cancelled — the last partial image is kept',
  failed: 'Failed',
};

/**
 * One image of a run, framed at the asked aspect ratio and no larger than `maxHeight` (a CSS length: the stage
 * fits it to the viewport): the latest partial while streaming, blurred a little and sharpening into the final
 * image, with partial k of n, the time and an estimate over it; then the final image and what came back.
 */
export function RunTile({ run, tile, target, maxHeight, onOpen }: { run: RunState; tile: TileState; target: CodeTarget; maxHeight: string; onOpen?(id: string, opener: HTMLElement): void }) {
  const reuse = useStudio((s) => s.reuse);
  const openFromGallery = useOpenImage();
  onOpen ??= openFromGallery;
  // What a loaded partial showed of its size: `auto` becomes the real ratio before the final image says it.
  const [natural, setNatural] = useState<Ratio | null>(null);
  const shown = tile.image ?? tile.partial;
  const final = tile.status === 'done' && tile.image;
  const live = tile.status === 'waiting' || tile.status === 'streaming';
  // References for edits and the chat are png/jpeg/webp: a GIF or SVG result is not offered as one.
  const still = !!tile.image && tile.image.mime !== 'image/gif' && tile.image.mime !== 'image/svg+xml';
  // A GIF or SVG result is shown by its own viewer: it opens the lightbox from "View larger" instead.
  const plain = !(final && tile.image!.mime === 'image/gif' && tile.image!.blob) && !(final && tile.image!.mime === 'image/svg+xml');
  // Finished tiles are in history, so they can be deleted (with Undo).
  const settled = tile.status === 'done' || tile.status === 'cancelled' || tile.status === 'failed';
  const alt = final ? tile.prompt : tile.partial ? `Partial image ${tile.partial.index + 1} of “${tile.prompt}”${tile.status === 'cancelled' ? ' (cancelled)' : ''}` : '';
  const error = tile.error && <ErrorAlert error={tile.error}>{run.status !== 'running' && <ErrorActions runId={run.id} error={tile.error} arrivedAt={run.endedAt} />}</ErrorAlert>;

  // A tile that failed with nothing to show is its error, not an empty frame.
  if (tile.status === 'failed' && !shown) return <div className="min-w-0">{error}</div>;

  const ratio = tileRatio(run, tile, natural);
  const partialsAsked = Number(run.fields.partial_images) || 0;
  const frame = (
    <div
      data-testid="tile-frame"
      data-checkerboard={hasTransparency(run, tile) || undefined}
      className={`relative w-full overflow-hidden rounded-lg ${hasTransparency(run, tile) ? CHECKERBOARD : 'bg-zinc-100 dark:bg-zinc-900'}`}
      style={{ aspectRatio: `${ratio.width} / ${ratio.height}` }}
    >
      {shown ? (
        // The image opens the lightbox; the <img> inside keeps its own name (the prompt).
        <button type="button" aria-label={`Open ${tile.prompt}`} aria-haspopup="dialog" className="absolute inset-0 size-full cursor-zoom-in outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500" onClick={(e) => onOpen?.(tile.key, e.currentTarget)}>
        {/* eslint-disable-next-line @next/next/no-img-element -- object URLs of streamed bytes */}
        <img
          src={shown.url}
          alt={alt}
          data-emitted-at={tile.partial?.at}
          onLoad={(e) => {
            const { naturalWidth: width, naturalHeight: height } = e.currentTarget;
            if (width && height && (natural?.width !== width || natural?.height !== height)) setNatural({ width, height });
          }}
          // The same element from the first partial to the final image, so the blur eases out instead of cutting.
          className={`absolute inset-0 size-full object-contain transition-[filter,transform] duration-700 ease-out ${live ? 'scale-[1.01] blur-[3px]' : ''}`}
        />
        </button>
      ) : (
        <div aria-hidden className="absolute inset-0 animate-pulse bg-gradient-to-br from-zinc-200 via-zinc-100 to-indigo-100 dark:from-zinc-900 dark:via-zinc-800 dark:to-indigo-950" />
      )}
      {tile.status === 'failed' && tile.error && (
        // Said on the image too, where the eye is; the alert below has the code, status and advice.
        <p aria-hidden className="absolute inset-x-0 bottom-0 bg-red-950/85 px-3 py-2 text-sm text-white">{tile.error.message}</p>
      )}
      {live && <StreamProgress since={run.startedAt} typicalMs={run.typicalMs} partial={tile.partial ? tile.partial.index + 1 : undefined} partialsAsked={run.streaming ? partialsAsked : 0} />}
    </div>
  );

  return (
    // The figure takes the frame's width (no taller than maxHeight), so the caption lines up under the image.
    <figure className="mx-auto w-full min-w-0 space-y-2" style={{ maxWidth: `calc(${maxHeight} * ${ratio.width / ratio.height})` }} aria-busy={live}>
      {final && tile.image!.mime === 'image/gif' && tile.image!.blob ? (
        <GifResult blob={tile.image!.blob} url={tile.image!.url} prompt={tile.prompt} alt={alt} />
      ) : final && tile.image!.mime === 'image/svg+xml' ? (
        <SvgResult url={tile.image!.url} alt={alt} svg={tile.svg} />
      ) : (
        frame
      )}
      <figcaption className="space-y-2 text-xs text-zinc-600 dark:text-zinc-400">
        <p className="flex flex-wrap gap-x-2">
          <span className={tile.status === 'failed' ? 'text-red-600 dark:text-red-400' : tile.status === 'cancelled' ? 'text-amber-700 dark:text-amber-400' : 'text-zinc-900 dark:text-zinc-100'}>{STATUS_TEXT[tile.status]}</span>
          {run.streaming && <span>{tile.partials} partial{tile.partials === 1 ? '' : 's'} received</span>}
          {tile.latencyMs !== undefined && <span className="tabular-nums">{(tile.latencyMs / 1000).toFixed(2)} s</span>}
        </p>
        {error}
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
      </figcaption>
    </figure>
  );
}
