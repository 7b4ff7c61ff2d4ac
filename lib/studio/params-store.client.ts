'use client';
/**
 * The studio's settings and parameters, persisted in localStorage (never a key: none is ever in the browser).
 * Components select one field at a time; setters keep the parameters valid for the model and the mode.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { CapsNarrowing } from '../models/caps';
import { controlOptions, type ControlOptions } from '../models/options';
import { findModel } from '../models/registry';
import type { ModelId } from '../models/types';
import type { ImageEndpoint } from '../models/validate';
import type { Fault } from '../offline/faults';
import type { ProviderKind } from '../providers/config';
import { defaultParams, fieldsToParams, normalizeParams, type StudioParams } from './params';

export type StudioMode = 'generate' | 'edit' | 'variation';

/** The Images API endpoint each mode calls. */
export const MODE_ENDPOINT: Record<StudioMode, ImageEndpoint> = { generate: 'generate', edit: 'edit', variation: 'variation' };

/** Models of the provider that serve this mode's endpoint. */
export function modelsForMode(models: readonly ModelId[], mode: StudioMode): ModelId[] {
  return models.filter((m) => findModel(m)?.endpoints[MODE_ENDPOINT[mode]]);
}

export interface StudioState {
  provider: ProviderKind | null;
  models: readonly ModelId[];
  defaultModel: ModelId | null;
  narrowing?: CapsNarrowing;
  mode: StudioMode;
  params: StudioParams;
  /** Offline API only: a fault to simulate and the simulated latency per image. */
  simulate: { fault: Fault | ''; latencyMs: number | null };
  setProvider(provider: ProviderKind, defaultModel: ModelId, models: readonly ModelId[], narrowing?: CapsNarrowing): void;
  setMode(mode: StudioMode): void;
  set<K extends keyof StudioParams>(key: K, value: StudioParams[K]): void;
  reuse(fields: Record<string, unknown>, mode?: StudioMode): void;
  setSimulate(s: Partial<StudioState['simulate']>): void;
}

/** The options of the current model in the current mode. */
export function currentOptions(s: Pick<StudioState, 'params' | 'mode' | 'narrowing'>): ControlOptions | undefined {
  return controlOptions(s.params.model, MODE_ENDPOINT[s.mode], s.narrowing);
}

/** A model that serves `mode`: the current one if it does, else the provider's default, else the first. */
function modelFor(mode: StudioMode, current: ModelId, models: readonly ModelId[], preferred: ModelId | null): ModelId {
  const serving = modelsForMode(models, mode);
  if (serving.includes(current)) return current;
  if (preferred && serving.includes(preferred)) return preferred;
  return serving[0] ?? current;
}

function normalized(params: StudioParams, mode: StudioMode, narrowing?: CapsNarrowing): StudioParams {
  const options = controlOptions(params.model, MODE_ENDPOINT[mode], narrowing);
  return options ? normalizeParams(params, options) : params;
}

export const useStudio = create<StudioState>()(
  persist(
    (set, get) => ({
      provider: null,
      models: [],
      defaultModel: null,
      mode: 'generate',
      params: defaultParams('gpt-image-2'),
      simulate: { fault: '', latencyMs: null },
      setProvider(provider, defaultModel, models, narrowing) {
        const { params, provider: current, mode } = get();
        const start = current === provider && models.includes(params.model) ? params.model : defaultModel;
        const usable = modelsForMode(models, mode).length ? mode : 'generate';
        const model = modelFor(usable, start, models, defaultModel);
        set({ provider, models, defaultModel, narrowing, mode: usable, params: normalized({ ...params, model }, usable, narrowing) });
      },
      setMode(mode) {
        const { params, models, defaultModel, narrowing } = get();
        if (!modelsForMode(models, mode).length) return;
        const model = modelFor(mode, params.model, models, defaultModel);
        set({ mode, params: normalized({ ...params, model }, mode, narrowing) });
      },
      set(key, value) {
        const { params, mode, narrowing } = get();
        set({ params: normalized({ ...params, [key]: value }, mode, narrowing) });
      },
      reuse(fields, mode = 'generate') {
        const { narrowing } = get();
        set({ mode, params: fieldsToParams(fields, get().params, narrowing, MODE_ENDPOINT[mode]) });
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
