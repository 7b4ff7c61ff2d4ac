'use client';
/**
 * The studio's settings and parameters, persisted in localStorage (never a key: none is ever in the browser).
 * Components select one field at a time; setters keep the parameters valid for the model.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { CapsNarrowing } from '../models/caps';
import { controlOptions } from '../models/options';
import type { ModelId } from '../models/types';
import type { Fault } from '../offline/faults';
import type { ProviderKind } from '../providers/config';
import { defaultParams, fieldsToParams, normalizeParams, type StudioParams } from './params';

export type StudioMode = 'generate' | 'edit' | 'variation';

export interface StudioState {
  provider: ProviderKind | null;
  narrowing?: CapsNarrowing;
  mode: StudioMode;
  params: StudioParams;
  /** Offline API only: a fault to simulate and the simulated latency per image. */
  simulate: { fault: Fault | ''; latencyMs: number | null };
  setProvider(provider: ProviderKind, defaultModel: ModelId, models: readonly ModelId[], narrowing?: CapsNarrowing): void;
  setMode(mode: StudioMode): void;
  set<K extends keyof StudioParams>(key: K, value: StudioParams[K]): void;
  reuse(fields: Record<string, unknown>): void;
  setSimulate(s: Partial<StudioState['simulate']>): void;
}

export const useStudio = create<StudioState>()(
  persist(
    (set, get) => ({
      provider: null,
      mode: 'generate',
      params: defaultParams('gpt-image-2'),
      simulate: { fault: '', latencyMs: null },
      setProvider(provider, defaultModel, models, narrowing) {
        const { params, provider: current } = get();
        const model = current === provider && models.includes(params.model) ? params.model : defaultModel;
        const base = model === params.model ? params : { ...params, model };
        set({ provider, narrowing, params: normalizeParams(base, controlOptions(model, 'generate', narrowing)!) });
      },
      setMode(mode) {
        set({ mode });
      },
      set(key, value) {
        const { params, narrowing } = get();
        const next = { ...params, [key]: value };
        set({ params: normalizeParams(next, controlOptions(next.model, 'generate', narrowing)!) });
      },
      reuse(fields) {
        set({ params: fieldsToParams(fields, get().params, get().narrowing), mode: 'generate' });
      },
      setSimulate(s) {
        set({ simulate: { ...get().simulate, ...s } });
      },
    }),
    {
      name: 'image-playground.studio',
      version: 1,
      // Rehydrated by the studio after mount, so server HTML and the first client render agree.
      skipHydration: true,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ provider: s.provider, mode: s.mode, params: s.params, simulate: s.simulate }),
    },
  ),
);
