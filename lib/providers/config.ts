/**
 * Providers from the environment: OpenAI, Azure OpenAI, an OpenAI-compatible gateway, and the built-in offline
 * image API (on unless disabled; the default when nothing else is configured). No secret is held here: this
 * is what the UI may see. Keys and tokens are read only where the SDK client is made (sdk-client.server.ts).
 */
import type { CapsNarrowing } from '../models/caps';
import type { Lifecycle } from '../models/lifecycle';
import { MAIN_MODELS } from '../models/main-models';
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
  /** Azure: model (image or main) → deployment name. */
  deployments?: Record<string, string>;
  /** Azure: the dated route's api-version, or v1's (`preview` by default; absent when dropped). */
  apiVersion?: string;
  /** Azure: how it is reached and signed in to (no secret in it). */
  azure?: AzureSetup;
  /** The endpoint is this server's own offline API (an Azure or gateway stand-in): its simulation controls apply. */
  offlineBacked?: boolean;
}

/**
 * Azure's two routes (api-2026-12 §6.1): `v1` (`…/openai/v1/`, the plain OpenAI client, deployment name as
 * `model`) and the dated `deployments` route (`…/openai/deployments/{dep}/…?api-version=`). Signed in with the
 * resource key, or keyless with Entra ID when no key is set.
 */
export interface AzureSetup {
  route: 'v1' | 'deployments';
  auth: 'key' | 'entra';
  /** Entra ID token scope. */
  scope: string;
}

export type Env = Record<string, string | undefined>;

export const DEFAULT_AZURE_API_VERSION = '2025-04-01-preview';
/** Images on Azure's v1 API are preview (api-2026-12 §6.1): sent unless AZURE_OPENAI_V1_API_VERSION is `none`. */
export const DEFAULT_AZURE_V1_API_VERSION = 'preview';
/** Microsoft's scope for Azure OpenAI endpoints now (api-2026-12 §6.1); the older one is cognitiveservices'. */
export const DEFAULT_AZURE_SCOPE = 'https://ai.azure.com/.default';

function parseModels(list: string | undefined, variable: string): ModelId[] | undefined {
  if (!list?.trim()) return undefined;
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = findModel(s);
    if (!m) throw new Error(`${variable}: unknown model '${s}'. Known models: ${MODEL_IDS.join(', ')}.`);
    // A dated snapshot or a newer id stays as written: it is what goes upstream.
    return s;
  });
}

/**
 * `gpt-image-2=team-images,gpt-6-luna=team-chat` → { 'gpt-image-2': 'team-images', 'gpt-6-luna': 'team-chat' }:
 * image models for the studio and the chat's tool, main models for the chat.
 */
export function parseDeployments(text: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const parts = pair.split('=').map((s) => s.trim());
    const [model, deployment] = parts;
    const known = findModel(model) || (MAIN_MODELS as readonly string[]).includes(model);
    if (!known || !deployment || parts.length !== 2) {
      throw new Error(`AZURE_OPENAI_DEPLOYMENTS: '${pair}' is not model=deployment with a known image model (${MODEL_IDS.join(', ')}) or main model (${MAIN_MODELS.join(', ')}).`);
    }
    map[findModel(model)?.id ?? model] = deployment;
  }
  return map;
}

/** The Azure route, sign-in and scope from the environment; a bad AZURE_OPENAI_ROUTE is named. */
export function azureSetup(env: Env): AzureSetup {
  const route = (env.AZURE_OPENAI_ROUTE || 'v1').trim();
  if (route !== 'v1' && route !== 'deployments') {
    throw new Error(`AZURE_OPENAI_ROUTE: '${route}' is not a route. Use v1 (the default: …/openai/v1/) or deployments (…/openai/deployments/{name}/…?api-version=).`);
  }
  return { route, auth: env.AZURE_OPENAI_API_KEY ? 'key' : 'entra', scope: env.AZURE_OPENAI_SCOPE?.trim() || DEFAULT_AZURE_SCOPE };
}

/** `none` (or empty) drops v1's api-version; otherwise it is sent as given. */
function v1ApiVersion(env: Env): string | undefined {
  const v = env.AZURE_OPENAI_V1_API_VERSION;
  if (v === undefined) return DEFAULT_AZURE_V1_API_VERSION;
  return v.trim() === '' || v.trim() === 'none' ? undefined : v.trim();
}

/**
 * Whether a base URL is an offline image API (this server's or another playground's, perhaps behind a proxy):
 * the tests' and demos' Azure or gateway stand-in, which takes the simulation controls.
 */
function onOfflineApi(url: string): boolean {
  try {
    return new URL(url).pathname.startsWith('/api/offline/');
  } catch {
    return false;
  }
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
  // Keyless (Entra ID) when no key is set: an endpoint is enough (azure-credential.server.ts signs in).
  if (env.AZURE_OPENAI_ENDPOINT) {
    const deployments = parseDeployments(env.AZURE_OPENAI_DEPLOYMENTS);
    const configuredModels = Object.keys(deployments).filter((m) => findModel(m)) as ModelId[];
    const mainDeployed = Object.keys(deployments).filter((m) => !findModel(m));
    if (configuredModels.length === 0) {
      throw new Error('AZURE_OPENAI_DEPLOYMENTS names no image model: name at least one model=deployment pair, e.g. gpt-image-2=my-gpt-image-2.');
    }
    const azure = azureSetup(env);
    const endpoint = env.AZURE_OPENAI_ENDPOINT.replace(/\/+$/, '');
    const baseURL = azure.route === 'v1' ? `${endpoint}/openai/v1` : `${endpoint}/openai`;
    const offeredHere = offered(lineup({ kind: 'azure', configured: configuredModels, configuredIsServed: true, on }));
    providers.push({
      id: 'azure',
      label: 'Azure OpenAI',
      baseURL,
      configuredModels,
      ...offeredHere,
      // The chat's main model is a deployment too: the deployed ones, when any are named.
      ...(mainDeployed.length ? { mainModels: mainDeployed } : {}),
      narrowing: { excludeOutputFormats: ['webp'] },
      deployments,
      apiVersion: azure.route === 'v1' ? v1ApiVersion(env) : env.OPENAI_API_VERSION || DEFAULT_AZURE_API_VERSION,
      azure,
      offlineBacked: onOfflineApi(baseURL),
    });
  }
  if (env.GATEWAY_BASE_URL && env.GATEWAY_API_KEY) {
    const configuredModels = parseModels(env.GATEWAY_MODELS, 'GATEWAY_MODELS');
    providers.push({
      id: 'gateway',
      label: env.GATEWAY_NAME || 'OpenAI-compatible gateway',
      baseURL: env.GATEWAY_BASE_URL,
      configuredModels,
      offlineBacked: onOfflineApi(env.GATEWAY_BASE_URL),
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
  if (provider.id === 'azure') {
    // Azure's list names its models' retirement dates; its deployments stay what is offered.
    const { lifecycle, source } = lineup({ kind: 'azure', configured: provider.configuredModels, configuredIsServed: true, live, liveDatesOnly: true, on });
    return { ...provider, lifecycle, modelSource: source };
  }
  return { ...provider, ...offered(lineup({ kind: provider.id, configured: provider.configuredModels, live, on })) };
}

/** DEFAULT_PROVIDER if set and configured, else the first configured real provider, else offline. */
export function defaultProvider(providers: ProviderInfo[], env: Env = process.env): ProviderInfo | undefined {
  const wanted = env.DEFAULT_PROVIDER && providers.find((p) => p.id === env.DEFAULT_PROVIDER);
  return wanted || providers[0];
}
