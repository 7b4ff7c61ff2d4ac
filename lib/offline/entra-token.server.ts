import 'server-only';
/**
 * The offline stand-in's Entra access tokens: `offline-entra.<base64url JSON {jti, aud, exp, iat}>.<base64url
 * HMAC-SHA256>`. Stateless and keyed by a secret derived from OFFLINE_IDENTITY_HEADER, so any instance of the
 * server that shares that setting can verify a token another one issued, without a store. Tokens are secrets:
 * nothing here logs one, and a failed check says why (expired, audience, invalid) without echoing it.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'offline-entra.';
const DEFAULT_TTL_S = 3600;
export const DEFAULT_AUDIENCES = ['https://ai.azure.com', 'https://cognitiveservices.azure.com'];

export interface TokenPayload {
  jti: string;
  aud: string;
  /** Epoch seconds. */
  exp: number;
  iat: number;
}

export type TokenCheck =
  | { ok: true; payload: TokenPayload }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired' | 'audience'; payload: TokenPayload };

/** The shared secret operators put in IDENTITY_HEADER; unset = no managed identity stand-in. */
export function identitySecret(): string | null {
  return process.env.OFFLINE_IDENTITY_HEADER || null;
}

/** A key of its own, not the header value itself: a leaked token signature says nothing about the header. */
function signingKey(secret: string): Buffer {
  return createHash('sha256').update('offline-entra-token-key\u0000').update(secret).digest();
}

function sign(secret: string, data: string): string {
  return createHmac('sha256', signingKey(secret)).update(data).digest('base64url');
}

export function tokenTtlSeconds(): number {
  const n = Number(process.env.OFFLINE_TOKEN_TTL_S);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : DEFAULT_TTL_S;
}

/** A resource or audience without its trailing slash: `https://ai.azure.com/` and `https://ai.azure.com` are one. */
export function normalAudience(aud: string): string {
  return aud.trim().replace(/\/+$/, '');
}

/** OFFLINE_AZURE_AUDIENCE (comma list), else Azure OpenAI's two: the Foundry one and the Cognitive Services one. */
export function acceptedAudiences(): string[] {
  const list = (process.env.OFFLINE_AZURE_AUDIENCE ?? '').split(',').map(normalAudience).filter(Boolean);
  return list.length ? list : DEFAULT_AUDIENCES;
}

export function issueToken(secret: string, audience: string, nowS = Math.floor(Date.now() / 1000)): { token: string; payload: TokenPayload } {
  const payload: TokenPayload = { jti: randomUUID(), aud: normalAudience(audience), exp: nowS + tokenTtlSeconds(), iat: nowS };
  const body = `${TOKEN_PREFIX}${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return { token: `${body}.${sign(secret, body)}`, payload };
}

/** The payload of a token this secret signed, whatever its expiry or audience; null for anything else. */
export function signedPayload(token: string, secret: string | null): TokenPayload | null {
  if (!secret || !token.startsWith(TOKEN_PREFIX)) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= TOKEN_PREFIX.length) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(secret, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const p = JSON.parse(Buffer.from(body.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8')) as Partial<TokenPayload>;
    if (typeof p.jti !== 'string' || typeof p.aud !== 'string' || typeof p.exp !== 'number' || typeof p.iat !== 'number') return null;
    return { jti: p.jti, aud: p.aud, exp: p.exp, iat: p.iat };
  } catch {
    return null;
  }
}

export function verifyToken(token: string, opts: { secret?: string | null; audiences?: string[]; nowS?: number } = {}): TokenCheck {
  const payload = signedPayload(token, opts.secret === undefined ? identitySecret() : opts.secret);
  if (!payload) return { ok: false, reason: 'invalid' };
  if (payload.exp <= (opts.nowS ?? Date.now() / 1000)) return { ok: false, reason: 'expired', payload };
  if (!(opts.audiences ?? acceptedAudiences()).includes(normalAudience(payload.aud))) return { ok: false, reason: 'audience', payload };
  return { ok: true, payload };
}
