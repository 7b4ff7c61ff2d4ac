'use client';
/**
 * Images between the chat and the studio. To the studio: the studio's own "Edit this image" path
 * (lib/studio/edit-this.client.ts) after its settings are loaded for this provider; the caller then routes to `/`
 * client-side so the references store it filled is still there. From the studio: the image waits in
 * IndexedDB and the chat composer attaches it on load.
 */
import type { ProviderInfo } from '../providers/config';
import { editThisImage } from '../studio/edit-this.client';
import { useStudio } from '../studio/params-store.client';
import { putHandoff, takeHandoff } from './images-db.client';

/** Make `blob` the studio's first edit reference. The studio store is rehydrated first so its saved settings survive. */
export async function openInStudioEdit(provider: ProviderInfo, blob: Blob, name: string): Promise<void> {
  await useStudio.persist.rehydrate();
  // The edit runs on the chat's provider; setProvider keeps the studio's model when that provider serves it.
  useStudio.getState().setProvider(provider);
  await editThisImage(blob, name);
}

/** "Continue in chat": hand the image to the chat composer and go there. */
export async function continueInChat(blob: Blob, name: string): Promise<void> {
  await putHandoff([{ blob, name }]);
  window.location.assign('/chat');
}

/** Images handed over by the studio, as files for the composer (once). */
export async function receiveHandoff(): Promise<File[]> {
  const images = await takeHandoff();
  return images.map((i) => new File([i.blob], i.name, { type: i.blob.type }));
}
