import 'server-only';
/**
 * An upload's body, read as it streams in. With a declared length the whole reservation was made (and the
 * per-file limit checked) before the first byte, and the bytes go straight into one buffer of that size; a
 * chunked body without a length grows its reservation chunk by chunk and is refused the moment it passes a
 * limit. Either way the server never holds more than the limits allow.
 */
import { ApiError, invalid } from '../errors/api-error';
import type { Reservation } from './store.server';

/** The Content-Length header as a number, or undefined when absent (chunked) or not a plain number. */
export function declaredLength(headers: Headers): number | undefined {
  const raw = headers.get('content-length');
  return raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
}

export async function readUpload(body: ReadableStream<Uint8Array> | null, declared: number | undefined, reservation: Reservation): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const exact = declared !== undefined ? new Uint8Array(declared) : null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (exact) {
        if (total + value.byteLength > exact.byteLength) throw invalid('file', 'invalid_length', `The body is longer than its Content-Length (${declared} bytes).`);
        exact.set(value, total);
      } else {
        const refused = reservation.grow(value.byteLength);
        if (refused) throw refused;
        chunks.push(value);
      }
      total += value.byteLength;
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    if (e instanceof ApiError) throw e;
    throw invalid('file', 'upload_incomplete', 'The upload was cut off before it was complete. Try again.');
  }
  if (exact) {
    if (total !== declared) throw invalid('file', 'upload_incomplete', `The upload ended after ${total} of ${declared} bytes. Try again.`);
    return exact;
  }
  const joined = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.byteLength;
  }
  return joined;
}
