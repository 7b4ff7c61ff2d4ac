import { withOfflineAuth } from '@/lib/offline/auth.server';
import { handleIdentityLog, identityMethodNotAllowed } from '@/lib/offline/identity.server';

export const dynamic = 'force-dynamic';

const IDENTITY = { kind: 'identity' } as const;

/** For tests: the tokens issued and what sign-in each Azure-route request carried; DELETE clears (identity-log.server.ts). */
export const GET = withOfflineAuth(handleIdentityLog, IDENTITY);
export const DELETE = GET;
export const POST = withOfflineAuth(identityMethodNotAllowed('GET, DELETE'), IDENTITY);
export const PUT = POST;
export const PATCH = POST;
