import { preflight } from '@/lib/offline/http';
import { methodNotAllowed } from '@/lib/offline/not-found';
import { handleCreateFile } from '@/lib/offline/responses/files';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleCreateFile(request, { kind: 'openai' });
}

export const OPTIONS = preflight;
export const GET = methodNotAllowed('POST');
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
