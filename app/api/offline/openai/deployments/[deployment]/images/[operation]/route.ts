import { handleImages, type ImagesOperation } from '@/lib/offline/images';
import { methodNotAllowed, notFound } from '@/lib/offline/not-found';
import { preflight } from '@/lib/offline/http';

export const dynamic = 'force-dynamic';

const OPERATIONS: readonly string[] = ['generations', 'edits', 'variations'];

/** Azure style: /api/offline/openai/deployments/{deployment}/images/{operation}?api-version=… with `api-key`. */
export async function POST(request: Request, ctx: { params: Promise<{ deployment: string; operation: string }> }) {
  const { deployment, operation } = await ctx.params;
  if (!OPERATIONS.includes(operation)) return notFound(request);
  return handleImages(operation as ImagesOperation, request, { kind: 'azure', deployment: decodeURIComponent(deployment) });
}

export const OPTIONS = preflight;

const wrongMethod = methodNotAllowed('POST');

/** Other methods: 405 on a real operation, 404 on an unknown one (as POST does). */
export async function GET(request: Request, ctx: { params: Promise<{ deployment: string; operation: string }> }) {
  return OPERATIONS.includes((await ctx.params).operation) ? wrongMethod(request) : notFound(request);
}
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
