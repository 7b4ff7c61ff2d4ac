'use client';
import { useEffect, useState } from 'react';
import type { HistoryMeta } from '@/lib/history/db.client';
import { loadImage } from '@/lib/history/db.client';
import { filenameFor } from '@/lib/history/filename';
import { useHistory } from '@/lib/history/history-store.client';
import type { CodeTarget } from '@/lib/code/snippets';
import { useStudio } from '@/lib/studio/params-store.client';
import { editThisImage } from '@/lib/studio/edit-this.client';
import { continueInChat } from '@/lib/chat/handoff.client';
import { formatBytes } from '@/components/ui/field';
import { CopyAsCode } from './code-dialog';
import { ResultDetails } from './result-details';

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

async function download(entry: HistoryMeta) {
  const blob = await loadImage(entry.id);
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filenameFor(entry.prompt, entry.mime, entry.status === 'done' ? '' : 'partial') });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A stored result: its thumbnail (the full image is read only on demand) and what to do with it. */
export function HistoryCard({ entry, target }: { entry: HistoryMeta; target: CodeTarget }) {
  const thumb = useObjectUrl(entry.thumb);
  const [full, setFull] = useState<Blob>();
  const fullUrl = useObjectUrl(full);
  const reuse = useStudio((s) => s.reuse);
  const remove = useHistory((s) => s.remove);
  const still = entry.mime !== 'image/gif' && entry.mime !== 'image/svg+xml';
  const alt = entry.status === 'done' ? entry.prompt : `Partial image of “${entry.prompt}” (${entry.status})`;
  return (
    <figure className="space-y-1 rounded-lg border border-zinc-200 p-2 text-xs dark:border-zinc-800">
      <button type="button" className="block w-full" aria-label={`Open ${entry.prompt}`} onClick={async () => setFull(full ? undefined : await loadImage(entry.id))}>
        {/* eslint-disable-next-line @next/next/no-img-element -- object URLs from IndexedDB */}
        {thumb && <img src={fullUrl ?? thumb} alt={alt} loading="lazy" width={entry.width} height={entry.height} className="h-auto w-full rounded bg-zinc-100 object-contain dark:bg-zinc-900" />}
      </button>
      <figcaption className="space-y-1">
        <p className="line-clamp-2" title={entry.prompt}>{entry.prompt}</p>
        <p className="text-zinc-500">
          {entry.model} · {entry.width}×{entry.height} · {formatBytes(entry.bytes)}
          {entry.frames && <span aria-label="GIF frames"> · GIF {entry.frames.count} frames × {entry.frames.durationMs} ms</span>}
          {entry.svg && <span aria-label="SVG facts"> · SVG {entry.svg.nodes} nodes (sanitized)</span>}
          {entry.status !== 'done' && <span className="ml-1 text-amber-600">{entry.status}</span>}
        </p>
        <div className="flex flex-wrap gap-x-3">
          <button type="button" className="underline" onClick={() => download(entry)}>Download</button>
          <button type="button" className="underline" onClick={() => reuse(entry.fields, entry.endpoint ?? 'generate')}>Reuse settings</button>
          {still && <button
            type="button"
            className="underline"
            onClick={async () => {
              const blob = await loadImage(entry.id);
              if (blob) await editThisImage(blob, filenameFor(entry.prompt, entry.mime));
            }}
          >
            Edit this image
          </button>}
          {still && <button
            type="button"
            className="underline"
            onClick={async () => {
              const blob = await loadImage(entry.id);
              if (blob) await continueInChat(blob, filenameFor(entry.prompt, entry.mime));
            }}
          >
            Continue in chat
          </button>}
          <button type="button" className="underline text-red-700 dark:text-red-400" onClick={() => remove(entry.id)}>Delete</button>
        </div>
        <CopyAsCode fields={entry.fields} target={target} endpoint={entry.endpoint} />
        <ResultDetails fields={entry.fields} echoed={entry.echoed} width={entry.width} height={entry.height} usage={entry.usage} latencyMs={entry.latencyMs} provider={entry.provider} revisedPrompt={entry.revisedPrompt} />
      </figcaption>
    </figure>
  );
}
