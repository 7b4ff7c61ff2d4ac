/**
 * Keep a stream to the browser from going quiet. Reverse proxies cut connections idle for 60–100 s, and an
 * image model can think for two minutes between partial images; a tiny `keepalive` event after every
 * STREAM_KEEPALIVE_MS of silence (default 15000; 0 turns it off) keeps bytes moving. React's wire format
 * flushes each enqueued chunk on its own (a `setTimeout(0)` flush per render pass, not a size threshold), so a
 * ~25-byte row reaches the socket at once.
 */
import { envNumber } from './env-number';

/** The event both the studio's and the chat's streams send; their reducers fold it as a no-op. */
export const KEEPALIVE = { type: 'keepalive' } as const;

export function keepaliveInterval(): number {
  return envNumber('STREAM_KEEPALIVE_MS', 15_000);
}

/** `source` with `keepalive` inserted after every `everyMs` without a chunk. Cancelling cancels the source. */
export function withKeepalive<T>(source: ReadableStream<T>, keepalive: T, everyMs = keepaliveInterval()): ReadableStream<T> {
  if (!everyMs) return source;
  const reader = source.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let open = true;
  return new ReadableStream<T>({
    start(out) {
      const send = (chunk: T) => {
        if (open) out.enqueue(chunk);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          send(keepalive);
          arm();
        }, everyMs);
      };
      const stop = () => {
        clearTimeout(timer);
        open = false;
      };
      arm();
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            send(value);
            arm();
          }
          if (open) out.close();
        } catch (e) {
          if (open) out.error(e);
        } finally {
          stop();
        }
      })();
    },
    cancel(reason) {
      clearTimeout(timer);
      open = false;
      return reader.cancel(reason);
    },
  });
}
