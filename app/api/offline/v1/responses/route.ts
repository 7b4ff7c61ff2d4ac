import { preflight } from '@/lib/offline/http';
import { methodNotAllowed } from '@/lib/offline/not-found';
import { handleResponses } from '@/lib/offline/responses/handler';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleResponses(request, { kind: 'openai' });
}

export const OPTIONS = preflight;
export const GET = methodNotAllowed('POST');
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
