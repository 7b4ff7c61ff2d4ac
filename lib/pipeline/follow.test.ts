import { describe, expect, it } from 'vitest';
import { followJob } from './follow';

const streamOf = <E>(events: E[], fail?: Error) =>
  new ReadableStream<E>({
    start(out) {
      for (const e of events) out.enqueue(e);
      if (fail) out.error(fail);
      else out.close();
    },
  });

describe('followJob: the one way the browser follows a generation or a chat turn', () => {
  it('folds every event in order, awaiting each, and says whether one ended the run', async () => {
    const seen: number[] = [];
    const r = await followJob(async () => ({ ok: true, events: streamOf([1, 2, 3]) }), async (n) => {
      await new Promise((res) => setTimeout(res, 3 - n));
      seen.push(n);
      return n === 3;
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(r).toEqual({ answered: true, ended: true });
  });
  it('reports a stream that closed without an ending event', async () => {
    expect(await followJob(async () => ({ ok: true, events: streamOf(['a']) }), () => false)).toEqual({ answered: true, ended: false });
  });
  it('reports a refusal as it came', async () => {
    const error = { status: 429, message: 'later', type: 'rate_limit_error', param: null, code: 'rate_limited' };
    expect(await followJob(async () => ({ ok: false, error }), () => false)).toEqual({ answered: true, refused: error, ended: false });
  });
  it('reports a broken connection, before or after the action answered', async () => {
    expect(await followJob(async () => Promise.reject(new Error('offline')), () => false)).toEqual({ answered: false, ended: false, lost: 'offline' });
    const seen: string[] = [];
    const r = await followJob(async () => ({ ok: true, events: streamOf(['partial'], new Error('reset')) }), (e) => (seen.push(e), false));
    expect(r).toEqual({ answered: true, ended: false, lost: 'reset' });
  });
});
