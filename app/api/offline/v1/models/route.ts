import { checkAuth, withOfflineAuth } from '@/lib/offline/auth.server';
import { errorResponse, jsonResponse, preflight, requestId, toApiError } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { modelList, serveRetired } from '@/lib/offline/lineup.server';

export const dynamic = 'force-dynamic';

/**
 * `client.models.list()` against the offline API: the image models (with their dated snapshots), the extra ids of
 * OFFLINE_EXTRA_MODELS and the mainline models it serves, each with `shutdown_date` (api-2026-12 §5). Shut-down
 * models are listed only when served (`x-offline-serve-retired: 1`, OFFLINE_SERVE_RETIRED=1; lib/offline/lineup.server.ts).
 */
export const GET = withOfflineAuth((request) => {
  const id = requestId();
  try {
    checkAuth(request.headers, { kind: 'openai' });
    return jsonResponse({ object: 'list', data: modelList(serveRetired(request.headers)) }, 200, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  }
});

export const OPTIONS = withOfflineAuth(preflight);
export const POST = withOfflineAuth(methodNotAllowed('GET'));
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
