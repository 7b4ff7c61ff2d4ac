import 'server-only';
/**
 * The offline API asks for a key like the real services do: `Authorization: Bearer …` (OpenAI style) or
 * `api-key` (Azure style). Any non-empty key passes unless OFFLINE_API_KEY is set, then only that one.
 * When a passcode closes the playground (lib/access), only the server's own internal key, OFFLINE_API_KEY or a
 * signed-in browser's session cookie pass: the offline API is not a free image service for strangers.
 */
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../errors/api-error';
import { accessConfig } from '../access/config';
import { internalOfflineKey } from '../access/server-key.server';
import { userFromHeaders } from '../access/user.server';
import { errorResponse, requestId } from './http.server';
import { apiErrorFor } from '../errors/codes';
import { admit } from '../limits/admit';
import { limitsConfig, limitStore, noLimits } from '../limits/store-config.server';
import { checkEntraOnly, entraOnly, looksLikeToken, noteAzureRequest, tokenSignIn } from './azure-auth.server';
import { presentsIdentitySecret } from './identity.server';

/** Azure's two routes: v1 (`/openai/v1/…`, the deployment in the body's `model`) and the dated one (in the path). */
export type AzureRoute = 'v1' | 'deployments';

/**
 * Which service a route stands in for. `identity` is the managed identity stand-in: its callers (MSAL) carry only
 * the identity secret header, which its handlers check themselves (identity.server.ts).
 */
export type Flavor =
  | { kind: 'openai' }
  | { kind: 'azure'; deployment: string; route?: AzureRoute }
  | { kind: 'identity' };

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A key shown in an error is masked as the real service does: first and last few characters only. */
function mask(key: string): string {
  // An access token is never shown, not even in part.
  if (looksLikeToken(key)) return 'offline-entra.****';
  return key.length <= 8 ? '****' : `${key.slice(0, 3)}****${key.slice(-4)}`;
}

export function presentedKey(headers: Headers, flavor: Flavor): string | null {
  const bearer = /^Bearer\s+(.*)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim();
  const apiKey = headers.get('api-key')?.trim();
  return (flavor.kind === 'azure' ? apiKey || bearer : bearer) || null;
}

/** With a passcode set: the internal key, OFFLINE_API_KEY or a session; anything else is a 401. */
function checkClosedDoor(headers: Headers, flavor: Flavor): void {
  const key = presentedKey(headers, flavor);
  const accepted = [internalOfflineKey(), process.env.OFFLINE_API_KEY].filter((k): k is string => Boolean(k));
  if (key && accepted.some((k) => sameKey(key, k))) return;
  if (userFromHeaders(headers)) return;
  throw new ApiError(401, {
    message: `${key ? `Incorrect API key provided: ${mask(key)}. ` : ''}This offline image API belongs to a playground that asks for a passcode: sign in to the playground in this browser, or send the key in OFFLINE_API_KEY.`,
    type: 'invalid_request_error',
    code: flavor.kind === 'azure' ? '401' : key ? 'invalid_api_key' : 'unauthorized',
  });
}

export function checkAuth(headers: Headers, flavor: Flavor): void {
  if (flavor.kind === 'identity') return;
  if (flavor.kind === 'azure') {
    if (entraOnly()) return checkEntraOnly(headers);
    if (tokenSignIn(headers)) return;
  }
  if (accessConfig().enabled) return checkClosedDoor(headers, flavor);
  const key = presentedKey(headers, flavor);
  const expected = process.env.OFFLINE_API_KEY;
  if (flavor.kind === 'azure') {
    if (!key || (expected && !sameKey(key, expected))) {
      throw new ApiError(401, {
        message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        type: 'invalid_request_error',
        code: '401',
      });
    }
    return;
  }
  if (!key) {
    throw new ApiError(401, {
      message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). Any non-empty key works with the offline image API.",
      type: 'invalid_request_error',
    });
  }
  if (expected && !sameKey(key, expected)) {
    throw new ApiError(401, {
      message: `Incorrect API key provided: ${mask(key)}. The offline image API on this server expects the key in OFFLINE_API_KEY.`,
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });
  }
}

type Handler<C> = (request: Request, ctx: C) => Response | Promise<Response>;

/**
 * Every offline route's exported method is wrapped in this (a test checks it): with a passcode set, nothing
 * below runs for a caller without the internal key, OFFLINE_API_KEY or a session — not even a 404 or an image
 * URL. With the playground open, the handlers ask for a key themselves, exactly as before. Azure routes are noted
 * for the identity log here (what sign-in each carried), and with OFFLINE_AZURE_AUTH=entra need a token on every
 * method. The identity routes take their own secret header as the credential, or else a session.
 */
export function withOfflineAuth<C = unknown>(handler: Handler<C>, flavor: Flavor = { kind: 'openai' }): Handler<C> {
  return async (request, ctx) => {
    if (flavor.kind === 'identity') {
      // Its callers (MSAL on this server) carry the identity secret, their credential; behind a passcode anyone
      // else needs what every offline route needs.
      if (accessConfig().enabled && !presentsIdentitySecret(request.headers)) {
        try {
          checkClosedDoor(request.headers, flavor);
        } catch (e) {
          return errorResponse(e as ApiError, requestId());
        }
      }
      return handler(request, ctx);
    }
    if (flavor.kind === 'azure') noteAzureRequest(request, flavor.route ?? 'deployments');
    // A keyless (entra-only) Azure resource refuses anything but a token on every method, as the real one does.
    const entraGate = flavor.kind === 'azure' && entraOnly() && request.method !== 'OPTIONS';
    if (accessConfig().enabled || entraGate) {
      try {
        if (entraGate) checkEntraOnly(request.headers);
        // A token this server issued passes the passcode's door too: only someone with the identity secret has one.
        else if (!(flavor.kind === 'azure' && tokenSignIn(request.headers))) checkClosedDoor(request.headers, flavor);
        if (accessConfig().enabled) await admitDirectCall(request, flavor);
      } catch (e) {
        return errorResponse(e as ApiError, requestId());
      }
    }
    return handler(request, ctx);
  };
}

/**
 * A signed-in person calling the offline API directly (not through the playground, whose own calls carry the
 * internal key and were admitted at its gate) is under the same rate limits as the playground: each POST is
 * one request against their per-minute limit and the global one. It costs nothing, so no spend is reserved.
 */
async function admitDirectCall(request: Request, flavor: Flavor): Promise<void> {
  if (request.method !== 'POST') return;
  const key = presentedKey(request.headers, flavor);
  const own = [internalOfflineKey(), process.env.OFFLINE_API_KEY].filter((k): k is string => Boolean(k));
  if (key && own.some((k) => sameKey(key, k))) return;
  const user = userFromHeaders(request.headers);
  if (!user) return;
  const limits = limitsConfig();
  if ('error' in limits) throw apiErrorFor('limits_invalid', `This server's limits are misconfigured, so requests are refused until the operator fixes them: ${limits.error}`);
  if (noLimits(limits.config)) return;
  const admission = await admit(limitStore(), limits.config, { user, estimateUsd: 0, charged: false });
  if (!admission.ok) {
    const { error } = admission;
    throw new ApiError(error.status, error, error.retryAfter ? { 'retry-after': String(error.retryAfter) } : {});
  }
}
