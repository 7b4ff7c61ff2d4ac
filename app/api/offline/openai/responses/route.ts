import { preflight } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { handleResponses } from '@/lib/offline/responses/handler.server';
import { withOfflineAuth } from '@/lib/offline/auth.server';

const AZURE = { kind: 'azure', deployment: '' } as const;

export const dynamic = 'force-dynamic';

/**
 * Azure style: POST /api/offline/openai/responses?api-version=… with `api-key`; `model` is the main deployment,
 * the image tool's deployment comes in the `x-ms-oai-image-generation-deployment` header (api-reference §8).
 */
export const POST = withOfflineAuth((request) => handleResponses(request, AZURE), AZURE);

export const OPTIONS = withOfflineAuth(preflight, AZURE);
export const GET = withOfflineAuth(methodNotAllowed('POST'), AZURE);
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
