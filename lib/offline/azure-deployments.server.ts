import 'server-only';
/**
 * The offline Azure resource's deployments. A deployment named after a model (gpt-image-2, gpt-6-luna, an alias
 * or an OFFLINE_EXTRA_MODELS id) runs that model, as before; OFFLINE_AZURE_DEPLOYMENTS adds named ones, in the
 * playground's AZURE_OPENAI_DEPLOYMENTS format (`model=deployment` pairs, e.g.
 * `gpt-image-2.6-sunburst=team-images,gpt-6-luna=team-chat`), so the playground's own Azure setup can be pointed
 * here unchanged. Both Azure routes resolve through here: the path deployment (dated), the body's `model` (v1)
 * and the image tool's `x-ms-oai-image-generation-deployment` header.
 */
import { ApiError } from '../errors/api-error';
import { findModel } from '../models/registry';
import { MAIN_MODELS } from '../models/main-models';

let warned = '';

/** deployment → model, from OFFLINE_AZURE_DEPLOYMENTS; a bad pair is skipped with a warning (once per value). */
export function namedDeployments(): Map<string, string> {
  const raw = process.env.OFFLINE_AZURE_DEPLOYMENTS ?? '';
  const map = new Map<string, string>();
  const bad: string[] = [];
  for (const pair of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const parts = pair.split('=').map((s) => s.trim());
    const [model, deployment] = parts;
    if (parts.length !== 2 || !deployment || !(findModel(model) || isMainModel(model))) bad.push(pair);
    else map.set(deployment, model);
  }
  if (bad.length && warned !== raw) {
    warned = raw;
    console.warn(`[offline-api] OFFLINE_AZURE_DEPLOYMENTS: ignoring ${bad.join(', ')} (use model=deployment pairs with a known image or main model)`);
  }
  return map;
}

function isMainModel(id: string): boolean {
  return (MAIN_MODELS as readonly string[]).includes(id);
}

/** The model a deployment runs: a named deployment's model, else the deployment's own name if it is a model. */
export function deploymentModel(deployment: string): string | null {
  const named = namedDeployments().get(deployment);
  if (named) return named;
  if (findModel(deployment) || isMainModel(deployment)) return deployment;
  return null;
}

/** Azure's 404 for a deployment the resource does not have. */
export function deploymentNotFound(deployment: string): ApiError {
  return new ApiError(404, {
    message: `The API deployment '${deployment.slice(0, 60)}' for this resource does not exist. On the offline API, deployments are named after models (e.g. gpt-image-2) or in OFFLINE_AZURE_DEPLOYMENTS (model=deployment pairs).`,
    type: 'invalid_request_error',
    code: 'DeploymentNotFound',
  });
}
