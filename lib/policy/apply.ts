/**
 * The one function that applies the policy to the providers: which providers and models are left and how
 * each model's options narrow. The UI offers exactly this; the server refuses anything outside it (check.ts).
 */
import { capsFor } from '../models/caps';
import { findModel } from '../models/registry';
import type { Endpoint } from '../models/types';
import type { ProviderInfo } from '../providers/config';
import { policyNarrowing, type Policy } from './policy';

const ENDPOINTS: readonly Endpoint[] = ['generate', 'edit', 'variation', 'responses'];

/** A provider as the policy leaves it, or undefined when the policy leaves nothing of it. */
export function applyPolicy(provider: ProviderInfo, policy: Policy): ProviderInfo | undefined {
  if (policy.providers && !policy.providers.includes(provider.id)) return undefined;
  const narrowing = { ...provider.narrowing, ...policyNarrowing(policy) };
  // A model stays if the policy names it and the limits leave something to ask for on one of its endpoints.
  const models = provider.models.filter(
    (m) => (!policy.models || policy.models.includes(m) || policy.models.includes(findModel(m)?.id ?? m)) && ENDPOINTS.some((e) => findModel(m)?.endpoints[e] && capsFor(m, e, narrowing)),
  );
  if (!models.length) return undefined;
  return { ...provider, models, defaultModel: models.includes(provider.defaultModel) ? provider.defaultModel : models[0], narrowing };
}

export function applyPolicyToAll(providers: readonly ProviderInfo[], policy: Policy): ProviderInfo[] {
  return providers.map((p) => applyPolicy(p, policy)).filter((p): p is ProviderInfo => !!p);
}
