import { checkAuth, withOfflineAuth } from '@/lib/offline/auth.server';
import { errorResponse, jsonResponse, preflight, requestId, toApiError } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { MODELS } from '@/lib/models/registry';

export const dynamic = 'force-dynamic';

/** `client.models.list()` against the offline API: the image models it serves. */
export const GET = withOfflineAuth((request) => {
  const id = requestId();
  try {
    checkAuth(request.headers, { kind: 'openai' });
    const data = MODELS.map((m) => ({ id: m.id, object: 'model', created: 0, owned_by: 'offline' }));
    return jsonResponse({ object: 'list', data }, 200, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  }
});

export const OPTIONS = withOfflineAuth(preflight);
export const POST = withOfflineAuth(methodNotAllowed('GET'));
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
