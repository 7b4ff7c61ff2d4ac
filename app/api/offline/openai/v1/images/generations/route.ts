import { handleImages } from '@/lib/offline/images.server';
import { preflight } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { withOfflineAuth } from '@/lib/offline/auth.server';

export const dynamic = 'force-dynamic';

/** Azure's v1 route: the deployment is the body's `model`, api-version optional (lib/offline/azure-auth.server.ts). */
const AZURE_V1 = { kind: 'azure', deployment: '', route: 'v1' } as const;

export const POST = withOfflineAuth((request) => handleImages('generations', request, AZURE_V1), AZURE_V1);

export const OPTIONS = withOfflineAuth(preflight, AZURE_V1);
export const GET = withOfflineAuth(methodNotAllowed('POST'), AZURE_V1);
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
