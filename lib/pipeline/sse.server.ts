import 'server-only';
/**
 * Reading an upstream SSE response (Images or Responses streams), shared by the studio's and the chat's
 * relays: eventsource-parser over `.asResponse()`'s body (linear in record size, unlike the SDK's iterator),
 * image bytes decoded once into a plain Uint8Array view.
 *
 * Two ways a stream can go wrong besides a cut connection, each with an error of its own so a person is told
 * which: a record that is not JSON (SseProtocolError, naming the record), and an upstream that stops sending
 * without closing (SseIdleError after UPSTREAM_IDLE_TIMEOUT_MS of silence; generous by default, since an image
 * model may think for minutes between partial images).
 */
import { createParser } from 'eventsource-parser';
import { errorFor } from '../errors/codes';
import { sniffOutput } from '../images/sniff';
import { envNumber } from './env-number.server';
import type { GenerationError } from '../generation/events';

export interface SseRecord {
  /** The record's `type` (inside the JSON, else the `event:` name). */
  type: string;
  data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- wire JSON, read field by field
  /** The offline API stamps each record with an `: emitted-at <ms>` comment; other services do not. */
  emittedAt?: number;
}

/** Default idle limit: 5 minutes without a byte (a keep-alive comment counts). */
export const DEFAULT_IDLE_MS = 300_000;

export function upstreamIdleMs(): number {
  return envNumber('UPSTREAM_IDLE_TIMEOUT_MS', DEFAULT_IDLE_MS);
}

/** A record whose data is not JSON: the service broke the protocol (not a network problem). */
export class SseProtocolError extends Error {
  constructor(readonly event: string, problem: string) {
    super(`The service sent a malformed stream record${event ? ` '${event.slice(0, 60)}'` : ''}: ${problem}.`);
    this.name = 'SseProtocolError';
  }
}

const notJson = (data: string) => `its data is not a JSON object (starts ${JSON.stringify(data.slice(0, 80))})`;

/** The upstream sent nothing for `idleMs` while its connection stayed open. */
export class SseIdleError extends Error {
  constructor(readonly idleMs: number) {
    super(`The service sent nothing for ${Math.round(idleMs / 1000)} s and did not close the stream, so it was ended (UPSTREAM_IDLE_TIMEOUT_MS).`);
    this.name = 'SseIdleError';
  }
}

export interface ReadOptions {
  /** End the read with SseIdleError after this many ms without a chunk; 0 never. Default UPSTREAM_IDLE_TIMEOUT_MS. */
  idleMs?: number;
}

/**
 * Feed every record of `response` to `onRecord` until the body ends. A cut connection rejects with the
 * transport's error, a malformed record with SseProtocolError, silence past the idle limit with SseIdleError;
 * the body is cancelled on any failure, so the upstream connection is closed.
 */
export async function readSse(response: Response, onRecord: (record: SseRecord) => void, options: ReadOptions = {}): Promise<void> {
  const idleMs = options.idleMs ?? upstreamIdleMs();
  let emittedAt: number | undefined;
  let broken: unknown;
  const parser = createParser({
    onComment(comment) {
      const m = /^\s*emitted-at (\d+)/.exec(comment);
      if (m) emittedAt = Number(m[1]);
    },
    onEvent(message) {
      const stamp = emittedAt;
      emittedAt = undefined;
      if (broken !== undefined || message.data === '[DONE]') return;
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        broken = new SseProtocolError(message.event ?? '', notJson(message.data));
        return;
      }
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        broken = new SseProtocolError(message.event ?? '', notJson(message.data));
        return;
      }
      const record = data as Record<string, unknown>;
      try {
        onRecord({ type: typeof record.type === 'string' ? record.type : (message.event ?? ''), data: record, emittedAt: stamp });
      } catch (e) {
        // Thrown out of the parser's callback: stop at this record and let the read loop rethrow it.
        broken = e;
      }
    },
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let rearm = () => {};
  const idle = new Promise<never>((_, reject) => {
    if (!idleMs) return;
    const arm = () => {
      timer = setTimeout(() => reject(new SseIdleError(idleMs)), idleMs);
    };
    rearm = () => {
      clearTimeout(timer);
      arm();
    };
    arm();
  });
  idle.catch(() => {}); // handled where raced
  try {
    for (;;) {
      const { done, value } = await (idleMs ? Promise.race([reader.read(), idle]) : reader.read());
      if (done) break;
      rearm();
      parser.feed(decoder.decode(value, { stream: true }));
      if (broken !== undefined) throw broken;
    }
  } catch (e) {
    // Close the upstream connection (a no-op when the transport already failed).
    void reader.cancel(e).catch(() => {});
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** What a reader's failure means to a person; null for anything else (a cut connection, an abort). */
export function streamReadError(e: unknown, status: number): GenerationError | null {
  if (e instanceof SseIdleError) return errorFor('upstream_idle_timeout', `${e.message} What arrived before is kept.`, null, status);
  if (e instanceof SseProtocolError) return errorFor('stream_malformed', e.message, null, status);
  return null;
}

/** An error reported inside a 200 stream (`error` record, `response.failed`, or a top-level `error` key). */
export function recordError(record: SseRecord, status: number): GenerationError | null {
  const { type, data } = record;
  if (!data.error && type !== 'error' && type !== 'response.failed') return null;
  const err = data.error ?? data.response?.error ?? data;
  return { status, message: err.message ?? 'The stream reported an error.', type: err.type ?? 'stream_error', param: err.param ?? null, code: err.code ? String(err.code) : null };
}

/**
 * Base64 image → a plain Uint8Array view over the decoded memory (no copy; React sends it as binary). A record
 * without its image is a protocol error naming the record and the field.
 */
export function bytesOf(b64: unknown, record?: { type: string; field: string }): Uint8Array {
  if (typeof b64 !== 'string' || b64 === '') throw new SseProtocolError(record?.type ?? '', `it has no ${record?.field ?? 'image data'}`);
  const buf = Buffer.from(b64, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Type and size from the image's header. */
export function imageFacts(bytes: Uint8Array): { mime: string; width: number; height: number } {
  // The real format from the bytes (api-2026-12 §7.7): PNG, JPEG, WebP, and 2.6's GIF and SVG.
  const info = sniffOutput(bytes);
  return info ? { mime: info.mime, width: info.width ?? 0, height: info.height ?? 0 } : { mime: 'application/octet-stream', width: 0, height: 0 };
}
