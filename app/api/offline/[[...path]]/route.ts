import { notFound } from '@/lib/offline/not-found';
import { preflight } from '@/lib/offline/http';
import { withOfflineAuth } from '@/lib/offline/auth';

export const dynamic = 'force-dynamic';

export const GET = withOfflineAuth(notFound);
export const POST = GET;
export const PUT = GET;
export const DELETE = GET;
export const PATCH = GET;
export const OPTIONS = withOfflineAuth(preflight);
