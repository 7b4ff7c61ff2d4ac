/**
 * The browser's start of a generation or chat turn against Cancel, at each moment Cancel can be pressed: while
 * the images upload, in the gap between the uploads' answers and the action call, while the action is on its
 * way (its job may already exist on the server), and after it answered. fetch is replaced by uploads whose
 * answers the test releases one by one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerationError } from '../generation/events';
import { startWithUploads, stopStart } from './start.client';

interface PendingUpload {
  name: string;
  signal: AbortSignal;
  answer(id: string): void;
  refuse(status: number, message: string): void;
}

let uploads: PendingUpload[];

beforeEach(() => {
  uploads = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    expect(url).toBe('/api/uploads');
    const signal = init.signal!;
    return new Promise<Response>((resolve, reject) => {
      // As a browser's fetch does: an abort rejects with an AbortError, whenever it comes.
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort);
      uploads.push({
        name: decodeURIComponent((init.headers as Record<string, string>)['x-filename']),
        signal,
        answer: (id) => resolve(Response.json({ id })),
        refuse: (status, message) => resolve(Response.json({ error: { message, type: 'invalid_request_error', code: 'invalid_image' } }, { status })),
      });
    });
  });
});

afterEach(() => vi.unstubAllGlobals());

/** Let every promise continuation that can run, run (fetch answers, Response.json(), Promise.all). */
const settle = () => new Promise((r) => setTimeout(r, 0));

type Result = { ok: true; jobId: string } | { ok: false; error: GenerationError } | { ok: false; cancelled: true };

/** A start of `files` whose action the test answers by hand; records what was called. */
function begin(key: string, files: string[], input: unknown = { prompt: 'a fox' }) {
  const log: string[] = [];
  let answerAction: (r: Result) => void = () => {
    throw new Error('the action was not called');
  };
  const result = startWithUploads<Result>(key, {
    input,
    textField: 'prompt',
    files: files.map((name, i) => ({ blob: new Blob([name], { type: 'image/png' }), name, field: `image[${i}]` })),
    call: (ids) => {
      log.push(`action ${ids.join(',')}`);
      return new Promise<Result>((r) => (answerAction = r));
    },
    cancelled: () => {
      log.push('cancelled');
      return { ok: false, cancelled: true };
    },
    cancelJob: async () => void log.push('cancelJob'),
  });
  return { result, log, answerAction: (r: Result) => answerAction(r) };
}

describe('no Cancel', () => {
  it('uploads every image at once, then calls the action once with the ids in the files’ order', async () => {
    const s = begin('run-1', ['a.png', 'b.png', 'c.png']);
    await settle();
    expect(uploads.map((u) => u.name)).toEqual(['a.png', 'b.png', 'c.png']);
    // Answers in another order than sent: the ids still follow the files.
    uploads[2].answer('up-c');
    uploads[0].answer('up-a');
    await settle();
    expect(s.log).toEqual([]);
    uploads[1].answer('up-b');
    await settle();
    expect(s.log).toEqual(['action up-a,up-b,up-c']);
    s.answerAction({ ok: true, jobId: 'j1' });
    expect(await s.result).toEqual({ ok: true, jobId: 'j1' });
    expect(s.log).toEqual(['action up-a,up-b,up-c']);
  });

  it('a refused upload stops the others and the action is never called', async () => {
    const s = begin('run-1', ['a.png', 'b.png']);
    await settle();
    uploads[0].refuse(400, 'not an image');
    const result = await s.result;
    expect(result).toMatchObject({ ok: false, error: { status: 400, param: 'image[0]' } });
    expect(uploads[1].signal.aborted).toBe(true);
    expect(s.log).toEqual([]);
  });

  it('input over the action body limit is refused before any upload', async () => {
    const s = begin('run-1', ['a.png'], { prompt: 'x'.repeat(2 * 1024 * 1024) });
    expect(await s.result).toMatchObject({ ok: false, error: { status: 413, param: 'prompt', code: 'request_too_large' } });
    expect(uploads).toEqual([]);
    expect(s.log).toEqual([]);
  });
});

describe('Cancel while the images upload', () => {
  it('aborts every upload, never calls the action, and says no job can exist on the server', async () => {
    const s = begin('run-1', ['a.png', 'b.png']);
    await settle();
    uploads[0].answer('up-a');
    await settle();
    expect(stopStart('run-1')).toBe(false);
    expect(uploads.map((u) => u.signal.aborted)).toEqual([true, true]);
    expect(await s.result).toEqual({ ok: false, cancelled: true });
    expect(s.log).toEqual(['cancelled']);
  });

  it('pressed after the last upload answered but before the start went on: still no action call', async () => {
    const s = begin('run-1', ['a.png']);
    await settle();
    uploads[0].answer('up-a');
    // The answer is in, its continuation not yet run: Cancel lands in that gap.
    expect(stopStart('run-1')).toBe(false);
    expect(await s.result).toEqual({ ok: false, cancelled: true });
    expect(s.log).toEqual(['cancelled']);
  });

  it('with no images, Cancel before the action is called (same tick) stops it too', async () => {
    const s = begin('run-1', []);
    expect(stopStart('run-1')).toBe(false);
    expect(await s.result).toEqual({ ok: false, cancelled: true });
    expect(s.log).toEqual(['cancelled']);
  });
});

describe('Cancel once the action was called', () => {
  it('says a job may exist (cancel it now), and cancels it again when the action answers, since the first Cancel may have come before the job', async () => {
    const s = begin('run-1', ['a.png']);
    await settle();
    uploads[0].answer('up-a');
    await settle();
    expect(s.log).toEqual(['action up-a']);
    expect(stopStart('run-1')).toBe(true);
    s.answerAction({ ok: true, jobId: 'j1' });
    expect(await s.result).toEqual({ ok: true, jobId: 'j1' });
    expect(s.log).toEqual(['action up-a', 'cancelJob']);
  });

  it('an action that refused the start has no job: nothing more to cancel', async () => {
    const s = begin('run-1', []);
    await settle();
    expect(stopStart('run-1')).toBe(true);
    const refused: Result = { ok: false, error: { status: 429, message: 'slow down', type: 'rate_limit', param: null, code: 'rate_limited' } };
    s.answerAction(refused);
    expect(await s.result).toBe(refused);
    expect(s.log).toEqual(['action ']);
  });

  it('after the start answered, Cancel is the server’s job alone: the start is forgotten, no second cancel from here', async () => {
    const s = begin('run-1', []);
    await settle();
    s.answerAction({ ok: true, jobId: 'j1' });
    await s.result;
    expect(stopStart('run-1')).toBe(true);
    await settle();
    expect(s.log).toEqual(['action ']);
  });
});

it('starts under different keys are cancelled apart', async () => {
  const one = begin('run-1', ['a.png']);
  const two = begin('run-2', ['b.png']);
  await settle();
  expect(stopStart('run-1')).toBe(false);
  expect(uploads.map((u) => [u.name, u.signal.aborted])).toEqual([['a.png', true], ['b.png', false]]);
  uploads[1].answer('up-b');
  await settle();
  two.answerAction({ ok: true, jobId: 'j2' });
  expect(await one.result).toEqual({ ok: false, cancelled: true });
  expect(await two.result).toEqual({ ok: true, jobId: 'j2' });
  expect(two.log).toEqual(['action up-b']);
});
