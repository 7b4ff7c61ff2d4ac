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
import type { ProviderInfo, ProviderKind } from '../providers/config';
import { DEFAULT_MODEL } from '../models/registry';
import type { Lifecycle } from '../models/lifecycle';
import { droppedSettings, moveModel, moveNotice } from '../models/migrate';
import { applyParam, defaultParams, fieldsToParams, normalizeParams, paramsToFields, type StudioParams } from './params';

/** What the studio needs of a provider (no secret is in ProviderInfo). */
export type ProviderView = Pick<ProviderInfo, 'id' | 'label' | 'defaultModel' | 'models' | 'narrowing' | 'lifecycle'>;

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
  providerLabel: string;
  /** Each model's lifecycle on the provider: dates beside the models, replacements for migration. */
  lifecycle: Record<string, Lifecycle>;
  mode: StudioMode;
  params: StudioParams;
  /** Each mode's own model and quality, kept while another mode is open (Variations' dall-e-2 must not become Generate's). */
  perMode: Partial<Record<StudioMode, ModeChoice>>;
  /** Offline API only: a fault to simulate, the simulated latency per image, and billing off the tables. */
  simulate: { fault: Fault | ''; latencyMs: number | null; billingScale?: number | null };
  /** Saved or reused settings that named a model this provider does not offer, and what they became. */
  notice: string | null;
  dismissNotice(): void;
  setProvider(provider: ProviderView): void;
  setMode(mode: StudioMode): void;
  set<K extends keyof StudioParams>(key: K, value: StudioParams[K]): void;
  reuse(fields: Record<string, unknown>, mode?: StudioMode): void;
  setSimulate(s: Partial<StudioState['simulate']>): void;
}

/** What each mode remembers of its own. */
export type ModeChoice = Pick<StudioParams, 'model' | 'quality'>;

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
      providerLabel: '',
      lifecycle: {},
      mode: 'generate',
      params: defaultParams(DEFAULT_MODEL),
      perMode: {},
      simulate: { fault: '', latencyMs: null, billingScale: null },
      notice: null,
      dismissNotice: () => set({ notice: null }),
      setProvider(p) {
        const { params, mode } = get();
        const { id: provider, defaultModel, models, narrowing, lifecycle, label } = p;
        const move = moveModel(params.model, p);
        const usable = modelsForMode(models, mode).length ? mode : 'generate';
        const model = modelFor(usable, move?.to ?? params.model, models, defaultModel);
        const next = normalized({ ...params, model }, usable, narrowing);
        const state = { provider, models, defaultModel, narrowing, lifecycle, providerLabel: label, mode: usable, params: next };
        if (!move) return set(state);
        const before = currentOptions({ params, mode, narrowing: undefined });
        const after = currentOptions({ params: next, mode: usable, narrowing });
        const dropped = before && after ? droppedSettings(paramsToFields(params, before), paramsToFields(next, after)) : [];
        set({ ...state, notice: `Saved settings: ${moveNotice(move, dropped)}` });
      },
      setMode(mode) {
        const { params, models, defaultModel, narrowing, perMode, mode: from } = get();
        if (!modelsForMode(models, mode).length || mode === from) return;
        const kept = { ...perMode, [from]: { model: params.model, quality: params.quality } };
        const own = kept[mode];
        const model = modelFor(mode, own?.model ?? params.model, models, defaultModel);
        const quality = own && own.model === model ? own.quality : params.quality;
        set({ mode, perMode: kept, params: normalized({ ...params, model, quality }, mode, narrowing) });
      },
      set(key, value) {
        const { params, mode, narrowing } = get();
        set({ params: applyParam(params, key, value, controlOptions(key === 'model' ? (value as ModelId) : params.model, MODE_ENDPOINT[mode], narrowing)) });
      },
      reuse(fields, mode = 'generate') {
        const { narrowing, models, defaultModel, lifecycle, providerLabel, provider } = get();
        const asked = typeof fields.model === 'string' ? fields.model : '';
        const move = defaultModel && provider ? moveModel(asked, { id: provider, label: providerLabel, models, defaultModel, lifecycle }) : undefined;
        const params = fieldsToParams(move ? { ...fields, model: move.to } : fields, get().params, narrowing, MODE_ENDPOINT[mode]);
        if (!move) return set({ mode, params });
        const options = currentOptions({ params, mode, narrowing });
        const dropped = options ? droppedSettings(fields, paramsToFields(params, options)) : [];
        set({ mode, params, notice: `Reused settings: ${moveNotice(move, dropped)}` });
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
      partialize: (s) => ({ provider: s.provider, mode: s.mode, params: s.params, perMode: s.perMode, simulate: s.simulate, notice: s.notice }),
    },
  ),
);
