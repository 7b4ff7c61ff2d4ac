import { handleImages } from '@/lib/offline/images';
import { preflight } from '@/lib/offline/http';
import { methodNotAllowed } from '@/lib/offline/not-found';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleImages('variations', request, { kind: 'openai' });
}

export const OPTIONS = preflight;
export const GET = methodNotAllowed('POST');
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
