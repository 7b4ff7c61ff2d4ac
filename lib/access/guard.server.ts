import 'server-only';
/**
 * The guard for route handlers outside the offline API (which has its own, lib/offline/auth.server.ts, because it
 * also takes keys): no session, no handler — a 401 in the app's error shape. Every exported method of every
 * app/**\/route.ts goes through one of the two (e2e/hosting/access-guard.spec.ts checks it).
 */
import { SIGN_IN_REQUIRED, userFromHeaders, type User } from './user.server';

type Handler<C> = (request: Request, ctx: C, user: User) => Response | Promise<Response>;

export function withUser<C = unknown>(handler: Handler<C>): (request: Request, ctx: C) => Response | Promise<Response> {
  return (request, ctx) => {
    const user = userFromHeaders(request.headers);
    if (!user) {
      const { status, ...error } = SIGN_IN_REQUIRED;
      return Response.json({ error }, { status, headers: { 'cache-control': 'no-store' } });
    }
    return handler(request, ctx, user);
  };
}
