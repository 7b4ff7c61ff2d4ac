import { signedInOrRedirect } from '@/lib/access/page-guard.server';
import { Chat } from '@/components/chat/chat';
import { AppShell } from '@/components/shell/app-shell';
import { accessConfig } from '@/lib/access/config';
import { capsFor } from '@/lib/models/caps';
// The providers as the operator's policy leaves them: the UI offers only what the server will accept.
import { policySetup } from '@/lib/policy/load.server';

export const dynamic = 'force-dynamic';

export default async function ChatPage() {
  const user = await signedInOrRedirect('/chat');
  const account = accessConfig().enabled ? user.name : undefined;
  const { active, error } = await policySetup();
  if (error || !active) {
    return (
      <AppShell account={account}>
      <main className="mx-auto max-w-2xl p-6">
        <h1 className="text-xl font-bold">Chat</h1>
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {error ? `Configuration error: ${error}` : 'No provider is configured.'}
        </p>
      </main>
      </AppShell>
    );
  }
  // Only the provider's models that the Responses image_generation tool accepts.
  const toolModels = active.models.filter((m) => capsFor(m, 'responses', active.narrowing));
  return (
    <AppShell provider={active} account={account}>
      <Chat provider={active} toolModels={toolModels} />
    </AppShell>
  );
}
