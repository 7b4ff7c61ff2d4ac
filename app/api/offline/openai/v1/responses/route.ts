import { preflight } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { handleResponses } from '@/lib/offline/responses/handler.server';
import { withOfflineAuth } from '@/lib/offline/auth.server';

export const dynamic = 'force-dynamic';

/**
 * Azure's v1 route: POST /api/offline/openai/v1/responses, `model` the main deployment, the image tool's deployment
 * in the `x-ms-oai-image-generation-deployment` header, api-version optional.
 */
const AZURE_V1 = { kind: 'azure', deployment: '', route: 'v1' } as const;

export const POST = withOfflineAuth((request) => handleResponses(request, AZURE_V1), AZURE_V1);

export const OPTIONS = withOfflineAuth(preflight, AZURE_V1);
export const GET = withOfflineAuth(methodNotAllowed('POST'), AZURE_V1);
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
