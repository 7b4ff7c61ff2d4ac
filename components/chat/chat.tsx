'use client';
/** The chat page: settings for the main model and the image tool, the thread with its branches, the composer. */
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ProviderInfo } from '@/lib/providers/config';
import { openInStudioEdit } from '@/lib/chat/handoff.client';
import { SquarePen } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { resumeTurns } from '@/lib/chat/send.client';
import { forgetImages, restoreImages } from '@/lib/chat/thread-images.client';
import { useChat, type ChatTurn } from '@/lib/chat/thread-store.client';
import { Notice } from '@/components/ui/notice';
import { ChatSettings } from './settings';
import { Composer } from './composer';
import { ThreadView } from './thread-view';
import '@/components/server-actions';

export function Chat({ provider, toolModels }: { provider: ProviderInfo; toolModels: string[] }) {
  const router = useRouter();
  const turns = useChat((s) => s.turns);
  const branchFrom = useChat((s) => s.branchFrom);
  const setBranch = useChat((s) => s.setBranch);
  const notice = useChat((s) => s.notice);
  const setNotice = useChat((s) => s.setNotice);
  // The thread is in localStorage and IndexedDB: render it only in the browser, after hydration.
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    setMounted(true);
    // Stored images first, then the turns a closed page left running (their replay replaces the stored partial).
    void restoreImages().then(resumeTurns);
  }, []);

  async function editInStudio(url: string, name: string) {
    const blob = await (await fetch(url)).blob();
    await openInStudioEdit(provider, blob, name);
    // A client-side route change keeps the studio's in-memory references that editThisImage filled.
    router.push('/');
  }

  const last = turns.length - 1;
  const actionsFor = (t: ChatTurn, i: number) => ({
    // Every earlier image can start a branch; the latest turn is what the next message continues anyway.
    onBranch: t.image?.callId && i < last ? () => setBranch(branchFrom === t.id ? undefined : t.id) : undefined,
    branchSelected: branchFrom === t.id,
    onEditInStudio: editInStudio,
  });

  return (
    <main className="mx-auto max-w-5xl space-y-4 p-4 sm:p-6">
      <header className="flex items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Chat</h1>
        <Button size="sm" onClick={() => void forgetImages()}>
          <SquarePen aria-hidden className="size-4" />
          New chat
        </Button>
      </header>
      {mounted ? (
        <>
          <Notice text={notice} onDismiss={() => setNotice(null)} />
          <ChatSettings provider={provider} toolModels={toolModels} />
          <ThreadView actionsFor={actionsFor} />
          <Composer provider={provider.id} mounted={mounted} />
        </>
      ) : (
        <p className="text-sm text-zinc-500">Loading the thread…</p>
      )}
    </main>
  );
}
