/**
 * Fold a GenerationEvent into the gallery's state: the one switch on `type` (style.md, "stream events
 * declared once"). Pure but for object URLs, which come from the injected `urls` so tests can count them.
 */
import type { ImagesUsage, SvgUsage } from '../cost/usage';
import type { Echoed, GenerationError, GenerationEvent } from '../generation/events';
import type { ImageEndpoint } from '../models/validate';
import type { ProviderKind } from '../providers/config';

export type TileStatus = 'waiting' | 'streaming' | 'done' | 'cancelled' | 'failed';

export interface TileImage {
  url: string;
  mime: string;
  width: number;
  height: number;
  /** The encoded file, kept for history and download; absent for a remote URL answer. */
  blob?: Blob;
}

export interface TileState {
  key: string;
  runId: string;
  tile: number;
  prompt: string;
  status: TileStatus;
  /** The latest partial image while streaming; kept when the run is cancelled or fails. */
  partial?: TileImage & { index: number; at?: number };
  partials: number;
  image?: TileImage;
  echoed?: Echoed;
  usage?: ImagesUsage | null;
  revisedPrompt?: string;
  latencyMs?: number;
  error?: GenerationError;
  /** Milliseconds from the start of the run to this tile's first partial and to its final image. */
  firstPartialMs?: number;
  /** An SVG answer: the sanitized document's facts (the image's blob is the sanitized file). */
  svg?: SvgFacts;
  /** An SVG answer: the authoring model's usage (top-level `svg_usage`), when the server passes it on. */
  svgUsage?: SvgUsage | null;
}

/** What the browser learned sanitizing an SVG answer (lib/studio/svg-sanitize.ts). */
export interface SvgFacts {
  /** The sanitized document's text, for "View source". */
  source: string;
  bytes: number;
  nodes: number;
  /** Elements and attributes the sanitizer removed; 0 for a clean document. */
  removed: number;
  /** The answer's size before sanitizing. */
  originalBytes: number;
}

/** What the browser adds to a completed event before folding it. */
export interface CompletedExtras {
  svg?: SvgFacts;
  /** Read from the event when the server passes `svg_usage` on (lib/generation: `svgUsage`). */
  svgUsage?: SvgUsage | null;
}

export type RunStatus = 'starting' | 'running' | 'done' | 'cancelled' | 'failed';

export interface RunState {
  id: string;
  jobId?: string;
  provider: ProviderKind;
  endpoint: ImageEndpoint;
  /** Edits: the first reference and the mask as sent, for compare and "changes outside the mask". */
  original?: Blob;
  mask?: Blob;
  /** Names of the files sent (edits, variations), for "Copy as code". */
  fileNames?: string[];
  /** Dollars estimated before the call, and what the returned usage says it cost (null: not priced). */
  estimate?: { low: number; high: number };
  /** Milliseconds an image of this request usually takes (typical-duration.ts), for the progress estimate. */
  typicalMs?: number;
  actual?: number | null;
  /** An SVG run: the image usage's part of `actual` and the authoring model's line (null dollars: not priced). */
  actualImage?: number | null;
  actualSvg?: { model: string; usage: SvgUsage | null; dollars: number | null };
  /** The request fields as sent: for "Reuse settings", "Copy as code" and history. */
  fields: Record<string, unknown>;
  prompt: string;
  startedAt: number;
  endedAt?: number;
  streaming: boolean;
  status: RunStatus;
  error?: GenerationError;
  tiles: string[];
}

export interface GalleryState {
  runs: Record<string, RunState>;
  tiles: Record<string, TileState>;
}

export interface UrlFactory {
  create(blob: Blob): string;
  revoke(url: string): void;
}

export function tileKey(runId: string, tile: number): string {
  return `${runId}:${tile}`;
}

function newTile(run: RunState, tile: number): TileState {
  return { key: tileKey(run.id, tile), runId: run.id, tile, prompt: run.prompt, status: 'waiting', partials: 0 };
}

function ensureTile(state: GalleryState, run: RunState, tile: number): [GalleryState, TileState] {
  const key = tileKey(run.id, tile);
  const existing = state.tiles[key];
  if (existing) return [state, existing];
  const created = newTile(run, tile);
  const runs = run.tiles.includes(key) ? state.runs : { ...state.runs, [run.id]: { ...run, tiles: [...run.tiles, key] } };
  return [{ runs, tiles: { ...state.tiles, [key]: created } }, created];
}

function putTile(state: GalleryState, tile: TileState): GalleryState {
  return { ...state, tiles: { ...state.tiles, [tile.key]: tile } };
}

function putRun(state: GalleryState, run: RunState): GalleryState {
  return { ...state, runs: { ...state.runs, [run.id]: run } };
}

const FINISHED: TileStatus[] = ['done', 'cancelled', 'failed'];

/** The run is over when every tile is; its status says how the last ones ended. */
function settleRun(state: GalleryState, runId: string, now: number): GalleryState {
  const run = state.runs[runId];
  const tiles = run.tiles.map((k) => state.tiles[k]);
  if (tiles.length === 0 || !tiles.every((t) => FINISHED.includes(t.status))) return state;
  const status: RunStatus = tiles.some((t) => t.status === 'done') ? 'done' : tiles.some((t) => t.status === 'cancelled') ? 'cancelled' : 'failed';
  return putRun(state, { ...run, status, endedAt: run.endedAt ?? now });
}

