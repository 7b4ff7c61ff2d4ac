import 'server-only';
/**
 * Who is calling. Every server action, route handler, offline API route and image URL asks here first.
 * With no passcode configured the playground is open and everyone is `anonymous`; with one, a caller without
 * a valid session cookie is `null` (refused).
 */
import { cookies } from 'next/headers';
import { accessConfig, type Env } from './config';
import { ANONYMOUS, userFromSessionValue } from './door';
import { cookieValue, SESSION_COOKIE } from './session';

export interface User {
  /** Stable id for limits, spend and the audit log: `anonymous`, `team` (the passcode) or `invite:<name>`. */
  id: string;
  /** What the UI and the audit log show. */
  name: string;
}

export { ANONYMOUS };

export async function currentUser(): Promise<User | null> {
  // Open playground: no request APIs needed (callable outside a request, exactly as before the door).
  if (!accessConfig().enabled) return ANONYMOUS;
  const jar = await cookies();
  return userFromSessionValue(jar.get(SESSION_COOKIE)?.value, process.env);
}

/** The same answer from a request's headers, for route handlers and the proxy. */
export function userFromHeaders(headers: Headers, env: Env = process.env): User | null {
  return userFromSessionValue(cookieValue(headers.get('cookie')), env);
}

/** What an action or route answers a caller without a session (the shape of every other error). */
export const SIGN_IN_REQUIRED = {
  status: 401,
  message: 'Sign in first: this playground asks for a passcode. Open the page again to reach the sign-in form.',
  type: 'invalid_request_error',
  param: null,
  code: 'unauthorized',
} as const;
