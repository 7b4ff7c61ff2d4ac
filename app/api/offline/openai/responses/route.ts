import { preflight } from '@/lib/offline/http';
import { methodNotAllowed } from '@/lib/offline/not-found';
import { handleResponses } from '@/lib/offline/responses/handler';

export const dynamic = 'force-dynamic';

/**
 * Azure style: POST /api/offline/openai/responses?api-version=… with `api-key`; `model` is the main deployment,
 * the image tool's deployment comes in the `x-ms-oai-image-generation-deployment` header (api-reference §8).
 */
export function POST(request: Request) {
  return handleResponses(request, { kind: 'azure', deployment: '' });
}

export const OPTIONS = preflight;
export const GET = methodNotAllowed('POST');
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
