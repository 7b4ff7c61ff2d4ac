/**
 * The session cookie: `v1.<payload>.<HMAC-SHA256>` in base64url, payload `{ sub, name, exp }`. The signing key is
 * derived from SESSION_SECRET and every configured code, so instances with the same environment agree and
 * changing any code signs everyone out.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AccessConfig } from './config';
import type { User } from './user.server';

export const SESSION_COOKIE = 'playground_session';
/** Instances' clocks may differ a little. */
const CLOCK_SLACK_MS = 60_000;

export function signingKey(config: Pick<AccessConfig, 'secret' | 'codes'>): Buffer {
  const codes = config.codes.map((c) => `${c.userId}\u0000${c.code}`).join('\u0001');
  return createHmac('sha256', `image-playground-session-v1\u0000${config.secret}`).update(codes).digest();
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`v1.${payload}`).digest();
}

export function signSession(user: User, key: Buffer, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ sub: user.id, name: user.name, exp: expiresAt })).toString('base64url');
  return `v1.${payload}.${mac(key, payload).toString('base64url')}`;
}

/**
 * The user a cookie names, or null when it is malformed, forged, expired, names a code no longer configured, or
 * claims a lifetime longer than this server gives (one minted with the derived key must not outlive the rules).
 */
export function verifySession(value: string | undefined, config: Pick<AccessConfig, 'codes' | 'sessionMaxAgeMs'>, key: Buffer, now = Date.now()): User | null {
  if (!value || value.length > 1024) return null;
  const [version, payload, sig] = value.split('.');
  if (version !== 'v1' || !payload || !sig) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; name?: unknown; exp?: unknown };
    if (typeof data.sub !== 'string' || typeof data.name !== 'string' || typeof data.exp !== 'number' || data.exp <= now || data.exp > now + config.sessionMaxAgeMs + CLOCK_SLACK_MS) return null;
    if (!config.codes.some((c) => c.userId === data.sub)) return null;
    return { id: data.sub, name: data.name };
  } catch {
    return null;
  }
}

/** The session cookie's value from a raw Cookie header (route handlers and the proxy read headers, not cookies()). */
export function cookieValue(cookieHeader: string | null, name = SESSION_COOKIE): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
