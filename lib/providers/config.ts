/**
 * Providers from the environment: OpenAI, Azure OpenAI, an OpenAI-compatible gateway, and the built-in offline
 * image API (on unless disabled; the default when nothing else is configured). No secret is held here: this
 * is what the UI may see. Keys are read only where the SDK client is made (client.ts).
 */
import type { CapsNarrowing } from '../models/caps';
import { DEFAULT_MODEL, findModel, MODEL_IDS } from '../models/registry';
import type { ModelId } from '../models/types';

export type ProviderKind = 'openai' | 'azure' | 'gateway' | 'offline';

export interface ProviderInfo {
  id: ProviderKind;
  label: string;
  /** Where requests go (no credentials in it). */
  baseURL: string;
  models: ModelId[];
  defaultModel: ModelId;
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
    return m.id;
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

export function providersFromEnv(env: Env = process.env): ProviderInfo[] {
  const providers: ProviderInfo[] = [];
  if (env.OPENAI_API_KEY) {
    const models = parseModels(env.OPENAI_MODELS, 'OPENAI_MODELS') ?? [...MODEL_IDS];
    providers.push({
      id: 'openai',
      label: 'OpenAI',
      baseURL: env.OPENAI_BASE_URL || 'https://api.openai.com/v1',
      models,
      defaultModel: models.includes(DEFAULT_MODEL) ? DEFAULT_MODEL : models[0],
    });
  }
  if (env.AZURE_OPENAI_ENDPOINT && env.AZURE_OPENAI_API_KEY) {
    const deployments = parseDeployments(env.AZURE_OPENAI_DEPLOYMENTS);
    const models = Object.keys(deployments) as ModelId[];
    if (models.length === 0) {
      throw new Error('AZURE_OPENAI_DEPLOYMENTS is empty: name at least one model=deployment pair, e.g. gpt-image-1=my-gpt-image-1.');
    }
    providers.push({
      id: 'azure',
      label: 'Azure OpenAI',
      baseURL: `${env.AZURE_OPENAI_ENDPOINT.replace(/\/+$/, '')}/openai`,
      models,
      defaultModel: models[0],
      narrowing: { excludeOutputFormats: ['webp'] },
      deployments,
      apiVersion: env.OPENAI_API_VERSION || DEFAULT_AZURE_API_VERSION,
    });
  }
  if (env.GATEWAY_BASE_URL && env.GATEWAY_API_KEY) {
    const models = parseModels(env.GATEWAY_MODELS, 'GATEWAY_MODELS') ?? [...MODEL_IDS];
    providers.push({
      id: 'gateway',
      label: env.GATEWAY_NAME || 'OpenAI-compatible gateway',
      baseURL: env.GATEWAY_BASE_URL,
      models,
      defaultModel: models[0],
    });
  }
  if (env.OFFLINE_API_DISABLED !== '1' && env.OFFLINE_API_DISABLED !== 'true') {
    providers.push({
      id: 'offline',
      label: 'Offline image API (built in)',
      baseURL: offlineBaseURL(env),
      models: [...MODEL_IDS],
      defaultModel: DEFAULT_MODEL,
    });
  }
  return providers;
}

/** DEFAULT_PROVIDER if set and configured, else the first configured real provider, else offline. */
export function defaultProvider(providers: ProviderInfo[], env: Env = process.env): ProviderInfo | undefined {
  const wanted = env.DEFAULT_PROVIDER && providers.find((p) => p.id === env.DEFAULT_PROVIDER);
  return wanted || providers[0];
}
