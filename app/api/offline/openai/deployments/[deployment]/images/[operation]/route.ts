import { handleImages, type ImagesOperation } from '@/lib/offline/images.server';
import { methodNotAllowed, notFound } from '@/lib/offline/not-found.server';
import { preflight } from '@/lib/offline/http.server';
import { withOfflineAuth } from '@/lib/offline/auth.server';

export const dynamic = 'force-dynamic';

const OPERATIONS: readonly string[] = ['generations', 'edits', 'variations'];

type Ctx = { params: Promise<{ deployment: string; operation: string }> };
const AZURE = { kind: 'azure', deployment: '' } as const;

/** Azure style: /api/offline/openai/deployments/{deployment}/images/{operation}?api-version=… with `api-key`. */
export const POST = withOfflineAuth(async (request, ctx: Ctx) => {
  const { deployment, operation } = await ctx.params;
  if (!OPERATIONS.includes(operation)) return notFound(request);
  return handleImages(operation as ImagesOperation, request, { kind: 'azure', deployment: deployment });
}, AZURE);

export const OPTIONS = withOfflineAuth(preflight, AZURE);

const wrongMethod = methodNotAllowed('POST');

/** Other methods: 405 on a real operation, 404 on an unknown one (as POST does). */
export const GET = withOfflineAuth(async (request, ctx: Ctx) =>
  OPERATIONS.includes((await ctx.params).operation) ? wrongMethod(request) : notFound(request), AZURE);
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
