/**
 * Following a job from the browser, the same way for the studio's generations and the chat's turns: call the
 * start (a new run, or `resume` after a reload), then feed every streamed event to the screen's fold until the
 * stream closes. What it reports lets each screen end its run the same way: refused (the action said no),
 * lost (the connection broke: the job goes on on the server), or closed (the job is over; `ended` says whether
 * an event ended the run).
 */
import type { GenerationError } from '../generation/events';

type Start<E> = { ok: true; events: ReadableStream<E> } | { ok: false; error: GenerationError };

export interface Followed {
  /** The action answered (before that, the page cannot tell whether the server got the request). */
  answered: boolean;
  refused?: GenerationError;
  /** Why the stream broke off, when it did. */
  lost?: string;
  /** An event ended the run (the fold said so). */
  ended: boolean;
}

/** `fold` returns true for an event that ends the run; it may be async (storing an image) and is awaited in order. */
export async function followJob<E>(start: () => Promise<Start<E>>, fold: (event: E) => boolean | Promise<boolean>): Promise<Followed> {
  let answered = false;
  let ended = false;
  try {
    const res = await start();
    answered = true;
    if (!res.ok) return { answered, refused: res.error, ended };
    const reader = res.events.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (await fold(value)) ended = true;
    }
    return { answered, ended };
  } catch (e) {
    return { answered, ended, lost: e instanceof Error ? e.message : String(e) };
  }
}
