'use client';
/** The live gallery: runs in progress and just finished, folded from server events by applyEvent. */
import { create } from 'zustand';
import type { GenerationEvent } from '../generation/events';
import { applyEvent, cancelRun, pruneRuns, type GalleryState, type RunState } from './apply-event';

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
}

export const useGallery = create<GalleryStore>()((set, get) => ({
  runs: {},
  tiles: {},
  begin(run) {
    const next = pruneRuns({ runs: { ...get().runs, [run.id]: run }, tiles: get().tiles }, KEEP_RUNS, urls);
    set(next);
  },
  dispatch(runId, event) {
    set(applyEvent({ runs: get().runs, tiles: get().tiles }, runId, event, urls));
  },
  cancel(runId) {
    set(cancelRun({ runs: get().runs, tiles: get().tiles }, runId));
  },
  patchRun(runId, patch) {
    const run = get().runs[runId];
    if (run) set({ runs: { ...get().runs, [runId]: { ...run, ...patch } } });
  },
}));
