import 'server-only';
/**
 * Settings: how this server reaches Azure OpenAI and signs in to it: the route, the deployments, and for keyless
 * sign-in the credential that gave the token, its scope and when it expires. Never the key or the token.
 */
import { entraToken, signInStatus } from '@/lib/providers/azure-credential.server';
import type { ProviderInfo } from '@/lib/providers/config';

/** Long enough for a managed identity endpoint; Settings still renders if sign-in hangs. */
const SIGN_IN_WAIT_MS = 5_000;

function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export async function AzureSignIn({ provider }: { provider: ProviderInfo }) {
  const azure = provider.azure!;
  if (azure.auth === 'entra') {
    // Sign in now if no request has yet, so the page says how it goes.
    await Promise.race([entraToken(azure.scope).catch(() => undefined), new Promise((r) => setTimeout(r, SIGN_IN_WAIT_MS))]);
  }
  const status = azure.auth === 'entra' ? signInStatus(azure.scope) : null;
  const minutes = status?.expiresOn ? Math.round((status.expiresOn - Date.now()) / 60_000) : null;
  return (
    <section aria-labelledby="azure-heading" className="space-y-2">
      <h2 id="azure-heading" className="text-lg font-semibold">Azure OpenAI</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" aria-label="Azure sign-in">
        <dt className="text-zinc-500">Route</dt>
        <dd data-testid="azure-route">
          {azure.route === 'v1' ? 'v1' : 'deployments (dated)'} — <code className="break-all">{provider.baseURL}</code>
          {provider.apiVersion ? <> with <code>api-version={provider.apiVersion}</code></> : ' without api-version'}
        </dd>
        <dt className="text-zinc-500">Signed in</dt>
        <dd data-testid="azure-auth">
          {azure.auth === 'key' ? 'With the resource key (AZURE_OPENAI_API_KEY)' : 'Keyless, with Entra ID (DefaultAzureCredential)'}
        </dd>
        {status && (
          <>
            <dt className="text-zinc-500">Credential</dt>
            <dd data-testid="azure-credential">{status.credential ?? (status.error ? 'none gave a token' : 'not signed in yet')}</dd>
            <dt className="text-zinc-500">Scope</dt>
            <dd><code className="break-all">{status.scope}</code></dd>
            <dt className="text-zinc-500">Token expires</dt>
            <dd data-testid="azure-expires">{status.expiresOn ? `${utc(status.expiresOn)} (in ${minutes} min; renewed before then)` : '—'}</dd>
            {status.error && (
              <>
                <dt className="text-zinc-500">Last sign-in</dt>
                <dd role="alert" className="text-red-700 dark:text-red-400">{status.error}</dd>
              </>
            )}
          </>
        )}
        <dt className="text-zinc-500">Deployments</dt>
        <dd>
          <ul aria-label="Azure deployments">
            {Object.entries(provider.deployments ?? {}).map(([model, name]) => (
              <li key={model}><code>{model}</code> → <code>{name}</code></li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}
