import { checkAuth, withOfflineAuth } from '@/lib/offline/auth.server';
import { errorResponse, jsonResponse, preflight, requestId, toApiError } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { modelList, modelNotFound, serveRetired } from '@/lib/offline/lineup.server';

export const dynamic = 'force-dynamic';

/** `client.models.retrieve(id)`: one entry of GET /models, or 404 model_not_found for an id it does not list. */
export const GET = withOfflineAuth(async (request, ctx: { params: Promise<{ id: string }> }) => {
  const id = requestId();
  try {
    checkAuth(request.headers, { kind: 'openai' });
    const model = (await ctx.params).id;
    const found = modelList(serveRetired(request.headers)).find((m) => m.id === model);
    if (!found) throw modelNotFound(model);
    return jsonResponse(found, 200, id);
  } catch (e) {
    return errorResponse(toApiError(e), id);
  }
});

export const OPTIONS = withOfflineAuth(preflight);
export const POST = withOfflineAuth(methodNotAllowed('GET'));
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
