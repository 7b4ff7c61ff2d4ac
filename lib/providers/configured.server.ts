import 'server-only';
/** The configured providers, read once per server process; errors in configuration are reported, not thrown. */
import { defaultProvider, providersFromEnv, type ProviderInfo, type ProviderKind } from './config';

export interface ProviderSetup {
  providers: ProviderInfo[];
  active?: ProviderInfo;
  /** A configuration mistake, said plainly (never containing a key). */
  error?: string;
}

export function providerSetup(): ProviderSetup {
  try {
    const providers = providersFromEnv();
    return { providers, active: defaultProvider(providers) };
  } catch (e) {
    return { providers: [], error: e instanceof Error ? e.message : String(e) };
  }
}

export function findProvider(id: ProviderKind): ProviderInfo | undefined {
  return providerSetup().providers.find((p) => p.id === id);
}
