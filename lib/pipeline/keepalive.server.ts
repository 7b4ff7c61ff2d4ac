import 'server-only';
/**
 * Keep a stream to the browser from going quiet. Reverse proxies cut connections idle for 60–100 s, and an
 * image model can think for two minutes between partial images; a tiny `keepalive` event after every
 * STREAM_KEEPALIVE_MS of silence (default 15000; 0 turns it off) keeps bytes moving. React's wire format
 * flushes each enqueued chunk on its own (a `setTimeout(0)` flush per render pass, not a size threshold), so a
 * ~25-byte row reaches the socket at once.
 */
import { envNumber } from './env-number.server';

/** The event both the studio's and the chat's streams send; their reducers fold it as a no-op. */
export const KEEPALIVE = { type: 'keepalive' } as const;

export function keepaliveInterval(): number {
  return envNumber('STREAM_KEEPALIVE_MS', 15_000);
}

/**
 * `source` with `keepalive` inserted after every `everyMs` without a chunk. Cancelling cancels the source. It
 * reads the source only as fast as its own reader reads (pull), so events a slow browser has not taken yet wait
 * in the job's stream, where the memory budget counts them (jobs.ts), not here.
 */
export function withKeepalive<T>(source: ReadableStream<T>, keepalive: T, everyMs = keepaliveInterval()): ReadableStream<T> {
  if (!everyMs) return source;
  const reader = source.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let open = true;
  let rearm = () => {};
  const stop = () => {
    clearTimeout(timer);
    open = false;
  };
  return new ReadableStream<T>(
    {
      start(out) {
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            if (!open) return;
            // One keep-alive at a time: a reader that has not taken the last one needs no other.
            if ((out.desiredSize ?? 0) > 0) out.enqueue(keepalive);
            arm();
          }, everyMs);
        };
        rearm = arm;
        arm();
      },
      async pull(out) {
        try {
          const { done, value } = await reader.read();
          if (!open) return;
          if (done) {
            stop();
            out.close();
            return;
          }
          out.enqueue(value);
          rearm();
        } catch (e) {
          if (open) out.error(e);
          stop();
        }
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 1 },
  );
}
