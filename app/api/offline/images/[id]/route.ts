import { getImage } from '@/lib/offline/url-store.server';
import { OUTPUT_MIME } from '@/lib/images/sniff';
import { methodNotAllowed, notFound } from '@/lib/offline/not-found.server';
import { withOfflineAuth } from '@/lib/offline/auth.server';

export const dynamic = 'force-dynamic';

/**
 * dall-e `response_format: url` images, valid for 60 minutes like the real ones. Public like OpenAI's when the
 * playground is open; behind the session (or a key) when a passcode closes it.
 */
export const GET = withOfflineAuth(async (request, ctx: { params: Promise<{ id: string }> }) => {
  const item = getImage((await ctx.params).id);
  if (!item) return notFound(request);
  return new Response(new Uint8Array(item.bytes), {
    headers: {
      'content-type': OUTPUT_MIME[item.format],
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
      'access-control-allow-origin': '*',
    },
  });
});

export const POST = withOfflineAuth(methodNotAllowed('GET'));
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
