import { preflight } from '@/lib/offline/http';
import { methodNotAllowed } from '@/lib/offline/not-found';
import { handleGetFile } from '@/lib/offline/responses/files';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return handleGetFile(request, decodeURIComponent((await ctx.params).id), { kind: 'openai' });
}

export const OPTIONS = preflight;
export const POST = methodNotAllowed('GET');
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
