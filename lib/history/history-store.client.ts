'use client';
/** The history list in memory (metadata and thumbnails only), kept in step with IndexedDB. */
import { create } from 'zustand';
import { clearEntries, deleteEntry, listEntries, saveEntry, type HistoryMeta } from './db.client';
import { expired } from '../settings/preferences';
import { loadPreferences } from '../settings/preferences-store.client';

/** Drops what the retention set in Settings no longer keeps; the rest is returned. */
async function retain(entries: HistoryMeta[]): Promise<HistoryMeta[]> {
  const drop = new Set(expired(entries, (await loadPreferences()).retention, Date.now()));
  if (drop.size === 0) return entries;
  await Promise.all([...drop].map((id) => deleteEntry(id)));
  return entries.filter((e) => !drop.has(e.id));
}

interface HistoryState {
  entries: HistoryMeta[];
  loaded: boolean;
  error?: string;
  load(): Promise<void>;
  add(meta: HistoryMeta, image: Blob): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
}

export const useHistory = create<HistoryState>()((set, get) => ({
  entries: [],
  loaded: false,
  async load() {
    try {
      set({ entries: await retain(await listEntries()), loaded: true });
    } catch (e) {
      set({ loaded: true, error: `History is unavailable in this browser: ${e instanceof Error ? e.message : e}` });
    }
  },
  async add(meta, image) {
    await saveEntry(meta, image);
    set({ entries: await retain([meta, ...get().entries.filter((e) => e.id !== meta.id)]) });
  },
  async remove(id) {
    await deleteEntry(id);
    set({ entries: get().entries.filter((e) => e.id !== id) });
  },
  async clear() {
    await clearEntries();
    set({ entries: [] });
  },
}));

/** Bytes the history holds: full images plus thumbnails. */
export function historyBytes(entries: HistoryMeta[]): number {
  return entries.reduce((sum, e) => sum + e.bytes + e.thumb.size, 0);
}
