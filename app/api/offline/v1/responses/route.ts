import { preflight } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { handleResponses } from '@/lib/offline/responses/handler.server';
import { withOfflineAuth } from '@/lib/offline/auth.server';

export const dynamic = 'force-dynamic';

export const POST = withOfflineAuth((request) => handleResponses(request, { kind: 'openai' }));

export const OPTIONS = withOfflineAuth(preflight);
export const GET = withOfflineAuth(methodNotAllowed('POST'));
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
