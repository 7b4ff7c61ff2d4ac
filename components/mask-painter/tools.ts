/**
 * Painter tools as small state machines (idle → drawing, idle → panning). The stage forwards pointer input to
 * the active tool; tools change the mask store or the view and nothing else.
 */
import { maskStore } from '@/lib/mask/mask-store';
import { markupStore } from '@/lib/markup/markup-store';
import { pan, type Point, type View } from '@/lib/mask/viewport';

export interface ToolInput {
  pointerId: number;
  /** Stage CSS pixels. */
  screen: Point;
  /** Image pixels of every sample since the last event (coalesced pen and mouse moves), the latest last. */
  samples: Point[];
  /** Shift held: boxes and ellipses are drawn square. */
  shift?: boolean;
}

export interface ToolContext {
  view(): View;
  setView(view: View): void;
}

export interface Tool {
  readonly name: string;
  state(): 'idle' | 'active';
  down(e: ToolInput, c: ToolContext): void;
  move(e: ToolInput, c: ToolContext): void;
  up(e: ToolInput, c: ToolContext): void;
  /** The gesture was interrupted (a second finger, the pointer lost): drop it. */
  cancel(c: ToolContext): void;
}

const flat = (pts: Point[]) => pts.flatMap((p) => [p.x, p.y]);

/** Brush and eraser: the store's tool decides which; points closer than a screen pixel are skipped. */
export function createPaintTool(): Tool {
  let drawing: number | null = null;
  const minDistance = (c: ToolContext) => Math.min(0.75 / c.view().scale, Math.max(0.25, maskStore.getState().brushSize / 8));
  return {
    name: 'paint',
    state: () => (drawing === null ? 'idle' : 'active'),
    down(e) {
      const p = e.samples[e.samples.length - 1];
      if (maskStore.getState().beginStroke(p.x, p.y)) drawing = e.pointerId;
    },
    move(e, c) {
      if (drawing === e.pointerId) maskStore.getState().extendStroke(flat(e.samples), minDistance(c));
    },
    up(e, c) {
      if (drawing !== e.pointerId) return;
      maskStore.getState().extendStroke(flat(e.samples), minDistance(c));
      maskStore.getState().endStroke();
      drawing = null;
    },
    cancel() {
      if (drawing !== null) maskStore.getState().cancelStroke();
      drawing = null;
    },
  };
}

/** Space+drag or the middle button: the image follows the pointer. */
export function createPanTool(): Tool {
  let last: { id: number; at: Point } | null = null;
  return {
    name: 'pan',
    state: () => (last ? 'active' : 'idle'),
    down(e) {
      last = { id: e.pointerId, at: e.screen };
    },
    move(e, c) {
      if (!last || last.id !== e.pointerId) return;
      c.setView(pan(c.view(), e.screen.x - last.at.x, e.screen.y - last.at.y));
      last = { id: e.pointerId, at: e.screen };
    },
    up() {
      last = null;
    },
    cancel() {
      last = null;
    },
  };
}

/**
 * Markup: the pen adds points to a stroke that grows in place; arrow, ellipse and rectangle follow a drag;
 * the text tool places a note where clicked (typed in the stage's note editor).
 */
export function createMarkupTool(): Tool {
  let drawing: number | null = null;
  const minDistance = (c: ToolContext) => 0.75 / c.view().scale;
  return {
    name: 'markup',
    state: () => (drawing === null ? 'idle' : 'active'),
    down(e) {
      const p = e.samples[e.samples.length - 1];
      const s = markupStore.getState();
      if (s.tool === 'text') {
        // A click while a note is open keeps that note; the next click places a new one.
        if (s.draft) s.commitText();
        else s.startText(p.x, p.y);
        return;
      }
      if (s.begin(p.x, p.y)) drawing = e.pointerId;
    },
    move(e, c) {
      if (drawing === e.pointerId) markupStore.getState().extend(flat(e.samples), minDistance(c), e.shift);
    },
    up(e, c) {
      if (drawing !== e.pointerId) return;
      markupStore.getState().extend(flat(e.samples), minDistance(c), e.shift);
      markupStore.getState().end();
      drawing = null;
    },
    cancel() {
      if (drawing !== null) markupStore.getState().cancel();
      drawing = null;
    },
  };
}
