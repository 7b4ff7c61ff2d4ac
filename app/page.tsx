import { Studio } from '@/components/studio/studio';
import { providerSetup } from '@/lib/providers/server';

export const dynamic = 'force-dynamic';

export default function Home() {
  const { providers, active, error } = providerSetup();
  if (error || !active) {
    return (
      <main className="mx-auto max-w-2xl p-6">
        <h1 className="text-xl font-bold">Image Playground</h1>
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {error ? `Configuration error: ${error}` : 'No provider is configured: set OPENAI_API_KEY, the Azure variables, or turn the offline API back on.'}
        </p>
      </main>
    );
  }
  return <Studio providers={providers} initial={active.id} />;
}
