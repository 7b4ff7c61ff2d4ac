/**
 * Providers from the environment: OpenAI, Azure OpenAI, an OpenAI-compatible gateway, and the built-in offline
 * image API (on unless disabled; the default when nothing else is configured). No secret is held here: this
 * is what the UI may see. Keys are read only where the SDK client is made (client.ts).
 */
import type { CapsNarrowing } from '../models/caps';
import type { Lifecycle } from '../models/lifecycle';
import { findModel, MODEL_IDS } from '../models/registry';
import type { ModelId } from '../models/types';
import { lineup, type LiveModel } from './lineup';

export type ProviderKind = 'openai' | 'azure' | 'gateway' | 'offline';

export interface ProviderInfo {
  id: ProviderKind;
  label: string;
  /** Where requests go (no credentials in it). */
  baseURL: string;
  /** Image models offered as normal choices (lineup.ts). */
  models: ModelId[];
  defaultModel: ModelId;
  /** Each model's lifecycle on this provider: offered ones, and registry ones it no longer offers. */
  lifecycle: Record<string, Lifecycle>;
  /** Mainline models the chat offers here. */
  mainModels: string[];
  /** Whether the list came from the provider's own `GET /models` or from the registry's dates. */
  modelSource: 'provider' | 'registry';
  /** The operator's own list (OPENAI_MODELS, GATEWAY_MODELS), kept to intersect with the provider's. */
  configuredModels?: ModelId[];
  narrowing?: CapsNarrowing;
  /** Azure: model → deployment name. */
  deployments?: Partial<Record<ModelId, string>>;
  apiVersion?: string;
}

export type Env = Record<string, string | undefined>;

export const DEFAULT_AZURE_API_VERSION = '2025-04-01-preview';

function parseModels(list: string | undefined, variable: string): ModelId[] | undefined {
  if (!list?.trim()) return undefined;
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = findModel(s);
    if (!m) throw new Error(`${variable}: unknown model '${s}'. Known models: ${MODEL_IDS.join(', ')}.`);
    // A dated snapshot or a newer id stays as written: it is what goes upstream.
    return s;
  });
}

/** `gpt-image-1=my-image-deployment,dall-e-3=dalle3` → { 'gpt-image-1': 'my-image-deployment', … } */
export function parseDeployments(text: string | undefined): Partial<Record<ModelId, string>> {
  const map: Partial<Record<ModelId, string>> = {};
  for (const pair of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const parts = pair.split('=').map((s) => s.trim());
    const [model, deployment] = parts;
    const m = findModel(model);
    if (!m || !deployment || parts.length !== 2) {
      throw new Error(`AZURE_OPENAI_DEPLOYMENTS: '${pair}' is not model=deployment with a known model (${MODEL_IDS.join(', ')}).`);
    }
    map[m.id] = deployment;
  }
  return map;
}

export function offlineBaseURL(env: Env): string {
  return env.OFFLINE_BASE_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}/api/offline/v1`;
}

/** `on`: the day whose lineup to build (YYYY-MM-DD, default today), for tests. */
export function providersFromEnv(env: Env = process.env, on?: string): ProviderInfo[] {
  const providers: ProviderInfo[] = [];
  if (env.OPENAI_API_KEY) {
    const configuredModels = parseModels(env.OPENAI_MODELS, 'OPENAI_MODELS');
    providers.push({
      id: 'openai',
      label: 'OpenAI',
      baseURL: env.OPENAI_BASE_URL || 'https://api.openai.com/v1',
      configuredModels,
      ...offered(lineup({ kind: 'openai', configured: configuredModels, on })),
    });
  }
  if (env.AZURE_OPENAI_ENDPOINT && env.AZURE_OPENAI_API_KEY) {
    const deployments = parseDeployments(env.AZURE_OPENAI_DEPLOYMENTS);
    const configuredModels = Object.keys(deployments) as ModelId[];
    if (configuredModels.length === 0) {
      throw new Error('AZURE_OPENAI_DEPLOYMENTS is empty: name at least one model=deployment pair, e.g. gpt-image-1=my-gpt-image-1.');
    }
    providers.push({
      id: 'azure',
      label: 'Azure OpenAI',
      baseURL: `${env.AZURE_OPENAI_ENDPOINT.replace(/\/+$/, '')}/openai`,
      configuredModels,
      ...offered(lineup({ kind: 'azure', configured: configuredModels, configuredIsServed: true, on })),
      narrowing: { excludeOutputFormats: ['webp'] },
      deployments,
      apiVersion: env.OPENAI_API_VERSION || DEFAULT_AZURE_API_VERSION,
    });
  }
  if (env.GATEWAY_BASE_URL && env.GATEWAY_API_KEY) {
    const configuredModels = parseModels(env.GATEWAY_MODELS, 'GATEWAY_MODELS');
    providers.push({
      id: 'gateway',
      label: env.GATEWAY_NAME || 'OpenAI-compatible gateway',
      baseURL: env.GATEWAY_BASE_URL,
      configuredModels,
      // Until its list answers, a gateway serves what the operator named, or else what OpenAI serves.
      ...offered(lineup({ kind: 'gateway', configured: configuredModels, configuredIsServed: !!configuredModels, on })),
    });
  }
  if (env.OFFLINE_API_DISABLED !== '1' && env.OFFLINE_API_DISABLED !== 'true') {
    providers.push({
      id: 'offline',
      label: 'Offline image API (built in)',
      baseURL: offlineBaseURL(env),
      ...offered(lineup({ kind: 'offline', on })),
    });
  }
  return providers;
}

function offered(l: ReturnType<typeof lineup>): Pick<ProviderInfo, 'models' | 'defaultModel' | 'lifecycle' | 'mainModels' | 'modelSource'> {
  return { models: l.models, defaultModel: l.defaultModel, lifecycle: l.lifecycle, mainModels: l.mainModels, modelSource: l.source };
}

/** The provider as its own `GET /models` describes it: what it lists is offered, with its dates (lineup.ts). */
export function withLiveModels(provider: ProviderInfo, live: readonly LiveModel[], on?: string): ProviderInfo {
  if (provider.id === 'azure') return provider;
  return { ...provider, ...offered(lineup({ kind: provider.id, configured: provider.configuredModels, live, on })) };
}

/** DEFAULT_PROVIDER if set and configured, else the first configured real provider, else offline. */
export function defaultProvider(providers: ProviderInfo[], env: Env = process.env): ProviderInfo | undefined {
  const wanted = env.DEFAULT_PROVIDER && providers.find((p) => p.id === env.DEFAULT_PROVIDER);
  return wanted || providers[0];
}
