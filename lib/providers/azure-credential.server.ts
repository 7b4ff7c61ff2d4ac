import 'server-only';
/**
 * Keyless sign-in to Azure OpenAI with Entra ID (api-2026-12 §6.1): the real `DefaultAzureCredential` (managed
 * identity, workload identity, environment credentials, Azure CLI, …) asked for a token of the configured scope.
 * Tokens are held here and renewed before they expire, so a request never waits on a sign-in it does not need
 * and never carries an expired token. The token goes into the SDK's Authorization header and nowhere else: not
 * into a log line, an error message or `signInStatus()` (what Settings shows: the credential, the scope, when
 * the token expires).
 */
import { DefaultAzureCredential, type AccessToken, type TokenCredential } from '@azure/identity';
import { AzureLogger, getLogLevel, setLogLevel } from '@azure/logger';

/** Renew this long before expiry, or at half the lifetime of a short-lived token. */
const RENEW_BEFORE_MS = 5 * 60_000;

export interface SignInStatus {
  method: 'entra';
  scope: string;
  /** Which credential of the chain gave the token (e.g. ManagedIdentityCredential); null before the first. */
  credential: string | null;
  /** Epoch ms; null before the first token. */
  expiresOn: number | null;
  /** Why the last sign-in failed, without any secret; null after a success. */
  error: string | null;
}

interface Held {
  credential: TokenCredential;
  token?: AccessToken & { renewAt: number };
  pending?: Promise<AccessToken>;
  status: SignInStatus;
}

const held = new Map<string, Held>();
let lastCredentialName: string | null = null;

/**
 * The chain logs which of its credentials answered ("Result for ManagedIdentityCredential: …") and nothing
 * reveals it otherwise. That one line is read; every other line is dropped unprinted (they may name accounts).
 */
function watchChain(): void {
  if ((AzureLogger.log as { playground?: true }).playground) return;
  const log = (...args: unknown[]) => {
    const m = /Result for (\w+Credential)/.exec(args.map(String).join(' '));
    if (m) lastCredentialName = m[1];
  };
  AzureLogger.log = Object.assign(log, { playground: true as const });
  if (getLogLevel() !== 'verbose') setLogLevel('info');
}

function renewAt(t: AccessToken, now: number): number {
  const lifetime = t.expiresOnTimestamp - now;
  return t.refreshAfterTimestamp ?? t.expiresOnTimestamp - Math.min(RENEW_BEFORE_MS, lifetime / 2);
}

/** A message about a failed sign-in that carries no secret: the error's name and first line, capped. */
function describe(e: unknown): string {
  const name = e instanceof Error ? e.name : 'Error';
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0].replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]');
  return `${name}: ${first}`.slice(0, 300);
}

function entry(scope: string): Held {
  let h = held.get(scope);
  if (!h) {
    watchChain();
    h = { credential: new DefaultAzureCredential(), status: { method: 'entra', scope, credential: null, expiresOn: null, error: null } };
    held.set(scope, h);
  }
  return h;
}

async function fetchToken(h: Held, scope: string): Promise<AccessToken> {
  h.pending ??= (async () => {
    try {
      const t = await h.credential.getToken(scope);
      if (!t) throw new Error(`No credential of DefaultAzureCredential gave a token for ${scope}.`);
      const now = Date.now();
      h.token = { ...t, renewAt: renewAt(t, now) };
      h.status = { ...h.status, credential: lastCredentialName ?? h.status.credential, expiresOn: t.expiresOnTimestamp, error: null };
      return t;
    } catch (e) {
      h.status = { ...h.status, error: describe(e) };
      throw new Error(`Keyless sign-in to Azure OpenAI failed (scope ${scope}): ${describe(e)}`);
    } finally {
      h.pending = undefined;
    }
  })();
  return h.pending;
}

/**
 * The token for `scope`, renewed ahead of expiry. Past its renewal time but still valid, the held token is
 * used while a new one is fetched in the background; only an expired (or absent) one makes the caller wait.
 */
export async function entraToken(scope: string): Promise<string> {
  const h = entry(scope);
  const now = Date.now();
  const t = h.token;
  if (t && now < t.renewAt) return t.token;
  if (t && now < t.expiresOnTimestamp - 5_000) {
    fetchToken(h, scope).catch(() => {});
    return t.token;
  }
  return (await fetchToken(h, scope)).token;
}

/** How the server signs in to Azure for `scope`, never the token. */
export function signInStatus(scope: string): SignInStatus {
  return held.get(scope)?.status ?? { method: 'entra', scope, credential: null, expiresOn: null, error: null };
}
