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
import { ResultDetails } from './result-details';
import { GifResult, STAGE_CLASS } from '@/components/results/gif-result';
import { SvgResult } from '@/components/results/svg-result';

const STATUS_TEXT: Record<TileState['status'], string> = {
  waiting: 'Waiting for the first image…',
  streaming: 'Streaming',
  done: 'Done',
  cancelled: 'Cancelled — the last partial image is kept',
  failed: 'Failed',
};

/** One image of a run: the latest partial while streaming, then the final image and what came back. */
export function RunTile({ run, tile, target }: { run: RunState; tile: TileState; target: CodeTarget }) {
  const reuse = useStudio((s) => s.reuse);
  const shown = tile.image ?? tile.partial;
  const final = tile.status === 'done' && tile.image;
  // References for edits and the chat are png/jpeg/webp: a GIF or SVG result is not offered as one.
  const still = !!tile.image && tile.image.mime !== 'image/gif' && tile.image.mime !== 'image/svg+xml';
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
          // eslint-disable-next-line @next/next/no-img-element -- object URLs of streamed bytes
          <img src={shown.url} alt={alt} data-emitted-at={tile.partial?.at} className={`max-h-full max-w-full object-contain ${final ? '' : 'opacity-90'}`} />
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
          <div className="flex flex-wrap gap-3">
            {shown?.blob && (
              <a className="underline" href={shown.url} download={filenameFor(tile.prompt, shown.mime, tile.image ? '' : 'partial')}>
                Download{shown.mime === 'image/gif' ? ' GIF' : shown.mime === 'image/svg+xml' ? ' SVG (sanitized)' : ''}
              </a>
            )}
            <button type="button" className="underline" onClick={() => reuse(run.fields, run.endpoint === 'generate' ? 'generate' : run.endpoint)}>Reuse settings</button>
            {tile.image?.blob && still && (
              <button type="button" className="underline" onClick={() => editThisImage(tile.image!.blob!, filenameFor(tile.prompt, tile.image!.mime))}>Edit this image</button>
            )}
            {tile.image?.blob && still && (
              <button type="button" className="underline" onClick={() => continueInChat(tile.image!.blob!, filenameFor(tile.prompt, tile.image!.mime))}>Continue in chat</button>
            )}
            <CopyAsCode fields={run.fields} target={target} endpoint={run.endpoint} files={{ images: run.fileNames ?? [], mask: run.mask ? 'mask.png' : undefined }} />
          </div>
        )}
        {run.endpoint === 'edit' && run.original && tile.image?.blob && (
          <EditResultTools original={run.original} result={tile.image.blob} mask={run.mask} onComposite={(blob, w, h) => keepComposite(run.id, tile.key, blob, w, h)} />
        )}
        {tile.image && (
          <ResultDetails fields={run.fields} echoed={tile.echoed} width={tile.image.width} height={tile.image.height} usage={tile.usage} latencyMs={tile.latencyMs} provider={run.provider} revisedPrompt={tile.revisedPrompt} />
        )}
      </figcaption>
    </figure>
  );
}
