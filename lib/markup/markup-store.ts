/**
 * The painter's Markup mode (gpt-image-2.6): which of Mask or Markup an edit sends, the marks and their undo
 * history, the mark under the pointer, the note being typed, and the PNG an edit sends. No React here.
 */
import { createStore } from 'zustand/vanilla';
import { addMark, clearMarks, emptyMarkHistory, redoMarks, undoMarks, type MarkHistory } from './history';
import { exportMarkupIfAny } from './export';
import { appendInPlace, boxFrom, defaultStrokeWidth, isMeaningful, squareFrom, strokeRange, textSize, type Mark, type MarkTool, type Size } from './shapes';

export type PainterMode = 'mask' | 'markup';

export interface MarkupTarget extends Size {
  /** The image (its object URL): a new key starts new marks. */
  key: string;
}

/** A pen stroke grows in place in `buffer`; `version` tells subscribers it grew. */
export type PendingMark =
  | { kind: 'pen'; buffer: { data: Float32Array; length: number }; color: string; width: number }
  | { kind: 'drag'; mark: Mark; x0: number; y0: number };

export interface TextDraft {
  x: number;
  y: number;
  text: string;
  color: string;
  size: number;
}

export interface MarkupState {
  /** Mask or Markup: the service takes one or the other, so an edit sends only this one. */
  mode: PainterMode;
  target: MarkupTarget | null;
  history: MarkHistory;
  /** Bumped whenever the marks change. */
  revision: number;
  tool: MarkTool;
  color: string;
  /** Image pixels. */
  strokeWidth: number;
  pending: PendingMark | null;
  /** Bumped when a pen stroke grows (its buffer changes in place). */
  pendingVersion: number;
  draft: TextDraft | null;

  setMode(mode: PainterMode): void;
  setTarget(target: MarkupTarget | null): void;
  setTool(tool: MarkTool): void;
  setColor(color: string): void;
  setStrokeWidth(px: number): void;
  /** Starts a pen stroke or a drag shape with the current tool; false for the text tool, without a target or mid-mark. */
  begin(x: number, y: number): boolean;
  /** Pen: adds flat x,y points (closer than minDistance skipped). Shapes: the drag's latest point; square with Shift. */
  extend(xy: readonly number[], minDistance?: number, square?: boolean): void;
  end(): void;
  cancel(): void;
  /** Text tool: a note starts where clicked (a note being typed is kept first). */
  startText(x: number, y: number): void;
  setDraftText(text: string): void;
  /** Keeps the note unless it is empty. */
  commitText(): void;
  cancelText(): void;
  undo(): boolean;
  redo(): boolean;
  clear(): void;
}

const clamp = (v: number, r: { min: number; max: number }) => Math.min(r.max, Math.max(r.min, Math.round(v)));

