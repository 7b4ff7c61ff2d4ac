/**
 * The door's one question, without Next.js request APIs: which user does this session cookie value belong to?
 * Shared by currentUser() (server actions, pages), route handlers and the proxy.
 */
import { accessConfig, type Env } from './config';
import { signingKey, verifySession } from './session';
import type { User } from './user.server';

export const ANONYMOUS: User = { id: 'anonymous', name: 'anonymous' };

export function userFromSessionValue(value: string | undefined, env: Env = process.env, now = Date.now()): User | null {
  const config = accessConfig(env);
  if (!config.enabled) return ANONYMOUS;
  // A misconfigured door stays shut rather than open.
  if (config.error) return null;
  return verifySession(value, config, signingKey(config), now);
}
