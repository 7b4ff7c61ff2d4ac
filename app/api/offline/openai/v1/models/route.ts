import { withOfflineAuth } from '@/lib/offline/auth.server';
import { preflight } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { handleAzureModels } from '@/lib/offline/azure-models.server';

export const dynamic = 'force-dynamic';

const AZURE_V1 = { kind: 'azure', deployment: '', route: 'v1' } as const;

/** Azure's v1 `GET /models`: the base models and their retirement (lib/offline/azure-models.server.ts). */
export const GET = withOfflineAuth((request) => handleAzureModels(request, AZURE_V1), AZURE_V1);

export const OPTIONS = withOfflineAuth(preflight, AZURE_V1);
export const POST = withOfflineAuth(methodNotAllowed('GET'), AZURE_V1);
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
