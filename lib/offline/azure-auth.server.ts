import 'server-only';
/**
 * Azure-route sign-in and api-version for the offline API.
 *
 * Keys or tokens: Azure takes `api-key: <key>` or `Authorization: Bearer <Entra token>`. With
 * OFFLINE_AZURE_AUTH=entra the offline resource is keyless, like one with local auth disabled: only a valid
 * offline-entra token (entra-token.server.ts, from the managed identity stand-in) passes, an `api-key` is Azure's
 * 403 AuthenticationTypeDisabled, and a bad token is Azure's 401 saying what was wrong with it. Otherwise the key
 * rules of auth.server.ts hold and a valid offline-entra token passes as well; a bearer that looks like one of
 * our tokens is judged as a token (an expired one is a 401), anything else as a key, as before.
 */
import { TOKEN_PREFIX, acceptedAudiences, identitySecret, signedPayload, verifyToken } from './entra-token.server';
import { authenticationTypeDisabled, apiVersionNotSupported, azureUnauthorized, TOKEN_401 } from './azure-faults.server';
import { recordSeen } from './identity-log.server';
import type { AzureRoute } from './auth.server';
import { invalid } from '../errors/api-error';

export function entraOnly(): boolean {
  return (process.env.OFFLINE_AZURE_AUTH ?? '').trim().toLowerCase() === 'entra';
}

export function bearerOf(headers: Headers): string | null {
  return /^Bearer\s+(.*)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim() || null;
}

export function looksLikeToken(value: string | null): boolean {
  return !!value && value.startsWith(TOKEN_PREFIX);
}

/** Throws Azure's 401 for a token that does not pass; the message names why, never the token. */
export function checkToken(token: string | null): void {
  const audiences = acceptedAudiences();
  const shown = audiences.join(' or ');
  if (!token) throw azureUnauthorized(`${TOKEN_401(audiences[0])} No access token was sent: send Authorization: Bearer <token> for the audience ${shown}.`);
  const check = verifyToken(token, { audiences });
  if (check.ok) return;
  const why = check.reason === 'expired'
    ? `The access token has expired (at ${new Date(check.payload.exp * 1000).toISOString()}): get a new one.`
    : check.reason === 'audience'
      ? `The access token's audience is '${check.payload.aud.slice(0, 100)}'; this resource expects ${shown}.`
      : 'The access token is invalid: it was not issued by this offline resource\'s identity endpoint (or OFFLINE_IDENTITY_HEADER differs).';
  throw azureUnauthorized(`${TOKEN_401(audiences[0])} ${why}`);
}

/** Entra-only resources: a valid token and nothing else; throws Azure's 403 or 401. */
export function checkEntraOnly(headers: Headers): void {
  if (headers.get('api-key')?.trim()) throw authenticationTypeDisabled();
  checkToken(bearerOf(headers));
}

/**
 * Key mode: whether the request signed in with a valid offline-entra token (then no key is needed). A bearer that
 * looks like one of ours but does not verify is a 401, so an expired token is not silently taken as a key.
 */
export function tokenSignIn(headers: Headers): boolean {
  if (headers.get('api-key')?.trim()) return false;
  const bearer = bearerOf(headers);
  if (!looksLikeToken(bearer)) return false;
  checkToken(bearer);
  return true;
}

const V1_VERSIONS = ['preview', 'v1', 'latest'];

/**
 * The dated route needs `api-version` (any value); v1 takes none or preview, v1, latest, and answers any other
 * with its 400 BadRequest "API version not supported". Returns the version Azure names in messages.
 */
export function checkApiVersion(request: Request, route: AzureRoute): string {
  const v = new URL(request.url).searchParams.get('api-version');
  if (route === 'v1') {
    if (v !== null && !V1_VERSIONS.includes(v)) throw apiVersionNotSupported();
    return v || 'preview';
  }
  if (!v) throw invalid('api-version', 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests, e.g. ?api-version=2025-04-01-preview.');
  return v;
}

/** For the identity log (identity-log.server.ts): what sign-in an Azure-route request carried, never the token. */
export function noteAzureRequest(request: Request, route: AzureRoute): void {
  const secret = identitySecret();
  if (!secret || request.method === 'OPTIONS') return;
  const bearer = bearerOf(request.headers);
  recordSeen({
    route,
    path: new URL(request.url).pathname,
    jti: bearer ? signedPayload(bearer, secret)?.jti ?? null : null,
    apiKey: !!request.headers.get('api-key')?.trim(),
    bearer: !!bearer,
  });
}
