'use client';
/**
 * A turn's images on this page: each is saved in IndexedDB and shown through an object URL, revoked when a
 * newer image takes its slot (the next partial, the final image) or the thread is cleared.
 */
import { serverActions } from '../pipeline/server-actions';
import { clearImages, deleteImage, imageKey, loadTurnImages, saveImage } from './images-db.client';
import { useChat, type ChatTurn } from './thread-store.client';

/** Where an image sits in a turn: its attachments, the mask, the last partial, the final image. */
export type Slot = 'image' | 'partial' | 'mask' | `attachment-${number}`;

function urlIn(t: ChatTurn, slot: Slot): string | undefined {
  if (slot === 'image') return t.image?.url;
  if (slot === 'partial') return t.partial;
  if (slot === 'mask') return t.mask?.url;
  return t.attachments[Number(slot.slice('attachment-'.length))]?.url;
}

function withUrl(t: ChatTurn, slot: Slot, url: string | undefined): Partial<ChatTurn> {
  if (slot === 'image') return t.image ? { image: { ...t.image, url } } : {};
  if (slot === 'partial') return { partial: url };
  if (slot === 'mask') return t.mask ? { mask: { ...t.mask, url } } : {};
  const i = Number(slot.slice('attachment-'.length));
  return { attachments: t.attachments.map((a, k) => (k === i ? { ...a, url } : a)) };
}

function turn(id: string): ChatTurn | undefined {
  return useChat.getState().turns.find((t) => t.id === id);
}

/** Show `blob` in the slot now (revoking what it replaces) and keep it for the next visit. */
export async function keepImage(turnId: string, slot: Slot, blob: Blob): Promise<void> {
  const t = turn(turnId);
  if (!t) return;
  const old = urlIn(t, slot);
  useChat.getState().update(turnId, withUrl(t, slot, URL.createObjectURL(blob)));
  if (old) URL.revokeObjectURL(old);
  try {
    await saveImage(imageKey(turnId, slot), blob);
  } catch (e) {
    // Storage full or blocked: the image still shows now, it just will not survive a reload.
    console.warn(`Could not keep the chat image ${turnId}/${slot}:`, e instanceof Error ? e.message : e);
  }
}

/** The final image arrived: the partial it replaces goes, on screen and in storage. */
export async function dropImage(turnId: string, slot: Slot): Promise<void> {
  const t = turn(turnId);
  const old = t && urlIn(t, slot);
  if (t && old) {
    useChat.getState().update(turnId, withUrl(t, slot, undefined));
    URL.revokeObjectURL(old);
  }
  await deleteImage(imageKey(turnId, slot)).catch(() => undefined);
}

/** After a reload: every turn's stored images back on screen. */
export async function restoreImages(): Promise<void> {
  for (const t of useChat.getState().turns) {
    const stored = await loadTurnImages(t.id);
    for (const [slot, blob] of stored) {
      const now = turn(t.id);
      if (!now || urlIn(now, slot as Slot)) continue;
      useChat.getState().update(t.id, withUrl(now, slot as Slot, URL.createObjectURL(blob)));
    }
  }
}

/** "New chat": stop turns still running on the server (nobody will see them), revoke every URL, empty the store. */
export async function forgetImages(): Promise<void> {
  for (const t of useChat.getState().turns) {
    if (t.status === 'running' && t.jobId) void serverActions().cancel(t.jobId);
    for (const url of [t.image?.url, t.partial, t.mask?.url, ...t.attachments.map((a) => a.url)]) if (url) URL.revokeObjectURL(url);
  }
  useChat.getState().clear();
  await clearImages();
}
