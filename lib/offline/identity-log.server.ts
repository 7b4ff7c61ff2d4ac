import 'server-only';
/**
 * What the managed identity stand-in issued and what the Azure routes were sent, so a test can assert that the
 * playground sent exactly the issued tokens and no api-key. Kept on globalThis because Next.js bundles each route
 * apart: the token route and the image routes would otherwise each keep a log of their own. Bounded: the last
 * LOG_LIMIT of each. Recorded only while the stand-in is enabled (OFFLINE_IDENTITY_HEADER).
 */
import type { AzureRoute } from './auth.server';

export const LOG_LIMIT = 500;

export interface IssuedToken {
  token: string;
  jti: string;
  exp: number;
}

export interface SeenRequest {
  route: AzureRoute;
  path: string;
  /** The jti of a bearer token this server signed (expired or not), else null. */
  jti: string | null;
  apiKey: boolean;
  bearer: boolean;
}

interface IdentityLog {
  issued: IssuedToken[];
  seen: SeenRequest[];
}

const KEY = Symbol.for('image-playground.offline-identity-log');

function log(): IdentityLog {
  const g = globalThis as unknown as Record<symbol, IdentityLog | undefined>;
  return (g[KEY] ??= { issued: [], seen: [] });
}

function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > LOG_LIMIT) list.splice(0, list.length - LOG_LIMIT);
}

export function recordIssued(entry: IssuedToken): void {
  push(log().issued, entry);
}

export function recordSeen(entry: SeenRequest): void {
  push(log().seen, entry);
}

export function identityLog(): IdentityLog {
  const l = log();
  return { issued: [...l.issued], seen: [...l.seen] };
}

export function clearIdentityLog(): void {
  const l = log();
  l.issued.length = 0;
  l.seen.length = 0;
}
