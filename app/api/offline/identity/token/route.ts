import { withOfflineAuth } from '@/lib/offline/auth.server';
import { handleIdentityToken, identityMethodNotAllowed } from '@/lib/offline/identity.server';

export const dynamic = 'force-dynamic';

const IDENTITY = { kind: 'identity' } as const;

/** The managed identity stand-in's token endpoint (IDENTITY_ENDPOINT): lib/offline/identity.server.ts. */
export const GET = withOfflineAuth(handleIdentityToken, IDENTITY);
export const POST = withOfflineAuth(identityMethodNotAllowed('GET'), IDENTITY);
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
