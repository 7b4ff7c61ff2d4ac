import { handleImages, type ImagesOperation } from '@/lib/offline/images';
import { notFound } from '@/lib/offline/not-found';
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
