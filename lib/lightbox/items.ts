/**
 * What the lightbox shows: a list of images (a gallery's results and history, a chat thread's images, an edit's
 * before and after) and, for each, what is known about it. Lists are built by their owners on every render;
 * the lightbox follows its current image by id, so a list that grows or reorders keeps it in place.
 */
import type { ImagesUsage } from '../cost/usage';
import type { Echoed } from '../generation/events';

export interface LightboxDetails {
  prompt: string;
  revisedPrompt?: string;
  /** The request fields as sent: for "What came back" (asked vs returned) and the model. */
  fields?: Record<string, unknown>;
  echoed?: Echoed;
  usage?: ImagesUsage | null;
  /** A batch (n > 1, not streamed) returns one usage for the whole request, on its first image. */
  usageOfRequest?: number;
  latencyMs?: number;
  provider?: string;
  /** done, cancelled or failed (a partial image kept). */
  status?: string;
  /** Anything else worth a line (chat: the response and call ids). */
  extra?: [string, string][];
}

export interface LightboxItem {
  id: string;
  /** The image's accessible name: the same alt its card gives it. */
  alt: string;
  /** The dialog's name while this image is shown (the prompt). */
  title: string;
  mime: string;
  width?: number;
  height?: number;
  /** A URL of the full image, when the owner has one (object URLs of results). */
  src?: string;
  /** The original bytes, when the owner has them; else `load` reads them (history: IndexedDB). */
  blob?: Blob;
  load?: () => Promise<Blob | undefined>;
  /** Shown while the full image loads (history's thumbnail). */
  thumb?: Blob;
  /** The download's name, with the real format's extension. */
  filename: string;
  details?: LightboxDetails;
}

/** The item's bytes: held, loaded, or read from its URL. */
export async function itemBlob(item: LightboxItem): Promise<Blob> {
  if (item.blob) return item.blob;
  const loaded = item.load ? await item.load() : undefined;
  if (loaded) return loaded;
  if (item.src) {
    const res = await fetch(item.src);
    if (!res.ok) throw new Error(`the image could not be read (HTTP ${res.status})`);
    return res.blob();
  }
  throw new Error('the image is no longer stored in this browser');
}

/** Index of `id` in `items`, or -1. */
export function indexOf(items: readonly LightboxItem[], id: string | null): number {
  return id === null ? -1 : items.findIndex((i) => i.id === id);
}

/** The neighbour `delta` steps away; the ends of the list stay where they are (no wrapping round). */
export function stepId(items: readonly LightboxItem[], id: string, delta: number): string {
  const i = indexOf(items, id);
  if (i < 0) return id;
  return items[Math.min(items.length - 1, Math.max(0, i + delta))].id;
}
