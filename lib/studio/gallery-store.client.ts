'use client';
/** The live gallery: runs in progress and just finished, folded from server events by applyEvent. */
import { create } from 'zustand';
import type { GenerationEvent } from '../generation/events';
import { applyEvent, cancelRun, dropRun, pruneRuns, type CompletedExtras, type GalleryState, type RunState } from './apply-event';
import { sanitizeSvg } from './svg-sanitize';
import { sniffOutput } from '../images/sniff';

const SVG_MIME = 'image/svg+xml';

/**
 * The type from the bytes, never from the request (api-2026-12 §7.7): a GIF or SVG the server could only call
 * application/octet-stream (its sniffer knows the input types) gets its real type, and its size where the file says it.
 */
function withRealType(event: GenerationEvent): GenerationEvent {
  if ((event.type !== 'completed' && event.type !== 'partial') || !event.bytes) return event;
  const out = sniffOutput(event.bytes);
  if (!out || out.mime === event.mime) return event;
  if (event.type === 'partial') return { ...event, mime: out.mime };
  return { ...event, mime: out.mime, width: event.width || out.width || 0, height: event.height || out.height || 0 };
}

/**
 * An SVG answer is sanitized here, before anything shows or keeps it: the tile, its download, history and
 * "Edit this image" all get the sanitized file. A document that is not an SVG after sanitizing becomes an error.
 */
export function sanitizeCompleted(received: GenerationEvent): GenerationEvent & CompletedExtras {
  const event = withRealType(received);
  if (event.type !== 'completed' || !event.bytes || event.mime !== SVG_MIME) return event;
  const svgUsage = (event as { svgUsage?: CompletedExtras['svgUsage']; svg_usage?: CompletedExtras['svgUsage'] });
  const usage = svgUsage.svgUsage ?? svgUsage.svg_usage;
  try {
    const source = new TextDecoder().decode(event.bytes);
    const clean = sanitizeSvg(source);
    return {
      ...event,
      bytes: new TextEncoder().encode(clean.text),
      svg: { source: clean.text, bytes: clean.bytes, nodes: clean.nodes, removed: clean.removed, originalBytes: event.bytes.byteLength },
      ...(usage !== undefined ? { svgUsage: usage } : {}),
    };
  } catch (e) {
    return { type: 'error', tile: event.tile, error: { status: 0, message: `The SVG could not be shown safely: ${e instanceof Error ? e.message : String(e)}`, type: 'invalid_response', param: null, code: 'svg_unsafe' } };
  }
}

/** Runs kept on screen besides history; older ones are in history and their URLs are released. */
const KEEP_RUNS = 4;

const urls = {
  create: (blob: Blob) => URL.createObjectURL(blob),
  revoke: (url: string) => URL.revokeObjectURL(url),
};

interface GalleryStore extends GalleryState {
  begin(run: RunState): void;
  dispatch(runId: string, event: GenerationEvent): void;
  cancel(runId: string): void;
  patchRun(runId: string, patch: Partial<RunState>): void;
  dismiss(runId: string): void;
}

export const useGallery = create<GalleryStore>()((set, get) => ({
  runs: {},
  tiles: {},
  begin(run) {
    const next = pruneRuns({ runs: { ...get().runs, [run.id]: run }, tiles: get().tiles }, KEEP_RUNS, urls);
    set(next);
  },
  dispatch(runId, event) {
    set(applyEvent({ runs: get().runs, tiles: get().tiles }, runId, sanitizeCompleted(event), urls));
  },
  cancel(runId) {
    set(cancelRun({ runs: get().runs, tiles: get().tiles }, runId));
  },
  dismiss(runId) {
    set(dropRun({ runs: get().runs, tiles: get().tiles }, runId, urls));
  },
  patchRun(runId, patch) {
    const run = get().runs[runId];
    if (run) set({ runs: { ...get().runs, [runId]: { ...run, ...patch } } });
  },
}));
