import 'server-only';
/**
 * Azure's `GET /models` on the offline resource (v1 `/openai/v1/models`, dated `/openai/models?api-version=`): the
 * base models it can deploy, in Azure's shape, each with `lifecycle_status` and its retirement as
 * `deprecation.inference` (epoch seconds), from Azure's own table (lib/models/lifecycle.ts). OFFLINE_AZURE_RETIREMENTS
 * (`model=YYYY-MM-DD,…`) moves a date, as Azure does when it announces one, so the playground's reading of it is
 * tested against a date the shipped table does not have.
 */
import { MAIN_MODELS } from '../models/main-models';
import { lifecycleOf } from '../models/lifecycle';
import { MODELS } from '../models/registry';
import { checkAuth, type Flavor } from './auth.server';
import { checkApiVersion } from './azure-auth.server';
import { errorResponse, jsonResponse, requestId, toApiError } from './http.server';

export interface AzureModelObject {
  id: string;
  object: 'model';
  status: 'succeeded';
  created_at: number;
  lifecycle_status: 'preview' | 'generally-available';
  capabilities: { inference: boolean; chat_completion: boolean; fine_tune: boolean };
  deprecation?: { inference: number };
}

function overrides(): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (process.env.OFFLINE_AZURE_RETIREMENTS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, day] = pair.split('=').map((s) => s.trim());
    if (id && /^\d{4}-\d{2}-\d{2}$/.test(day ?? '')) map.set(id, day);
    else console.warn(`[offline] OFFLINE_AZURE_RETIREMENTS: '${pair}' is not model=YYYY-MM-DD; ignored`);
  }
  return map;
}

export function azureModelList(): AzureModelObject[] {
  const moved = overrides();
  const entry = (id: string, kind: 'image' | 'main'): AzureModelObject => {
    const day = moved.get(id) ?? lifecycleOf(kind, 'azure', id).shutdown;
    return {
      id,
      object: 'model',
      status: 'succeeded',
      created_at: 0,
      // Azure listed gpt-image-1 as preview (api-2026-12 §6.2).
      lifecycle_status: id === 'gpt-image-1' ? 'preview' : 'generally-available',
      capabilities: { inference: true, chat_completion: kind === 'main', fine_tune: false },
      ...(day ? { deprecation: { inference: Date.parse(`${day}T00:00:00Z`) / 1000 } } : {}),
    };
  };
  return [...MODELS.map((m) => entry(m.id, 'image')), ...MAIN_MODELS.map((id) => entry(id, 'main'))];
}

export function handleAzureModels(request: Request, flavor: Extract<Flavor, { kind: 'azure' }>): Response {
  const id = requestId();
  try {
    checkAuth(request.headers, flavor);
    checkApiVersion(request, flavor.route ?? 'v1');
    return jsonResponse({ object: 'list', data: azureModelList() }, 200, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  }
}
