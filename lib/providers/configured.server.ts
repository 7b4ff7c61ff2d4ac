import 'server-only';
/**
 * The configured providers, read from the environment and brought up to date with each provider's own model list
 * (model-list.server.ts); errors in configuration are reported, not thrown.
 */
import { defaultProvider, providersFromEnv, withLiveModels, type ProviderInfo, type ProviderKind } from './config';
import { liveModels } from './model-list.server';

export interface ProviderSetup {
  providers: ProviderInfo[];
  active?: ProviderInfo;
  /** A configuration mistake, said plainly (never containing a key). */
  error?: string;
}

export async function providerSetup(): Promise<ProviderSetup> {
  let configured: ProviderInfo[];
  try {
    configured = providersFromEnv();
  } catch (e) {
    return { providers: [], error: e instanceof Error ? e.message : String(e) };
  }
  const providers = await Promise.all(
    configured.map(async (p) => {
      const live = await liveModels(p);
      return live ? withLiveModels(p, live) : p;
    }),
  );
  return { providers, active: defaultProvider(providers) };
}

export async function findProvider(id: ProviderKind): Promise<ProviderInfo | undefined> {
  return (await providerSetup()).providers.find((p) => p.id === id);
}
