import 'server-only';
/**
 * In-memory state of the offline Responses and Files APIs: stored responses (for `previous_response_id` and
 * GET /responses/{id}), the images of their `image_generation_call` items (for `{type:"image_generation_call",
 * id}` input items), and uploaded files. One store per server process (kept across hot reloads in dev),
 * bounded in bytes and in time; the oldest entries go first.
 */
import { randomBytes } from 'node:crypto';

const HOUR = 60 * 60 * 1000;
export const RESPONSE_TTL_MS = HOUR;
export const FILE_TTL_MS = HOUR;
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface StoredImage {
  bytes: Buffer;
  /** The image call's id (`ig_…`). */
  id: string;
}

export interface StoredResponse {
  /** The Response object as answered, with its images in `result`. */
  body: Record<string, unknown>;
  /** The last image of the turn (the one a following turn edits), if any. */
  image?: StoredImage;
  /** The conversation's prompts so far, oldest first. */
  prompts: string[];
  /** This turn's input items as GET /responses/{id}/input_items lists them. */
  input?: Record<string, unknown>[];
}

export interface FileMeta {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: 'processed';
  expires_at: number | null;
}

interface Entry<T> {
  value: T;
  size: number;
  expires: number;
}

export class BoundedStore<T> {
  private readonly items = new Map<string, Entry<T>>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  put(id: string, value: T, size: number, expires: number, now = Date.now()): void {
    this.delete(id);
    this.items.set(id, { value, size, expires });
    this.bytes += size;
    this.prune(now);
  }

  get(id: string, now = Date.now()): T | undefined {
    const e = this.items.get(id);
    if (!e) return undefined;
    if (e.expires <= now) {
      this.delete(id);
      return undefined;
    }
    return e.value;
  }

  private delete(id: string): void {
    const e = this.items.get(id);
    if (!e) return;
    this.items.delete(id);
    this.bytes -= e.size;
  }

  /** Drop the expired and, while over budget, the oldest (Map order is insertion order). */
  private prune(now: number): void {
    for (const [id, e] of this.items) if (e.expires <= now) this.delete(id);
    for (const [id] of this.items) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(id);
    }
  }
}

interface State {
  responses: BoundedStore<StoredResponse>;
  images: BoundedStore<StoredImage>;
  files: BoundedStore<{ meta: FileMeta; bytes: Buffer }>;
}

const g = globalThis as unknown as { __offlineResponses?: State };
const state = (g.__offlineResponses ??= {
  responses: new BoundedStore(MAX_RESPONSE_BYTES),
  images: new BoundedStore(MAX_RESPONSE_BYTES),
  files: new BoundedStore(MAX_FILE_BYTES),
});

export function newId(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString('hex')}`;
}

export function putResponse(id: string, r: StoredResponse, now = Date.now()): void {
  const size = JSON.stringify(r.body).length + JSON.stringify(r.input ?? []).length + (r.image?.bytes.length ?? 0);
  state.responses.put(id, r, size, now + RESPONSE_TTL_MS, now);
  if (r.image) state.images.put(r.image.id, r.image, r.image.bytes.length, now + RESPONSE_TTL_MS, now);
}

export function getResponse(id: string, now = Date.now()): StoredResponse | undefined {
  return state.responses.get(id, now);
}

export function getImageCall(id: string, now = Date.now()): StoredImage | undefined {
  return state.images.get(id, now);
}

export function putFile(meta: FileMeta, bytes: Buffer, now = Date.now()): void {
  const expires = meta.expires_at ? meta.expires_at * 1000 : now + FILE_TTL_MS;
  state.files.put(meta.id, { meta, bytes }, bytes.length, Math.min(expires, now + FILE_TTL_MS), now);
}

export function getFile(id: string, now = Date.now()): { meta: FileMeta; bytes: Buffer } | undefined {
  return state.files.get(id, now);
}
