import { describe, expect, it } from 'vitest';
import { estimatedProgress, FIRST_GUESS_MS, OFFLINE_DEFAULT_MS, typicalDurationMs } from './typical-duration';

const run = (latencyMs: number, over: Partial<{ provider: string; model: string; quality: string }> = {}) => ({ provider: 'openai', model: 'gpt-image-2', quality: 'high', latencyMs, ...over });

describe('typicalDurationMs', () => {
  it('takes the median of the last runs of the same provider, model and quality', () => {
    const past = [run(10_000), run(30_000), run(20_000), run(99_000, { quality: 'low' }), run(1, { model: 'gpt-image-2.5-flare' })];
    expect(typicalDurationMs({ provider: 'openai', model: 'gpt-image-2', quality: 'high' }, past)).toBe(20_000);
  });
  it('uses only the newest eight runs, so a change of service speed shows', () => {
    const past = [...Array(8).fill(run(5_000)), ...Array(20).fill(run(60_000))];
    expect(typicalDurationMs({ provider: 'openai', model: 'gpt-image-2', quality: 'high' }, past)).toBe(5_000);
  });
  it('falls back to a first guess by quality with no runs', () => {
    expect(typicalDurationMs({ provider: 'openai', model: 'gpt-image-2', quality: 'low' }, [])).toBe(FIRST_GUESS_MS.low);
  });
  it('on the offline API takes the simulated latency as told, else its default', () => {
    expect(typicalDurationMs({ provider: 'offline', model: 'gpt-image-2', quality: 'high', offlineLatencyMs: 4000 }, [run(9, { provider: 'offline' })])).toBe(4000);
    expect(typicalDurationMs({ provider: 'offline', model: 'x', offlineLatencyMs: null }, [])).toBe(OFFLINE_DEFAULT_MS);
  });
});

describe('estimatedProgress', () => {
  it('grows with time and never claims done', () => {
    expect(estimatedProgress(500, 1000)).toBe(0.5);
    expect(estimatedProgress(5000, 1000)).toBe(0.95);
  });
});
