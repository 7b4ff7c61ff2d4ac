import { withOfflineAuth } from '@/lib/offline/auth.server';
import { preflight } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { handleAzureModels } from '@/lib/offline/azure-models.server';

export const dynamic = 'force-dynamic';

const AZURE_DATED = { kind: 'azure', deployment: '', route: 'deployments' } as const;

/** Azure's dated `GET /openai/models?api-version=`: the base models and their retirement (lib/offline/azure-models.server.ts). */
export const GET = withOfflineAuth((request) => handleAzureModels(request, AZURE_DATED), AZURE_DATED);

export const OPTIONS = withOfflineAuth(preflight, AZURE_DATED);
export const POST = withOfflineAuth(methodNotAllowed('GET'), AZURE_DATED);
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
