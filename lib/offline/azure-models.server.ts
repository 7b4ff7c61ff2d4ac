import 'server-only';
/** Azure v1's `GET /models` on the offline resource: its deployments, in OpenAI's list shape. */
import { checkAuth, type Flavor } from './auth.server';
import { checkApiVersion } from './azure-auth.server';
import { deploymentList } from './azure-deployments.server';
import { errorResponse, jsonResponse, requestId, toApiError } from './http.server';

export function handleAzureModels(request: Request, flavor: Extract<Flavor, { kind: 'azure' }>): Response {
  const id = requestId();
  try {
    checkAuth(request.headers, flavor);
    checkApiVersion(request, flavor.route ?? 'v1');
    return jsonResponse({ object: 'list', data: deploymentList() }, 200, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  }
}