export const markupStore = createStore<MarkupState>()((set, get) => {
  const step = (history: MarkHistory) => {
    if (history !== get().history) set({ history, revision: get().revision + 1 });
  };
  const keep = (mark: Mark) => {
    if (isMeaningful(mark)) step(addMark(get().history, mark));
  };
  return {
    mode: 'mask',
    target: null,
    history: emptyMarkHistory,
    revision: 0,
    tool: 'ellipse',
    color: '#ef4444',
    strokeWidth: 4,
    pending: null,
    pendingVersion: 0,
    draft: null,

    setMode: (mode) => {
      if (mode !== 'markup') get().cancel();
      set({ mode });
    },
    setTarget(target) {
      const t = get().target;
      if (t && target && t.key === target.key && t.width === target.width && t.height === target.height) return;
      set({
        target,
        history: emptyMarkHistory,
        pending: null,
        draft: null,
        revision: get().revision + 1,
        ...(target && { strokeWidth: defaultStrokeWidth(target) }),
      });
    },
    setTool(tool) {
      if (get().draft) get().commitText();
      set({ tool });
    },
    setColor: (color) => set({ color }),
    setStrokeWidth: (px) => set({ strokeWidth: clamp(px, strokeRange(get().target)) }),

    begin(x, y) {
      const s = get();
      if (!s.target || s.pending || s.tool === 'text') return false;
      if (s.draft) s.commitText();
      const style = { color: s.color, width: s.strokeWidth };
      if (s.tool === 'pen') {
        const buffer = { data: new Float32Array(256), length: 0 };
        appendInPlace(buffer, [x, y], 0);
        set({ pending: { kind: 'pen', buffer, ...style }, pendingVersion: s.pendingVersion + 1 });
      } else {
        const mark: Mark = s.tool === 'arrow' ? { kind: 'arrow', x0: x, y0: y, x1: x, y1: y, ...style } : { kind: s.tool, x, y, w: 0, h: 0, ...style };
        set({ pending: { kind: 'drag', mark, x0: x, y0: y }, pendingVersion: s.pendingVersion + 1 });
      }
      return true;
    },
    extend(xy, minDistance = 0, square = false) {
      const p = get().pending;
      if (!p || xy.length < 2) return;
      if (p.kind === 'pen') {
        const before = p.buffer.length;
        if (appendInPlace(p.buffer, xy, minDistance) !== before) set({ pendingVersion: get().pendingVersion + 1 });
        return;
      }
      const x = xy[xy.length - 2];
      const y = xy[xy.length - 1];
      const m = p.mark;
      const mark: Mark = m.kind === 'arrow' ? { ...m, x1: x, y1: y } : m.kind === 'ellipse' || m.kind === 'rect' ? { ...m, ...(square ? squareFrom : boxFrom)(p.x0, p.y0, x, y) } : m;
      set({ pending: { ...p, mark }, pendingVersion: get().pendingVersion + 1 });
    },
    end() {
      const p = get().pending;
      if (!p) return;
      set({ pending: null, pendingVersion: get().pendingVersion + 1 });
      // The stroke's points are copied once, trimmed, when it is kept.
      keep(p.kind === 'pen' ? { kind: 'pen', points: p.buffer.data.slice(0, p.buffer.length), color: p.color, width: p.width } : p.mark);
    },
    cancel() {
      if (get().pending) set({ pending: null, pendingVersion: get().pendingVersion + 1 });
    },
    startText(x, y) {
      const s = get();
      if (!s.target || s.pending) return;
      if (s.draft) s.commitText();
      set({ draft: { x, y, text: '', color: s.color, size: textSize(s.strokeWidth) } });
    },
    setDraftText(text) {
      const d = get().draft;
      if (d) set({ draft: { ...d, text } });
    },
    commitText() {
      const d = get().draft;
      if (!d) return;
      set({ draft: null });
      keep({ kind: 'text', x: d.x, y: d.y, text: d.text.replace(/\s+$/, ''), size: d.size, color: d.color, width: Math.max(1, Math.round(d.size / 6)) });
    },
    cancelText: () => set({ draft: null }),
    undo() {
      const s = get();
      if (s.pending || s.draft || !s.history.past.length) return false;
      step(undoMarks(s.history));
      return true;
    },
    redo() {
      const s = get();
      if (s.pending || s.draft || !s.history.future.length) return false;
      step(redoMarks(s.history));
      return true;
    },
    clear() {
      const s = get();
      if (s.pending) return;
      if (s.draft) s.cancelText();
      step(clearMarks(s.history));
    },
  };
});

/** Whether an edit sends markup instead of a mask: Markup chosen, and the model takes it. */
export function markupChosen(modelTakesMarkup: boolean): boolean {
  return modelTakesMarkup && markupStore.getState().mode === 'markup';
}

/** The markup to send with an edit (the first image's size), or null without marks. */
export async function currentMarkupPng(): Promise<Blob | null> {
  const s = markupStore.getState();
  // A note still being typed counts: Generate takes what is on the screen.
  if (s.draft) s.commitText();
  const { target, history } = markupStore.getState();
  if (!target) return null;
  return exportMarkupIfAny(history.marks, target.width, target.height);
}
