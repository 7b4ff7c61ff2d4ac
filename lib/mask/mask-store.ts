/**
 * The mask being painted over the first reference image: its ops and undo history, the painter's settings,
 * and the PNG an edit sends. Not persisted; no React here (components read it with zustand's useStore).
 */
import { createStore } from 'zustand/vanilla';
import { exportMaskOffThread } from './export-client';
import { applied, emptyHistory, push, redo, undo, type History } from './history';
import { appendPoints, coverageState, liveOps, type Coverage, type MaskOp, type PaintTool, type StrokeOp } from './ops';

export interface MaskTarget {
  /** Identifies the image (its object URL): a new key starts a new mask. */
  key: string;
  width: number;
  height: number;
}

/** The stroke under the pointer: points grow until the stroke ends and enters history. */
export type PendingStroke = StrokeOp & { points: readonly number[] };

export interface MaskState {
  target: MaskTarget | null;
  history: History;
  /** The ops that make the current mask (history's base and undo stack). */
  ops: readonly MaskOp[];
  pending: PendingStroke | null;
  /** Bumped whenever `ops` changes. */
  revision: number;
  tool: PaintTool;
  /** Brush diameter in image pixels. */
  brushSize: number;
  /** Soft edge in image pixels. */
  feather: number;
  overlayColor: string;
  overlayOpacity: number;
  showMask: boolean;

  setTarget(target: MaskTarget | null): void;
  setTool(tool: PaintTool): void;
  setBrushSize(px: number): void;
  /** `[` and `]`: a quarter smaller or larger. */
  stepBrushSize(direction: 1 | -1): void;
  setFeather(px: number): void;
  setOverlayColor(color: string): void;
  setOverlayOpacity(opacity: number): void;
  setShowMask(show: boolean): void;
  /** Starts a stroke with the current tool at an image point; false without a target or mid-stroke. */
  beginStroke(x: number, y: number): boolean;
  /** Adds flat x,y image points, skipping those within minDistance image pixels of the last one. */
  extendStroke(xy: readonly number[], minDistance?: number): void;
  endStroke(): void;
  cancelStroke(): void;
  invert(): void;
  clear(): void;
  /** Refused (false) mid-stroke or with nothing to undo. */
  undo(): boolean;
  redo(): boolean;
  /** Replaces the mask with an uploaded one of the target's size (undoable). */
  loadCoverage(coverage: Coverage): void;
  hasMask(): boolean;
}

export function brushRange(t: { width: number; height: number } | null): { min: number; max: number } {
  return { min: 1, max: t ? Math.max(16, Math.round(Math.min(t.width, t.height) / 2)) : 512 };
}

export function featherRange(t: { width: number; height: number } | null): { min: number; max: number } {
  return { min: 0, max: t ? Math.max(50, Math.round(Math.min(t.width, t.height) / 10)) : 100 };
}

export function defaultBrushSize(t: { width: number; height: number }): number {
  return Math.max(4, Math.round(Math.min(t.width, t.height) / 20));
}

const clamp = (v: number, r: { min: number; max: number }) => Math.min(r.max, Math.max(r.min, Math.round(v)));

export const maskStore = createStore<MaskState>()((set, get) => {
  let memo: { ops: readonly MaskOp[] | null; target: MaskTarget | null; has: boolean } = { ops: null, target: null, has: false };
  const commit = (op: MaskOp) => {
    const history = push(get().history, op);
    set({ history, ops: applied(history), revision: get().revision + 1 });
  };
  const move = (history: History) => set({ history, ops: applied(history), revision: get().revision + 1 });
  return {
    target: null,
    history: emptyHistory,
    ops: [],
    pending: null,
    revision: 0,
    tool: 'brush',
    brushSize: 40,
    feather: 0,
    overlayColor: '#ef4444',
    overlayOpacity: 0.5,
    showMask: true,

    setTarget(target) {
      const t = get().target;
      if (t && target && t.key === target.key && t.width === target.width && t.height === target.height) return;
      set({
        target,
        history: emptyHistory,
        ops: [],
        pending: null,
        revision: get().revision + 1,
        ...(target && { brushSize: defaultBrushSize(target), feather: clamp(get().feather, featherRange(target)) }),
      });
    },
    setTool: (tool) => set({ tool }),
    setBrushSize: (px) => set({ brushSize: clamp(px, brushRange(get().target)) }),
    stepBrushSize(direction) {
      const s = get().brushSize;
      const next = direction > 0 ? Math.max(s + 1, s * 1.25) : Math.min(s - 1, s / 1.25);
      get().setBrushSize(next);
    },
    setFeather: (px) => set({ feather: clamp(px, featherRange(get().target)) }),
    setOverlayColor: (overlayColor) => set({ overlayColor }),
    setOverlayOpacity: (o) => set({ overlayOpacity: Math.min(1, Math.max(0, o)) }),
    setShowMask: (showMask) => set({ showMask }),

    beginStroke(x, y) {
      const s = get();
      if (!s.target || s.pending) return false;
      set({ pending: { kind: 'stroke', tool: s.tool, points: [x, y], size: s.brushSize, feather: s.feather } });
      return true;
    },
    extendStroke(xy, minDistance = 0) {
      const p = get().pending;
      if (!p) return;
      const points = appendPoints(p.points, xy, minDistance);
      if (points !== p.points) set({ pending: { ...p, points } });
    },
    endStroke() {
      const p = get().pending;
      if (!p) return;
      set({ pending: null });
      commit({ ...p, points: Float32Array.from(p.points) });
    },
    cancelStroke: () => set({ pending: null }),
    invert() {
      if (get().target && !get().pending) commit({ kind: 'invert' });
    },
    clear() {
      const s = get();
      if (!s.target || s.pending || coverageState(s.ops, s.target) === 'empty') return;
      commit({ kind: 'clear' });
    },
    undo() {
      const s = get();
      if (s.pending || !s.history.done.length) return false;
      move(undo(s.history));
      return true;
    },
    redo() {
      const s = get();
      if (s.pending || !s.history.undone.length) return false;
      move(redo(s.history));
      return true;
    },
    loadCoverage(coverage) {
      const t = get().target;
      if (!t || coverage.width !== t.width || coverage.height !== t.height) {
        throw new Error(`The mask is ${coverage.width}×${coverage.height}; the image is ${t ? `${t.width}×${t.height}` : 'not set'}.`);
      }
      get().cancelStroke();
      commit({ kind: 'bitmap', coverage });
    },
    hasMask() {
      const { ops, target } = get();
      if (!target) return false;
      // Asked on every store change by the toolbar: computed once per ops list.
      if (memo.ops !== ops || memo.target !== target) memo = { ops, target, has: coverageState(ops, target) !== 'empty' };
      return memo.has;
    },
  };
});

export function hasMask(): boolean {
  return maskStore.getState().hasMask();
}

/** The mask to send with an edit (the first image's size), or null when nothing is painted. */
export async function currentMaskPng(): Promise<Blob | null> {
  const { target, ops } = maskStore.getState();
  if (!target || coverageState(ops, target) === 'empty') return null;
  return exportMaskOffThread(liveOps(ops), target.width, target.height);
}
