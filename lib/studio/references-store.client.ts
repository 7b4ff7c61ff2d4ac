'use client';
/**
 * Reference images of an edit or variation: checked by their bytes against the model's rule as they are
 * added (file picker, drop, paste, "Edit this image"), reorderable; the first is the one the mask applies to.
 */
import { create } from 'zustand';
import { ApiError } from '../errors/api-error';
import type { ImageInfo } from '../images/sniff';
import type { InputImageRule } from '../models/types';
import { checkReferenceImage } from '../models/validate-files';

export interface Reference {
  id: string;
  name: string;
  blob: Blob;
  url: string;
  info: ImageInfo;
}

interface ReferencesState {
  items: Reference[];
  /** Why the last files could not all be added, naming them and the rule. */
  message: string | null;
  add(files: (File | Blob)[], rule: InputImageRule, model: string): Promise<void>;
  /** "Edit this image": becomes the first reference. */
  addFirst(blob: Blob, name: string, rule: InputImageRule, model: string): Promise<void>;
  remove(id: string): void;
  move(id: string, by: -1 | 1): void;
  clear(): void;
  dismiss(): void;
}

let counter = 0;

async function check(file: File | Blob, rule: InputImageRule, model: string): Promise<Reference | string> {
  const name = file instanceof File && file.name ? file.name : 'pasted image';
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { info } = checkReferenceImage({ bytes, field: 'image', filename: name }, rule, name, model);
    // A typed blob, whatever the browser guessed from the name.
    const blob = new Blob([bytes], { type: `image/${info.type}` });
    return { id: `ref-${++counter}`, name, blob, url: URL.createObjectURL(blob), info };
  } catch (e) {
    if (e instanceof ApiError) return e.message;
    throw e;
  }
}

export const useReferences = create<ReferencesState>()((set, get) => ({
  items: [],
  message: null,
  async add(files, rule, model) {
    const problems: string[] = [];
    const room = rule.maxCount - get().items.length;
    const accepted: Reference[] = [];
    for (const [i, file] of files.entries()) {
      if (i >= room) {
        const name = file instanceof File && file.name ? `'${file.name}'` : 'an image';
        problems.push(`${name} was not added: ${model} takes at most ${rule.maxCount} reference image${rule.maxCount > 1 ? 's' : ''}.`);
        continue;
      }
      const r = await check(file, rule, model);
      if (typeof r === 'string') problems.push(r);
      else accepted.push(r);
    }
    set({ items: [...get().items, ...accepted], message: problems.length ? problems.join(' ') : null });
  },
  async addFirst(blob, name, rule, model) {
    const r = await check(new File([blob], name, { type: blob.type }), rule, model);
    if (typeof r === 'string') return set({ message: r });
    const rest = get().items.slice(0, rule.maxCount - 1);
    for (const dropped of get().items.slice(rule.maxCount - 1)) URL.revokeObjectURL(dropped.url);
    set({ items: [r, ...rest], message: null });
  },
  remove(id) {
    const gone = get().items.find((r) => r.id === id);
    if (gone) URL.revokeObjectURL(gone.url);
    set({ items: get().items.filter((r) => r.id !== id) });
  },
  move(id, by) {
    const items = [...get().items];
    const i = items.findIndex((r) => r.id === id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= items.length) return;
    [items[i], items[j]] = [items[j], items[i]];
    set({ items });
  },
  clear() {
    for (const r of get().items) URL.revokeObjectURL(r.url);
    set({ items: [], message: null });
  },
  dismiss() {
    set({ message: null });
  },
}));
