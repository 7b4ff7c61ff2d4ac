import { notFound } from '@/lib/offline/not-found';
import { preflight } from '@/lib/offline/http';

export const dynamic = 'force-dynamic';

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const DELETE = notFound;
export const PATCH = notFound;
export const OPTIONS = preflight;
