'use client';
/** Settings' preferences in localStorage (lib/settings/preferences.ts says what they mean). */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_RETENTION, type Retention, type StudioDefaults } from './preferences';

interface PreferencesState {
  /** null: the provider's own defaults. */
  studio: StudioDefaults | null;
  /** When the studio defaults were last saved, and when the studio last took them (epoch ms): it takes them once. */
  studioSavedAt: number;
  studioAppliedAt: number;
  retention: Retention;
  setStudio(d: StudioDefaults | null): void;
  setRetention(r: Partial<Retention>): void;
  markApplied(): void;
}

export const usePreferences = create<PreferencesState>()(
  persist(
    (set, get) => ({
      studio: null,
      studioSavedAt: 0,
      studioAppliedAt: 0,
      retention: DEFAULT_RETENTION,
      setStudio: (studio) => set({ studio, studioSavedAt: Date.now() }),
      setRetention: (r) => set({ retention: { ...get().retention, ...r } }),
      markApplied: () => set({ studioAppliedAt: Date.now() }),
    }),
    { name: 'image-playground.preferences', version: 1, skipHydration: true, storage: createJSONStorage(() => localStorage) },
  ),
);

/** The saved preferences, read once from storage (for code outside React). */
export async function loadPreferences(): Promise<PreferencesState> {
  if (!usePreferences.persist.hasHydrated()) await usePreferences.persist.rehydrate();
  return usePreferences.getState();
}
