/**
 * Pages only (API routes and server actions check the session themselves and are not matched here, so their
 * bodies are never buffered by the proxy): a per-request CSP nonce that Next.js puts on its own scripts, and a
 * redirect to /login when a passcode closes the playground and the visitor has no session.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { userFromSessionValue } from './lib/access/door';
import { SESSION_COOKIE } from './lib/access/session';
import { pageCsp } from './lib/access/csp';

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (path !== '/login' && !userFromSessionValue(request.cookies.get(SESSION_COOKIE)?.value)) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', path + request.nextUrl.search);
    return NextResponse.redirect(login, 303);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === 'development', https: request.nextUrl.protocol === 'https:' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static/|_next/image|favicon.ico|favicon.svg).*)',
      // Server actions post to page paths: they check currentUser() themselves, and a matched request would have
      // its (up to 805 MB) body buffered by the proxy.
      missing: [{ type: 'header', key: 'next-action' }],
    },
  ],
};
