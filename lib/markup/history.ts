/**
 * Undo history for the marks as snapshots of the mark list (marks are immutable and shared between
 * snapshots, so a step costs one array of references). Capped at HISTORY_LIMIT steps back.
 */
import type { Mark } from './shapes';

export const HISTORY_LIMIT = 200;

export interface MarkHistory {
  readonly marks: readonly Mark[];
  readonly past: readonly (readonly Mark[])[];
  readonly future: readonly (readonly Mark[])[];
}

export const emptyMarkHistory: MarkHistory = { marks: [], past: [], future: [] };

/** A new state of the marks; the redo stack is dropped. */
export function commit(h: MarkHistory, marks: readonly Mark[], limit = HISTORY_LIMIT): MarkHistory {
  const past = [...h.past, h.marks];
  return { marks, past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

export const addMark = (h: MarkHistory, mark: Mark) => commit(h, [...h.marks, mark]);

/** Clear is a step like any other (undoable); clearing nothing is no step. */
export const clearMarks = (h: MarkHistory) => (h.marks.length ? commit(h, []) : h);

export function undoMarks(h: MarkHistory): MarkHistory {
  if (!h.past.length) return h;
  return { marks: h.past[h.past.length - 1], past: h.past.slice(0, -1), future: [...h.future, h.marks] };
}

export function redoMarks(h: MarkHistory): MarkHistory {
  if (!h.future.length) return h;
  return { marks: h.future[h.future.length - 1], past: [...h.past, h.marks], future: h.future.slice(0, -1) };
}
