import { notFound } from '@/lib/offline/not-found.server';
import { preflight } from '@/lib/offline/http.server';
import { withOfflineAuth } from '@/lib/offline/auth.server';

export const dynamic = 'force-dynamic';

export const GET = withOfflineAuth(notFound);
export const POST = GET;
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
export const OPTIONS = withOfflineAuth(preflight);
