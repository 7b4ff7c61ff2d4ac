import 'server-only';
/**
 * A stand-in for Azure App Service's managed identity endpoint, so the playground's real DefaultAzureCredential
 * can sign in to the offline Azure routes without a tenant. It speaks the protocol as MSAL's AppService source
 * sends it (@azure/msal-node ManagedIdentitySources/AppService.mjs): `GET ?api-version=2019-08-01&resource=<scope
 * without /.default>` with `X-IDENTITY-HEADER: <secret>`, answered `{access_token, expires_on, resource,
 * token_type, client_id}` (`expires_on` in epoch seconds as a string, as App Service sends it; MSAL's
 * BaseManagedIdentitySource subtracts the time from it, which coerces). Operators set IDENTITY_ENDPOINT to
 * …/api/offline/identity/token and IDENTITY_HEADER to the value of OFFLINE_IDENTITY_HEADER; without that variable
 * the routes do not exist (404). Errors use `{error: {code, message}}`, which MSAL reads as error and description.
 */
import { timingSafeEqual } from 'node:crypto';
import { identitySecret, issueToken } from './entra-token.server';
import { clearIdentityLog, identityLog, recordIssued } from './identity-log.server';
import { CORS_HEADERS } from './http.server';
import { notFound } from './not-found.server';

export const IDENTITY_API_VERSION = '2019-08-01';
/** The system-assigned identity's client id (any GUID would do; a fixed one reads as offline in logs). */
export const OFFLINE_CLIENT_ID = '0ff11e00-0000-4000-8000-000000000001';

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

function fail(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

function secretMatches(given: string | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the caller presents the identity secret (what MSAL sends): its credential, passcode or not. */
export function presentsIdentitySecret(headers: Headers): boolean {
  const secret = identitySecret();
  return !!secret && secretMatches(headers.get('x-identity-header'), secret);
}

/** null when the caller may go on; else the 404 (stand-in off) or 401 (wrong or missing secret header). */
function gate(request: Request): Response | null {
  const secret = identitySecret();
  if (!secret) return notFound(request);
  if (!secretMatches(request.headers.get('x-identity-header'), secret)) {
    return fail(401, 'Unauthorized', 'The X-IDENTITY-HEADER header is missing or does not match this identity endpoint (OFFLINE_IDENTITY_HEADER).');
  }
  return null;
}

export function handleIdentityToken(request: Request): Response {
  const refused = gate(request);
  if (refused) return refused;
  const q = new URL(request.url).searchParams;
  const version = q.get('api-version');
  if (version !== IDENTITY_API_VERSION) {
    return fail(400, 'UnsupportedApiVersion', `The api-version '${(version ?? '').slice(0, 40)}' is not supported: this endpoint speaks ${IDENTITY_API_VERSION}.`);
  }
  const resource = q.get('resource')?.trim();
  if (!resource) return fail(400, 'invalid_resource', "Missing required query parameter: 'resource' (the scope without /.default, e.g. https://cognitiveservices.azure.com).");
  const { token, payload } = issueToken(identitySecret()!, resource);
  recordIssued({ token, jti: payload.jti, exp: payload.exp });
  return json({
    access_token: token,
    expires_on: String(payload.exp),
    // Kept as asked (with any trailing slash), as App Service echoes it; MSAL caches the token under it.
    resource,
    token_type: 'Bearer',
    client_id: q.get('client_id') ?? OFFLINE_CLIENT_ID,
  }, 200);
}

/** GET: what was issued and what the Azure routes saw (identity-log.server.ts); DELETE: forget it. */
export function handleIdentityLog(request: Request): Response {
  const refused = gate(request);
  if (refused) return refused;
  if (request.method === 'DELETE') clearIdentityLog();
  return json(identityLog(), 200);
}

export function identityMethodNotAllowed(allowed: string): (request: Request) => Response {
  return (request) => {
    const refused = gate(request);
    if (refused) return refused;
    return new Response(JSON.stringify({ error: { code: 'MethodNotAllowed', message: `Use ${allowed}.` } }), {
      status: 405,
      headers: { 'content-type': 'application/json', allow: allowed, ...CORS_HEADERS },
    });
  };
}