export function applyEvent(state: GalleryState, runId: string, event: GenerationEvent & CompletedExtras, urls: UrlFactory, now = Date.now()): GalleryState {
  let run = state.runs[runId];
  if (!run) return state;
  switch (event.type) {
    case 'keepalive':
      // Only there to keep proxies from cutting a quiet stream.
      return state;
    case 'started': {
      // A run cancelled on the page before its job answered stays over: a late `started` does not revive it.
      if (run.status === 'cancelled') return state;
      run = { ...run, jobId: event.jobId, streaming: event.streaming, status: 'running' };
      let next = putRun(state, run);
      for (let i = 0; i < event.tiles; i++) [next] = ensureTile(next, next.runs[runId], i);
      return next;
    }
    case 'partial': {
      const [next, tile] = ensureTile(state, run, event.tile);
      if (FINISHED.includes(tile.status)) return next;
      if (tile.partial) urls.revoke(tile.partial.url);
      const blob = new Blob([event.bytes as BlobPart], { type: event.mime });
      const partial = { url: urls.create(blob), mime: event.mime, width: 0, height: 0, blob, index: event.partialIndex, at: event.at };
      return putTile(next, {
        ...tile,
        status: 'streaming',
        partial,
        partials: tile.partials + 1,
        firstPartialMs: tile.firstPartialMs ?? now - run.startedAt,
      });
    }
    case 'completed': {
      const [next, tile] = ensureTile(state, run, event.tile);
      // Late or repeated: a finished tile keeps what it has (and its URLs stay owned by it).
      if (FINISHED.includes(tile.status)) return next;
      if (tile.partial) urls.revoke(tile.partial.url);
      let image: TileImage;
      if (event.bytes) {
        const blob = new Blob([event.bytes as BlobPart], { type: event.mime });
        image = { url: urls.create(blob), mime: event.mime, width: event.width, height: event.height, blob };
      } else {
        image = { url: event.url ?? '', mime: event.mime, width: event.width, height: event.height };
      }
      const done: TileState = {
        ...tile,
        status: 'done',
        partial: undefined,
        image,
        echoed: event.echoed,
        usage: event.usage,
        revisedPrompt: event.revisedPrompt,
        latencyMs: event.latencyMs,
        ...(event.svg ? { svg: event.svg } : {}),
        ...(event.svgUsage !== undefined ? { svgUsage: event.svgUsage } : {}),
      };
      return settleRun(putTile(next, done), runId, now);
    }
    case 'error': {
      if (event.tile === null) {
        // The whole request failed: every unfinished tile fails with it, keeping any partial it had.
        let next = putRun(state, { ...run, error: event.error });
        const keys = run.tiles.length ? run.tiles : [tileKey(runId, 0)];
        for (const key of keys) {
          const t = next.tiles[key] ?? newTile(run, Number(key.split(':').pop()));
          if (!FINISHED.includes(t.status)) next = putTile(next, { ...t, status: 'failed', error: event.error });
        }
        if (!run.tiles.length) next = putRun(next, { ...next.runs[runId], tiles: keys });
        return settleRun(next, runId, now);
      }
      const [next, tile] = ensureTile(state, run, event.tile);
      if (FINISHED.includes(tile.status)) return next;
      return settleRun(putTile(next, { ...tile, status: 'failed', error: event.error }), runId, now);
    }
    case 'cancelled': {
      let next = state;
      const keys = event.tile === null ? run.tiles : [tileKey(runId, event.tile)];
      for (const key of keys) {
        const t = next.tiles[key];
        if (t && !FINISHED.includes(t.status)) next = putTile(next, { ...t, status: 'cancelled' });
      }
      return settleRun(next, runId, now);
    }
  }
}

/** Mark everything still open as cancelled (the user pressed Cancel, or the stream ended without a word). */
export function cancelRun(state: GalleryState, runId: string, now = Date.now()): GalleryState {
  const run = state.runs[runId];
  if (!run) return state;
  let next = state;
  for (const key of run.tiles) {
    const t = next.tiles[key];
    if (t && !FINISHED.includes(t.status)) next = putTile(next, { ...t, status: 'cancelled' });
  }
  next = settleRun(next, runId, now);
  const after = next.runs[runId];
  return after.status === 'running' || after.status === 'starting' ? putRun(next, { ...after, status: 'cancelled', endedAt: now }) : next;
}

/** Forget one run (an error dismissed), revoking its URLs; history keeps what was saved. */
export function dropRun(state: GalleryState, runId: string, urls: UrlFactory): GalleryState {
  const run = state.runs[runId];
  if (!run) return state;
  const runs = { ...state.runs };
  const tiles = { ...state.tiles };
  for (const key of run.tiles) {
    const t = tiles[key];
    if (t?.partial) urls.revoke(t.partial.url);
    if (t?.image?.blob) urls.revoke(t.image.url);
    delete tiles[key];
  }
  delete runs[runId];
  return { runs, tiles };
}

/** Forget runs (and revoke their URLs) except the newest `keep`. */
export function pruneRuns(state: GalleryState, keep: number, urls: UrlFactory): GalleryState {
  const ordered = Object.values(state.runs).sort((a, b) => b.startedAt - a.startedAt);
  const drop = ordered.slice(keep);
  if (!drop.length) return state;
  const runs = { ...state.runs };
  const tiles = { ...state.tiles };
  for (const run of drop) {
    for (const key of run.tiles) {
      const t = tiles[key];
      if (t?.partial) urls.revoke(t.partial.url);
      if (t?.image?.blob) urls.revoke(t.image.url);
      delete tiles[key];
    }
    delete runs[run.id];
  }
  return { runs, tiles };
}
