/**
 * On Azure a request names a deployment, not a model (api-2026-12 §6.1): the body's `model` on the v1 route, the
 * path on the dated one, the image tool's `x-ms-oai-image-generation-deployment` header, the chat's main model.
 * Elsewhere the model id goes as chosen.
 */
import type { ProviderInfo } from './config';

export function upstreamModel(provider: Pick<ProviderInfo, 'id' | 'deployments'>, model: string): string {
  return provider.id === 'azure' ? (provider.deployments?.[model] ?? model) : model;
}
