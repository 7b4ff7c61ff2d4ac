import { signedInOrRedirect } from '@/lib/access/page-guard.server';
import { getModel } from '@/lib/models/registry';
import { describeCaps } from '@/lib/models/options';
import { lifecycleLabel } from '@/lib/models/lifecycle';
import { narrowCaps } from '@/lib/models/caps';
import type { Endpoint } from '@/lib/models/types';
import { policySetup } from '@/lib/policy/load.server';
import { describePolicy, type Policy } from '@/lib/policy/policy';
import { UserKeyField } from '@/components/settings/user-key-field';
import { LimitsSection } from '@/components/settings/limits-section';
import { RulesTable } from '@/components/settings/rules-table';
import { accessConfig } from '@/lib/access/config';
import { loadPriceOverrides } from '@/lib/cost/overrides';
import { PricingTable } from '@/components/cost/pricing-table';
import { AzureSignIn } from '@/components/settings/azure-sign-in.server';
import { AppShell } from '@/components/shell/app-shell';
import { Preferences } from '@/components/settings/preferences';

export const dynamic = 'force-dynamic';

const ENDPOINT_LABEL: Record<Endpoint, string> = { generate: 'Generate', edit: 'Edit', variation: 'Variations', responses: 'Responses tool' };

/** Settings: the providers this server has and what each model accepts there (read-only: set by env). */
export default async function Settings() {
  const user = await signedInOrRedirect('/settings');
  const { providers, active, error, policy } = await policySetup();
  const account = accessConfig().enabled ? user.name : undefined;
  return (
    <AppShell provider={active} account={account}>
    <main className="mx-auto max-w-5xl space-y-6 p-4 sm:p-6">
      <header>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="text-sm text-zinc-500">OpenAI-style image APIs: OpenAI, Azure OpenAI, compatible gateways and a built-in offline image API.</p>
        {account && <p className="text-sm">Signed in as <strong>{account}</strong></p>}
      </header>
      {error && <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">Configuration error: {error}</p>}
      {providers.length > 0 && (
        <Preferences providers={providers.map(({ id, label, models, defaultModel, narrowing }) => ({ id, label, models, defaultModel, narrowing }))} />
      )}
      <div className="space-y-1 border-t border-zinc-200 pt-6 dark:border-zinc-800">
        <h2 className="text-lg font-semibold">This server</h2>
        <p className="text-sm text-zinc-500">Read-only: set by the operator in the server’s environment.</p>
      </div>
      {providers.filter((p) => p.id === 'azure').map((p) => <AzureSignIn key={p.id} provider={p} />)}
      {active && (
        <section aria-labelledby="provider-heading" className="min-w-0 space-y-3">
          <h2 id="provider-heading" className="text-lg font-semibold">
            Active provider: <span data-testid="active-provider">{active.label}</span>
          </h2>
          <p className="text-sm text-zinc-500">
            Requests go to <code className="break-all">{active.baseURL}</code>
            {active.id === 'offline' && ' — synthetic images, no key needed. Set OPENAI_API_KEY or the Azure variables to use a real service.'}
          </p>
          {providers.length > 1 && (
            <p className="text-sm">Also configured: {providers.filter((p) => p !== active).map((p) => p.label).join(', ')}</p>
          )}
          <p className="text-xs text-zinc-500">
            {active.id === 'azure'
              ? `Models as AZURE_OPENAI_DEPLOYMENTS names them, with ${active.modelSource === 'provider' ? 'the retirement dates Azure’s own model list gives' : 'Azure’s retirement dates shipped with the playground (its model list was not available)'}.`
              : active.modelSource === 'provider'
              ? 'Models as the provider’s own list (GET /models) names them, with its shutdown dates.'
              : 'Models from the registry with its shipped shutdown dates (the provider’s list was not available).'}
          </p>
          <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm" aria-label="Models">
            <thead className="border-b border-zinc-200 dark:border-zinc-800">
              <tr><th className="py-1 pr-3">Model</th><th className="py-1 pr-3">Status</th><th className="py-1">Accepts</th></tr>
            </thead>
            <tbody>
              {active.models.map((id) => {
                const m = getModel(id);
                const life = active.lifecycle[id];
                const when = life ? lifecycleLabel(life) : undefined;
                return (
                  <tr key={id} className="border-b border-zinc-100 align-top dark:border-zinc-900">
                    <td className="py-2 pr-3 font-mono">{id}{id === active.defaultModel && <span className="ml-1 text-xs text-indigo-600 dark:text-indigo-400"> default</span>}</td>
                    <td className="py-2 pr-3">
                      <span className={life?.state === 'active' || !life ? '' : 'font-medium text-amber-700 dark:text-amber-400'}>{when ?? 'No shutdown announced'}</span>
                      {!m.inRegistry && <div className="text-xs font-medium">Not in the registry</div>}
                      {m.note && <div className="text-xs text-zinc-500">{m.note}</div>}
                    </td>
                    <td className="py-2 text-xs">
                      {(Object.keys(m.endpoints) as Endpoint[]).map((e) => (
                        <div key={e}><strong>{ENDPOINT_LABEL[e]}:</strong> {describeCaps(narrowCaps(m.endpoints[e]!, active.narrowing))}</div>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
          {(() => {
            const gone = Object.entries(active.lifecycle).filter(([id, l]) => l.state === 'shut-down' && !active.models.includes(id));
            return gone.length > 0 && (
              <p className="text-xs text-zinc-500" data-testid="shut-down-models">
                Shut down on {active.label}, not offered: {gone.map(([id, l]) => `${id} (${l.shutdown}${l.replacement ? ` → ${l.replacement}` : ''})`).join(', ')}. Saved settings naming one move to its replacement, with a notice.
              </p>
            );
          })()}
        </section>
      )}
      {policy && <PolicySection policy={policy} />}
      <LimitsSection userId={user.id} />
      <section aria-labelledby="pricing-heading" className="space-y-2">
        <h2 id="pricing-heading" className="text-lg font-semibold">Pricing</h2>
        <p className="text-sm text-zinc-500">Used for estimates and actual cost. Operators override it with PRICING_OVERRIDES (JSON) or PRICING_FILE.</p>
        <Pricing />
      </section>
    </main>
    </AppShell>
  );
}

function Pricing() {
  try {
    return <PricingTable prices={loadPriceOverrides(process.env)} />;
  } catch (e) {
    return <p role="alert" className="text-sm text-red-700">Pricing configuration error: {e instanceof Error ? e.message : String(e)}</p>;
  }
}

/** The operator's policy, read-only (POLICY_JSON or POLICY_FILE), and the own-key field when it allows one. */
function PolicySection({ policy }: { policy: Policy }) {
  return (
    <section aria-labelledby="policy-heading" className="space-y-2">
      <h2 id="policy-heading" className="text-lg font-semibold">Policy</h2>
      <p className="text-sm text-zinc-500">Set by the operator (POLICY_JSON or POLICY_FILE). The studio and the chat offer only what it allows; the server refuses the rest.</p>
      <RulesTable label="Policy" rows={describePolicy(policy)} />
      {policy.allowUserKey && (
        <div className="space-y-1 pt-2">
          <h3 className="font-semibold">Your own API key</h3>
          <p className="text-sm text-zinc-500">Kept only in this browser tab (session storage) and sent with each request; the server uses it for that request only and never stores or logs it.</p>
          <UserKeyField />
        </div>
      )}
    </section>
  );
}
