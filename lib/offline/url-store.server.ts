import 'server-only';
/**
 * dall-e's `response_format: url`: images kept in memory for 60 minutes (as the real URLs last) and served by
 * GET /api/offline/images/{id}. Bounded in bytes; the oldest go first.
 */
import { randomBytes } from 'node:crypto';
import type { OutputFormat } from '../models/types';

const TTL_MS = 60 * 60 * 1000;
const MAX_BYTES = 256 * 1024 * 1024;

interface Stored {
  bytes: Buffer;
  format: OutputFormat;
  expires: number;
}

// One store per server process, kept across hot reloads in dev.
const g = globalThis as unknown as { __offlineImageUrls?: { items: Map<string, Stored>; bytes: number } };
const state = (g.__offlineImageUrls ??= { items: new Map(), bytes: 0 });
const store = state.items;

function prune(now: number): void {
  for (const [id, item] of store) {
    if (item.expires > now && state.bytes <= MAX_BYTES) break;
    store.delete(id);
    state.bytes -= item.bytes.length;
  }
}

export function putImage(bytes: Buffer, format: OutputFormat, now = Date.now()): string {
  const id = randomBytes(16).toString('hex');
  store.set(id, { bytes, format, expires: now + TTL_MS });
  state.bytes += bytes.length;
  prune(now);
  return id;
}

export function getImage(id: string, now = Date.now()): Stored | undefined {
  if (!/^[0-9a-f]{32}$/.test(id)) return undefined;
  const item = store.get(id);
  return item && item.expires > now ? item : undefined;
}
