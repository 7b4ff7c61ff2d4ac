'use client';
/** "Edit this image": switch to Edit and make the image the first reference (the one the mask applies to). */
import { currentOptions, useStudio } from './params-store.client';
import { useReferences } from './references-store.client';

export async function editThisImage(blob: Blob, name: string): Promise<void> {
  useStudio.getState().setMode('edit');
  const state = useStudio.getState();
  const rule = currentOptions(state)?.images;
  if (state.mode !== 'edit' || !rule) return;
  await useReferences.getState().addFirst(blob, name, rule, state.params.model);
  window.scrollTo({ top: 0, behavior: 'smooth' });
}
