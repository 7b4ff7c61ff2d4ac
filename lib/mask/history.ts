/**
 * Undo history as two stacks of ops. Every edit appends one op, so its inverse is popping it: `done` is the
 * undo stack, `undone` the redo stack. Ops older than the limit move into `base`: still drawn, no longer
 * undoable, and dropped entirely once a later clear or loaded mask makes them irrelevant.
 */
import { liveOps, opBytes, type MaskOp } from './ops';

export const HISTORY_LIMIT = 200;

export interface History {
  readonly base: readonly MaskOp[];
  readonly done: readonly MaskOp[];
  readonly undone: readonly MaskOp[];
}

export const emptyHistory: History = { base: [], done: [], undone: [] };

export function push(h: History, op: MaskOp, limit = HISTORY_LIMIT): History {
  let done = [...h.done, op];
  let base = h.base;
  if (done.length > limit) {
    const over = done.length - limit;
    base = liveOps([...base, ...done.slice(0, over)]);
    done = done.slice(over);
  }
  return { base, done, undone: [] };
}

export function undo(h: History): History {
  if (!h.done.length) return h;
  return { base: h.base, done: h.done.slice(0, -1), undone: [...h.undone, h.done[h.done.length - 1]] };
}

export function redo(h: History): History {
  if (!h.undone.length) return h;
  return { base: h.base, done: [...h.done, h.undone[h.undone.length - 1]], undone: h.undone.slice(0, -1) };
}

/** The ops that make the current mask. */
export function applied(h: History): readonly MaskOp[] {
  return h.base.length ? [...h.base, ...h.done] : h.done;
}

/** Bytes held for undo and redo (not the base, which is the mask itself), plus the stacks' own slots. */
export function historyBytes(h: History): number {
  let n = (h.done.length + h.undone.length) * 8;
  for (const op of h.done) n += opBytes(op);
  for (const op of h.undone) n += opBytes(op);
  return n;
}
