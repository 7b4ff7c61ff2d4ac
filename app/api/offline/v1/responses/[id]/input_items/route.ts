import { preflight } from '@/lib/offline/http.server';
import { withOfflineAuth } from '@/lib/offline/auth.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { handleGetInputItems } from '@/lib/offline/responses/handler.server';

export const dynamic = 'force-dynamic';

export const GET = withOfflineAuth(async (request, ctx: { params: Promise<{ id: string }> }) =>
  handleGetInputItems(request, (await ctx.params).id, { kind: 'openai' }),
);

export const OPTIONS = withOfflineAuth(preflight);
export const POST = withOfflineAuth(methodNotAllowed('GET'));
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
