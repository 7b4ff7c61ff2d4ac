'use client';
/**
 * The chat's images in IndexedDB, in a database of their own (the studio's history schema stays untouched):
 * every turn's attachments, mask, last partial and final image, keyed `<turnId>/<slot>`; and the one-shot
 * handoff of images from the studio to the chat composer ("Continue in chat").
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface HandoffImage {
  blob: Blob;
  name: string;
}

interface Schema extends DBSchema {
  images: { key: string; value: Blob };
  handoff: { key: string; value: HandoffImage[] };
}

let dbPromise: Promise<IDBPDatabase<Schema>> | null = null;

function db(): Promise<IDBPDatabase<Schema>> {
  dbPromise ??= openDB<Schema>('image-playground-chat', 1, {
    upgrade(d) {
      d.createObjectStore('images');
      d.createObjectStore('handoff');
    },
  });
  return dbPromise;
}

export const imageKey = (turnId: string, slot: string) => `${turnId}/${slot}`;

export async function saveImage(key: string, blob: Blob): Promise<void> {
  await (await db()).put('images', blob, key);
}

export async function loadImage(key: string): Promise<Blob | undefined> {
  return (await db()).get('images', key);
}

/** Every stored image of a turn, by slot. */
export async function loadTurnImages(turnId: string): Promise<Map<string, Blob>> {
  const d = await db();
  const range = IDBKeyRange.bound(`${turnId}/`, `${turnId}/\uffff`);
  const [keys, blobs] = await Promise.all([d.getAllKeys('images', range), d.getAll('images', range)]);
  return new Map(keys.map((k, i) => [k.slice(turnId.length + 1), blobs[i]]));
}

export async function deleteImage(key: string): Promise<void> {
  await (await db()).delete('images', key);
}

export async function clearImages(): Promise<void> {
  await (await db()).clear('images');
}

const HANDOFF_KEY = 'composer';

export async function putHandoff(images: HandoffImage[]): Promise<void> {
  await (await db()).put('handoff', images, HANDOFF_KEY);
}

/** The images handed over, once: reading removes them. */
export async function takeHandoff(): Promise<HandoffImage[]> {
  const d = await db();
  const tx = d.transaction('handoff', 'readwrite');
  const images = (await tx.store.get(HANDOFF_KEY)) ?? [];
  await tx.store.delete(HANDOFF_KEY);
  await tx.done;
  return images;
}
