import { preflight } from '@/lib/offline/http';
import { methodNotAllowed } from '@/lib/offline/not-found';
import { handleGetInputItems } from '@/lib/offline/responses/handler';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return handleGetInputItems(request, decodeURIComponent((await ctx.params).id), { kind: 'openai' });
}

export const OPTIONS = preflight;
export const POST = methodNotAllowed('GET');
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
