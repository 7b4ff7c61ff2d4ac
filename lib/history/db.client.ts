'use client';
/**
 * History in IndexedDB: metadata with a small thumbnail in one store, the full image blobs in another, so
 * the gallery lists hundreds of entries without reading a single full image.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ImagesUsage, SvgUsage } from '../cost/usage';
import type { Echoed, GenerationError } from '../generation/events';
import type { ImageEndpoint } from '../models/validate';
import type { ProviderKind } from '../providers/config';

export interface HistoryMeta {
  id: string;
  createdAt: number;
  prompt: string;
  provider: ProviderKind;
  /** Which Images API endpoint made it (absent in entries from before edits existed: generate). */
  endpoint?: ImageEndpoint;
  model: string;
  /** The request fields as sent (no key is ever part of them). */
  fields: Record<string, unknown>;
  echoed?: Echoed;
  usage?: ImagesUsage | null;
  revisedPrompt?: string;
  latencyMs?: number;
  /** done; or cancelled / failed with the last partial image kept. */
  status: 'done' | 'cancelled' | 'failed';
  error?: GenerationError;
  width: number;
  height: number;
  mime: string;
  /** Size of the full image in bytes. */
  bytes: number;
  thumb: Blob;
  /** An animated GIF: its frames and delays as read from the file (the request's frame_count/duration are in fields). */
  frames?: { count: number; durationMs: number; delaysMs: number[] };
  /** An SVG: the sanitized file's facts (the stored blob is the sanitized document). */
  svg?: { bytes: number; nodes: number; removed: number; originalBytes: number };
  /** An SVG: the authoring model's usage, when the answer carried it. */
  svgUsage?: SvgUsage | null;
}

interface Schema extends DBSchema {
  meta: { key: string; value: HistoryMeta; indexes: { createdAt: number } };
  images: { key: string; value: Blob };
}

let dbPromise: Promise<IDBPDatabase<Schema>> | null = null;

function db(): Promise<IDBPDatabase<Schema>> {
  dbPromise ??= openDB<Schema>('image-playground', 1, {
    upgrade(d) {
      d.createObjectStore('meta', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      d.createObjectStore('images');
    },
  });
  return dbPromise;
}

export async function saveEntry(meta: HistoryMeta, image: Blob): Promise<void> {
  const tx = (await db()).transaction(['meta', 'images'], 'readwrite');
  await Promise.all([tx.objectStore('meta').put(meta), tx.objectStore('images').put(image, meta.id), tx.done]);
}

/** Newest first. */
export async function listEntries(): Promise<HistoryMeta[]> {
  const all = await (await db()).getAllFromIndex('meta', 'createdAt');
  return all.reverse();
}

export async function loadImage(id: string): Promise<Blob | undefined> {
  return (await db()).get('images', id);
}

export async function deleteEntry(id: string): Promise<void> {
  const tx = (await db()).transaction(['meta', 'images'], 'readwrite');
  await Promise.all([tx.objectStore('meta').delete(id), tx.objectStore('images').delete(id), tx.done]);
}

export async function clearEntries(): Promise<void> {
  const tx = (await db()).transaction(['meta', 'images'], 'readwrite');
  await Promise.all([tx.objectStore('meta').clear(), tx.objectStore('images').clear(), tx.done]);
}
