import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEPALIVE, keepaliveInterval, withKeepalive } from './keepalive.server';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** A source the test writes to by hand. */
function source<T>() {
  let ctl!: ReadableStreamDefaultController<T>;
  let cancelled: unknown = 'not cancelled';
  const stream = new ReadableStream<T>({
    start: (c) => void (ctl = c),
    cancel: (reason) => void (cancelled = reason),
  });
  return { stream, push: (v: T) => ctl.enqueue(v), close: () => ctl.close(), cancelled: () => cancelled };
}

/** Collect everything the stream delivers into `got`, in the background. */
function collect<T>(stream: ReadableStream<T>) {
  const got: (T | 'closed')[] = [];
  const reader = stream.getReader();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return void got.push('closed');
      got.push(value);
    }
  })();
  return { got, reader };
}

type Ev = { type: string };

describe('withKeepalive', () => {
  it('sends a keepalive after every interval of silence, and none while events flow', async () => {
    vi.useFakeTimers();
    const src = source<Ev>();
    const { got } = collect(withKeepalive<Ev>(src.stream, KEEPALIVE, 15_000));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(got).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(got).toEqual([KEEPALIVE]);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(got).toEqual([KEEPALIVE, KEEPALIVE]);
    // Events every 10 s: no keepalive in between; the silence is counted from the last event.
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(10_000);
      src.push({ type: 'partial' });
    }
    await vi.advanceTimersByTimeAsync(14_000);
    expect(got.map((e) => (e === 'closed' ? e : e.type))).toEqual(['keepalive', 'keepalive', 'partial', 'partial', 'partial']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(got.at(-1)).toEqual(KEEPALIVE);
  });

  it('closes when the source closes and sends nothing after', async () => {
    vi.useFakeTimers();
    const src = source<Ev>();
    const { got } = collect(withKeepalive<Ev>(src.stream, KEEPALIVE, 1_000));
    src.push({ type: 'completed' });
    src.close();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(got).toEqual([{ type: 'completed' }, 'closed']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes a cancel (the browser left) on to the source and stops its timer', async () => {
    vi.useFakeTimers();
    const src = source<Ev>();
    const { reader } = collect(withKeepalive<Ev>(src.stream, KEEPALIVE, 1_000));
    await reader.cancel('gone');
    expect(src.cancelled()).toBe('gone');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('STREAM_KEEPALIVE_MS=0 turns it off; unset, it is 15 s', () => {
    const src = source<Ev>();
    expect(withKeepalive<Ev>(src.stream, KEEPALIVE, 0)).toBe(src.stream);
    expect(keepaliveInterval()).toBe(15_000);
    vi.stubEnv('STREAM_KEEPALIVE_MS', '0');
    expect(keepaliveInterval()).toBe(0);
    vi.stubEnv('STREAM_KEEPALIVE_MS', '2500');
    expect(keepaliveInterval()).toBe(2500);
  });
});
