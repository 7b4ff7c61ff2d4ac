import { describe, expect, it } from 'vitest';
import { costDifference, estimateCost } from './estimate';

describe('a streamed n > 1 run', () => {
  const base = { model: 'gpt-image-2' as const, size: '1024x1024', quality: 'medium' as const, n: 3, partialImages: 2, prompt: 'A lighthouse on a cliff at dusk, teal and orange, in the style of a linocut print' };
  it('bills the prompt once per stream: n requests, n times the text input', () => {
    const once = estimateCost({ ...base, streamed: false });
    const streamed = estimateCost({ ...base, streamed: true });
    expect(streamed.breakdown.textIn.tokens!.low).toBe(3 * once.breakdown.textIn.tokens!.low);
    expect(streamed.breakdown.imageOut.tokens).toEqual(once.breakdown.imageOut.tokens);
    expect(streamed.low).toBeGreaterThan(once.low);
  });
  it('a difference that rounds to 0.0 % is shown as no difference', () => {
    const d = costDifference({ low: 0.1, high: 0.1 }, 0.10001);
    expect(d).toMatchObject({ dollars: 0, within: true, summary: 'matches the estimate' });
  });
});
