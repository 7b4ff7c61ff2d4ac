import { handleImages } from '@/lib/offline/images.server';
import { preflight } from '@/lib/offline/http.server';
import { methodNotAllowed } from '@/lib/offline/not-found.server';
import { withOfflineAuth } from '@/lib/offline/auth.server';

export const dynamic = 'force-dynamic';

export const POST = withOfflineAuth((request) => handleImages('edits', request, { kind: 'openai' }));

export const OPTIONS = withOfflineAuth(preflight);
export const GET = withOfflineAuth(methodNotAllowed('POST'));
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
