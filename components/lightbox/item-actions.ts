'use client';
/** Download and Copy image for a lightbox item or a card, each saying in a toast how it went. */
import { toast } from 'sonner';
import { copyImage, saveBlob } from '@/lib/lightbox/image-io.client';
import { itemBlob, type LightboxItem } from '@/lib/lightbox/items';

export interface ActionOutcome {
  ok: boolean;
  message: string;
}

const FORMAT: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/gif': 'GIF (its first frame)', 'image/svg+xml': 'SVG' };

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif', 'image/svg+xml': 'svg' };

/** The name with the extension of the bytes' real type (a chat image's format is known only from its bytes). */
export function withRealExtension(filename: string, type: string): string {
  const ext = EXT[type];
  if (!ext) return filename;
  return /\.[a-z0-9]+$/i.test(filename) ? filename.replace(/\.[a-z0-9]+$/i, `.${ext}`) : `${filename}.${ext}`;
}

export async function downloadItem(item: Pick<LightboxItem, 'blob' | 'load' | 'src' | 'filename'>): Promise<ActionOutcome> {
  try {
    const blob = await itemBlob(item as LightboxItem);
    const name = withRealExtension(item.filename, blob.type);
    saveBlob(blob, name);
    return { ok: true, message: `Downloading ${name}` };
  } catch (e) {
    const message = `Could not download the image: ${e instanceof Error ? e.message : String(e)}`;
    toast.error(message);
    return { ok: false, message };
  }
}

export async function copyItem(item: Pick<LightboxItem, 'blob' | 'load' | 'src'>): Promise<ActionOutcome> {
  const r = await copyImage(() => itemBlob(item as LightboxItem));
  if (r.ok) {
    const message = r.from ? `Image copied to the clipboard as PNG (converted from ${FORMAT[r.from] ?? r.from})` : 'Image copied to the clipboard';
    toast.success(message);
    return { ok: true, message };
  }
  const message = `Could not copy the image: ${r.reason}`;
  toast.error(message);
  return { ok: false, message };
}
