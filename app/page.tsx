import { Studio } from '@/components/studio/studio';
import { AppShell } from '@/components/shell/app-shell';
import { signedInOrRedirect } from '@/lib/access/page-guard.server';
import { accessConfig } from '@/lib/access/config';
// The providers as the operator's policy leaves them: the UI offers only what the server will accept.
import { policySetup } from '@/lib/policy/load.server';
import { loadPriceOverrides } from '@/lib/cost/overrides';
import type { PriceTable } from '@/lib/cost/pricing';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const user = await signedInOrRedirect('/');
  const { providers, active, error: providerError } = await policySetup();
  let prices: PriceTable | null = null;
  let pricingError: string | undefined;
  try {
    prices = loadPriceOverrides(process.env);
  } catch (e) {
    pricingError = e instanceof Error ? e.message : String(e);
  }
  const error = providerError ?? pricingError;
  const account = accessConfig().enabled ? user.name : undefined;
  if (error || !active || !prices) {
    return (
      <AppShell account={account}>
      <main className="mx-auto max-w-2xl p-6">
        <h1 className="text-xl font-bold">Image Playground</h1>
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {error ? `Configuration error: ${error}` : 'No provider is configured: set OPENAI_API_KEY, the Azure variables, or turn the offline API back on.'}
        </p>
      </main>
      </AppShell>
    );
  }
  return (
    <AppShell provider={active} account={account}>
      <Studio providers={providers} initial={active.id} prices={prices} />
    </AppShell>
  );
}
