'use client';
/**
 * Starting a studio generation or a chat turn from the browser, the same way for both: the images go to the
 * upload route in parallel, then the action is called with their ids. Until the action answers, Cancel stops
 * the uploads (the action is then never called), or, once it was called, the job is cancelled again when the
 * action answers, because that Cancel may have reached the server before the job existed.
 */
import type { GenerationError } from '../generation/events';
import { actionBodyTooLarge } from './action-body';
import { uploadAll, type UploadItem } from './client';

interface Starting {
  stop: AbortController;
  called: boolean;
}

/** Keyed by run or turn id: what has not been answered by its action yet. */
const starting = new Map<string, Starting>();

type Refused = { ok: false; error: GenerationError };

export async function startWithUploads<R extends { ok: boolean }>(key: string, o: {
  /** The action's input without the ids, to check against the action body limit before anything is sent. */
  input: unknown;
  /** The field a person would shorten if it is too large. */
  textField: string;
  files: UploadItem[];
  call(ids: string[]): Promise<R>;
  /** What a start stopped before its action was called folds into. */
  cancelled(): R;
  cancelJob(): Promise<unknown>;
}): Promise<R | Refused> {
  const start: Starting = { stop: new AbortController(), called: false };
  starting.set(key, start);
  try {
    const tooLarge = actionBodyTooLarge(o.input, o.textField);
    if (tooLarge) return { ok: false, error: tooLarge };
    const sent = await uploadAll(o.files, start.stop.signal);
    if (start.stop.signal.aborted) return o.cancelled();
    if (!sent.ok) return { ok: false, error: sent.error };
    start.called = true;
    const result = await o.call(sent.ids);
    if (result.ok && start.stop.signal.aborted) void o.cancelJob();
    return result;
  } finally {
    starting.delete(key);
  }
}

/** Cancel pressed: stops the uploads of a start still on its way; true when a job may exist to cancel on the server. */
export function stopStart(key: string): boolean {
  const start = starting.get(key);
  start?.stop.abort();
  return !start || start.called;
}
