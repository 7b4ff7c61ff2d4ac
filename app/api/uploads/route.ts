/**
 * Uploads for edits and chat attachments (lib/uploads/receive.server.ts). The session is checked from the headers
 * before the body is read, so a caller without one cannot make the server hold a large body; actions then
 * carry only upload ids and keep Next's small server-action body limit.
 */
import { withUser } from '@/lib/access/guard.server';
import { receiveUpload } from '@/lib/uploads/receive.server';

export const dynamic = 'force-dynamic';

export const POST = withUser((request, _ctx, user) => receiveUpload(request, user));
