import 'server-only';
/**
 * Who is calling. Every server action, route handler, offline API route and image URL asks here first.
 * With no passcode configured the playground is open and everyone is `anonymous`; with one, a caller without
 * a valid session cookie is `null` (refused).
 */
export interface User {
  /** Stable id for limits, spend and the audit log: `anonymous`, `team` (the passcode) or `invite:<name>`. */
  id: string;
  /** What the UI and the audit log show. */
  name: string;
}

export const ANONYMOUS: User = { id: 'anonymous', name: 'anonymous' };

export async function currentUser(): Promise<User | null> {
  return ANONYMOUS;
}

/** What an action or route answers a caller without a session (the shape of every other error). */
export const SIGN_IN_REQUIRED = {
  status: 401,
  message: 'Sign in first: this playground asks for a passcode. Open the page again to reach the sign-in form.',
  type: 'invalid_request_error',
  param: null,
  code: 'unauthorized',
} as const;
