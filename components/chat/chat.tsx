'use client';
/** The chat page: settings for the main model and the image tool, the thread, and the composer. */
import { useEffect, useRef, useState } from 'react';
import type { CapsNarrowing } from '@/lib/models/caps';
import { controlOptions } from '@/lib/models/options';
import type { ProviderKind } from '@/lib/providers/config';
import { MAIN_MODELS } from '@/lib/chat/events';
import { sendMessage } from '@/lib/chat/send';
import { useChat } from '@/lib/chat/thread-store';
import { TurnView } from './turn-view';

const select = 'rounded border border-gray-300 bg-white px-2 py-1 dark:border-gray-600 dark:bg-gray-900';

export function Chat({ provider, toolModels, narrowing }: { provider: ProviderKind; toolModels: string[]; narrowing?: CapsNarrowing }) {
  const { turns, mainModel, tool, branchFrom, setMainModel, setTool, setBranch, clear } = useChat();
  // The thread is in localStorage: render it only in the browser, after hydration, so server and client agree.
  const [mounted, setMounted] = useState(false);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => setMounted(true), []);
  useEffect(() => {
    if (mounted && !toolModels.includes(tool.model)) setTool({ model: toolModels[0] ?? '' });
  }, [mounted, tool.model, toolModels, setTool]);
  const caps = tool.model ? controlOptions(tool.model, 'responses', narrowing) : undefined;
  // A quality or size the newly chosen model lacks falls back to its default.
  useEffect(() => {
    if (!caps) return;
    if (tool.quality && !caps.qualities.includes(tool.quality as never)) setTool({ quality: caps.defaults.quality });
    if (tool.size && !caps.sizes.includes(tool.size)) setTool({ size: caps.defaults.size });
  }, [caps, tool.quality, tool.size, setTool]);
  const running = turns.some((t) => t.status === 'running');
  const number = (id?: string) => (id ? turns.findIndex((t) => t.id === id) + 1 || undefined : undefined);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!text.trim() || running) return;
    const message = text;
    const images = files;
    setText('');
    setFiles([]);
    if (fileInput.current) fileInput.current.value = '';
    await sendMessage(provider, message, images);
  }

  return (
    <main className="mx-auto max-w-3xl space-y-4 p-6">
      <header className="flex items-center justify-between">
        <h1 className="text-xl font-bold">Chat</h1>
        <nav className="flex gap-3 text-sm">
          <a href="/" className="underline">Studio</a>
          <button type="button" onClick={clear} className="underline">New chat</button>
        </nav>
      </header>
      <section aria-label="Settings" className="flex flex-wrap gap-3 text-sm">
        <label className="flex flex-col">Main model
          <select className={select} value={mainModel} onChange={(e) => setMainModel(e.target.value)}>
            {MAIN_MODELS.map((m) => <option key={m}>{m}</option>)}
          </select>
        </label>
        <label className="flex flex-col">Image model
          <select className={select} value={tool.model} onChange={(e) => setTool({ model: e.target.value })}>
            {toolModels.map((m) => <option key={m}>{m}</option>)}
          </select>
        </label>
        <label className="flex flex-col">Quality
          <select className={select} value={tool.quality} onChange={(e) => setTool({ quality: e.target.value })}>
            {(caps?.qualities ?? []).map((q) => <option key={q}>{q}</option>)}
          </select>
        </label>
        <label className="flex flex-col">Size
          <select className={select} value={tool.size} onChange={(e) => setTool({ size: e.target.value })}>
            {(caps?.sizes ?? []).map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
      </section>
      <section aria-label="Thread" className="space-y-3">
        {mounted && turns.map((t, i) => (
          <TurnView
            key={t.id}
            turn={t}
            index={i}
            branchIndex={number(t.branchOf)}
            branchSelected={branchFrom === t.id}
            onBranch={t.image?.callId && i < turns.length - 1 ? () => setBranch(branchFrom === t.id ? undefined : t.id) : undefined}
          />
        ))}
      </section>
      <form onSubmit={onSubmit} className="space-y-2">
        {mounted && branchFrom && (
          <p className="text-sm text-purple-700 dark:text-purple-300">
            Next message branches from turn {number(branchFrom)}.{' '}
            <button type="button" className="underline" onClick={() => setBranch(undefined)}>Cancel branch</button>
          </p>
        )}
        <label className="flex flex-col text-sm">Message
          <textarea className={`${select} min-h-20`} value={text} onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); e.currentTarget.form?.requestSubmit(); } }} />
        </label>
        <div className="flex items-center gap-3">
          <label className="text-sm">Attach images
            <input ref={fileInput} type="file" accept="image/png,image/jpeg,image/webp" multiple className="ml-2"
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
          </label>
          <button type="submit" disabled={!mounted || running || !text.trim()} className="ml-auto rounded bg-blue-600 px-4 py-2 text-white disabled:opacity-50">Send</button>
        </div>
      </form>
    </main>
  );
}
