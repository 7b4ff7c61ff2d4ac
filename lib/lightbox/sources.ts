/**
 * Lightbox items from what the studio shows: a run's tiles (results, partials kept) and history entries. The
 * alt of each is the one its card gives its <img>, so the image keeps one name wherever it is shown.
 */
import type { HistoryMeta } from '../history/db.client';
import { filenameFor } from '../history/filename';
import type { RunState, TileState } from '../studio/apply-event';
import type { LightboxItem } from './items';

/** The tile's alt, as components/studio/run-tile.tsx gives it. */
export function tileAlt(tile: TileState): string {
  const final = tile.status === 'done' && tile.image;
  if (final) return tile.prompt;
  if (tile.partial) return `Partial image ${tile.partial.index + 1} of “${tile.prompt}”${tile.status === 'cancelled' ? ' (cancelled)' : ''}`;
  return '';
}

/** The history card's alt, as components/studio/history-card.tsx gives it. */
export function entryAlt(entry: Pick<HistoryMeta, 'status' | 'prompt'>): string {
  return entry.status === 'done' ? entry.prompt : `Partial image of “${entry.prompt}” (${entry.status})`;
}

/** A request of n images answered at once (not streamed) reports one usage for all, on its first image. */
function batchOf(fields: Record<string, unknown>): number | undefined {
  const n = Number(fields.n ?? 1);
  return n > 1 && fields.stream !== true ? n : undefined;
}

const BATCH_NOTE: [string, string] = ['usage', 'reported once for the whole request, on its first image'];

export function tileItem(run: RunState, tile: TileState): LightboxItem | null {
  const shown = tile.image ?? tile.partial;
  if (!shown?.url) return null;
  const batch = batchOf(run.fields);
  const later = batch !== undefined && tile.tile > 0;
  return {
    id: tile.key,
    alt: tileAlt(tile),
    title: tile.prompt,
    mime: shown.mime,
    width: shown.width || undefined,
    height: shown.height || undefined,
    src: shown.url,
    blob: shown.blob,
    filename: filenameFor(tile.prompt, shown.mime, tile.image ? '' : 'partial'),
    details: {
      prompt: tile.prompt,
      revisedPrompt: tile.revisedPrompt,
      fields: run.fields,
      echoed: tile.echoed,
      usage: later ? undefined : tile.usage,
      usageOfRequest: later ? undefined : batch,
      latencyMs: tile.latencyMs,
      provider: run.provider,
      status: tile.status,
      extra: later ? [BATCH_NOTE] : undefined,
    },
  };
}

export function entryItem(entry: HistoryMeta, load: (id: string) => Promise<Blob | undefined>): LightboxItem {
  // "Keep only the masked area" composites are made here, not returned: no usage of their own.
  const batch = entry.id.includes(':composite:') ? undefined : batchOf(entry.fields);
  const later = batch !== undefined && !/:0$/.test(entry.id);
  return {
    id: entry.id,
    alt: entryAlt(entry),
    title: entry.prompt,
    mime: entry.mime,
    width: entry.width,
    height: entry.height,
    load: () => load(entry.id),
    thumb: entry.thumb,
    filename: filenameFor(entry.prompt, entry.mime, entry.status === 'done' ? '' : 'partial'),
    details: {
      prompt: entry.prompt,
      revisedPrompt: entry.revisedPrompt,
      fields: entry.fields,
      echoed: entry.echoed,
      usage: later ? undefined : entry.usage,
      usageOfRequest: later ? undefined : batch,
      latencyMs: entry.latencyMs,
      provider: entry.provider,
      status: entry.status,
      extra: later ? [BATCH_NOTE] : undefined,
    },
  };
}
