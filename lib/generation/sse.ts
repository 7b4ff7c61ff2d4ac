import 'server-only';
/**
 * Reading an upstream SSE response (Images or Responses streams), shared by the studio's and the chat's
 * relays: eventsource-parser over `.asResponse()`'s body (linear in record size, unlike the SDK's iterator),
 * image bytes decoded once into a plain Uint8Array view.
 */
import { createParser } from 'eventsource-parser';
import { sniffImage } from '../images/sniff';
import type { GenerationError } from './events';

export interface SseRecord {
  /** The record's `type` (inside the JSON, else the `event:` name). */
  type: string;
  data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- wire JSON, read field by field
  /** The offline API stamps each record with an `: emitted-at <ms>` comment; other services do not. */
  emittedAt?: number;
}

/** Feed every record of `response` to `onRecord` until the body ends; a cut connection rejects. */
export async function readSse(response: Response, onRecord: (record: SseRecord) => void): Promise<void> {
  let emittedAt: number | undefined;
  const parser = createParser({
    onComment(comment) {
      const m = /^\s*emitted-at (\d+)/.exec(comment);
      if (m) emittedAt = Number(m[1]);
    },
    onEvent(message) {
      const stamp = emittedAt;
      emittedAt = undefined;
      if (message.data === '[DONE]') return;
      const data = JSON.parse(message.data);
      onRecord({ type: data.type ?? message.event ?? '', data, emittedAt: stamp });
    },
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}

/** An error reported inside a 200 stream (`error` record, `response.failed`, or a top-level `error` key). */
export function recordError(record: SseRecord, status: number): GenerationError | null {
  const { type, data } = record;
  if (!data.error && type !== 'error' && type !== 'response.failed') return null;
  const err = data.error ?? data.response?.error ?? data;
  return { status, message: err.message ?? 'The stream reported an error.', type: err.type ?? 'stream_error', param: err.param ?? null, code: err.code ? String(err.code) : null };
}

/** Base64 image → a plain Uint8Array view over the decoded memory (no copy; React sends it as binary). */
export function bytesOf(b64: string): Uint8Array {
  const buf = Buffer.from(b64, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Type and size from the image's header. */
export function imageFacts(bytes: Uint8Array): { mime: string; width: number; height: number } {
  const info = sniffImage(bytes);
  return info ? { mime: `image/${info.type}`, width: info.width, height: info.height } : { mime: 'application/octet-stream', width: 0, height: 0 };
}
