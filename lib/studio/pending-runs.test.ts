import { describe, expect, it } from 'vitest';
import { addPending, pendingRuns, removePending, type PendingRun } from './pending-runs';

function memoryStorage(initial?: string) {
  const map = new Map<string, string>(initial === undefined ? [] : [['image-playground.pending-runs', initial]]);
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

const run = (id: string, jobId = `job-${id}`): PendingRun => ({
  id, jobId, provider: 'offline', endpoint: 'generate', fields: { model: 'gpt-image-2', prompt: 'a fox', stream: true, partial_images: 2 }, prompt: 'a fox', startedAt: 1, streaming: true,
});

describe('pending runs', () => {
  it('keeps each started run once, with what rebuilds its tile, until it is removed', () => {
    const s = memoryStorage();
    addPending(run('a'), s);
    addPending(run('b'), s);
    addPending(run('a', 'job-a2'), s);
    expect(pendingRuns(s).map((r) => [r.id, r.jobId])).toEqual([['b', 'job-b'], ['a', 'job-a2']]);
    expect(pendingRuns(s)[0]).toEqual(run('b'));
    removePending('b', s);
    removePending('nope', s);
    expect(pendingRuns(s).map((r) => r.id)).toEqual(['a']);
  });

  it('reads damaged or foreign storage as nothing pending', () => {
    expect(pendingRuns(memoryStorage('{not json'))).toEqual([]);
    expect(pendingRuns(memoryStorage('{"a":1}'))).toEqual([]);
    expect(pendingRuns(memoryStorage('[null, {"id": 3}, {"id": "x", "jobId": "j"}]')).map((r) => r.id)).toEqual(['x']);
    expect(pendingRuns(undefined)).toEqual([]);
  });

  it('a full storage does not break the run', () => {
    const full = { getItem: () => null, setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    expect(() => addPending(run('a'), full)).not.toThrow();
  });
});
