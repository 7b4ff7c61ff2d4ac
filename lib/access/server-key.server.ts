import 'server-only';
/**
 * The key the server sends to its own offline API when a passcode closes the door. Derived from the session
 * signing key (so instances with the same environment agree, and it changes when a code does); it never
 * leaves the server but on the loopback call, and is compared in constant time like any key.
 */
import { createHmac } from 'node:crypto';
import { accessConfig, type Env } from './config';
import { signingKey } from './session';

export function internalOfflineKey(env: Env = process.env): string | null {
  const config = accessConfig(env);
  if (!config.enabled) return null;
  return `sk-internal-${createHmac('sha256', signingKey(config)).update('offline-api-internal-key').digest('base64url')}`;
}
