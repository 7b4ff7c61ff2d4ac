'use client';
/**
 * The composer: the message, this turn's images (attached as data URLs or uploaded through the Files API),
 * an optional mask for the tool painted with the studio's mask painter, and Send (Cancel while a turn runs).
 */
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { ATTACH_MODES, ATTACH_MODE_LABEL } from '@/lib/chat/events';
import { receiveHandoff } from '@/lib/chat/handoff.client';
import { cancelTurn, sendMessage } from '@/lib/chat/send.client';
import { useChat } from '@/lib/chat/thread-store.client';
import { sniffImage } from '@/lib/images/sniff';
import { currentMaskPng, maskStore } from '@/lib/mask/mask-store';
import { controlOptions } from '@/lib/models/options';
import type { ProviderKind } from '@/lib/providers/config';
import '@/components/server-actions';

// Konva stays client-only and out of the first load: the painter loads when a mask is asked for.
const MaskPainter = dynamic(() => import('@/components/mask-painter/mask-painter'), {
  ssr: false,
  loading: () => <p className="text-xs text-zinc-500">Loading the mask painter…</p>,
});

interface Pending {
  file: File;
  url: string;
}

const box = 'rounded border border-gray-300 bg-white px-2 py-1 dark:border-gray-600 dark:bg-gray-900';

/** The image a mask is painted over: the first attachment, else the image of the turn being continued. */
function useMaskBase(files: Pending[]): { url: string; width: number; height: number } | null {
  const { turns, branchFrom } = useChat();
  const continued = branchFrom ? turns.find((t) => t.id === branchFrom) : [...turns].reverse().find((t) => t.responseId);
  const url = files[0]?.url ?? continued?.image?.url;
  const [base, setBase] = useState<{ url: string; width: number; height: number } | null>(null);
  useEffect(() => {
    let live = true;
    if (!url) return setBase(null);
    void fetch(url)
      .then((r) => r.arrayBuffer())
      .then((b) => {
        const info = sniffImage(new Uint8Array(b));
        if (live) setBase(info ? { url, width: info.width, height: info.height } : null);
      });
    return () => {
      live = false;
    };
  }, [url]);
  return base && base.url === url ? base : null;
}

export function Composer({ provider, mounted }: { provider: ProviderKind; mounted: boolean }) {
  const { turns, branchFrom, attachAs, setAttachAs, setBranch } = useChat();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Pending[]>([]);
  const [masking, setMasking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const running = turns.find((t) => t.status === 'running');
  const number = (id?: string) => (id ? turns.findIndex((t) => t.id === id) + 1 || undefined : undefined);
  const maskBase = useMaskBase(files);
  const maxMaskBytes = controlOptions(useChat((s) => s.tool.model), 'responses')?.mask?.maxBytes;

  const attach = (list: File[]) => setFiles((old) => [...old, ...list.map((file) => ({ file, url: URL.createObjectURL(file) }))]);
  const detach = (i: number) =>
    setFiles((old) => {
      URL.revokeObjectURL(old[i].url);
      return old.filter((_, k) => k !== i);
    });

  // Pending images not sent when the page goes: free their object URLs.
  const pending = useRef(files);
  pending.current = files;
  useEffect(() => () => pending.current.forEach((f) => URL.revokeObjectURL(f.url)), []);

  // Images the studio handed over ("Continue in chat") wait in IndexedDB for this composer.
  useEffect(() => {
    if (mounted) void receiveHandoff().then((list) => list.length && attach(list));
  }, [mounted]);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!text.trim() || running) return;
    const mask = masking && maskBase ? await currentMaskPng() : null;
    const out = { text, images: files.map((f) => f.file), mask: mask ? new File([mask], 'mask.png', { type: 'image/png' }) : undefined };
    setText('');
    for (const f of files) URL.revokeObjectURL(f.url);
    setFiles([]);
    setMasking(false);
    maskStore.getState().setTarget(null);
    if (fileInput.current) fileInput.current.value = '';
    await sendMessage(provider, out);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2">
      {mounted && branchFrom && (
        <p className="text-sm text-purple-700 dark:text-purple-300">
          Next message branches from turn {number(branchFrom)}.{' '}
          <button type="button" className="underline" onClick={() => setBranch(undefined)}>Cancel branch</button>
        </p>
      )}
      <label className="flex flex-col text-sm">Message
        <textarea className={`${box} min-h-20`} value={text} onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); e.currentTarget.form?.requestSubmit(); } }} />
      </label>
      {files.length > 0 && (
        <ul aria-label="Attachments" className="flex flex-wrap gap-2">
          {files.map((f, i) => (
            <li key={f.url} className="flex items-center gap-1 text-xs">
              {/* eslint-disable-next-line @next/next/no-img-element -- object URL of a local file */}
              <img src={f.url} alt={`To attach: ${f.file.name}`} className="h-12 w-12 rounded object-cover" />
              <button type="button" className="underline" onClick={() => detach(i)} aria-label={`Remove ${f.file.name}`}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label>Attach images
          <input ref={fileInput} type="file" accept="image/png,image/jpeg,image/webp" multiple className="ml-2"
            onChange={(e) => { attach(Array.from(e.target.files ?? [])); e.target.value = ''; }} />
        </label>
        <fieldset className="flex gap-2">
          <legend className="sr-only">Attach as</legend>
          {ATTACH_MODES.map((m) => (
            <label key={m} className="flex items-center gap-1">
              <input type="radio" name="attach-as" checked={attachAs === m} onChange={() => setAttachAs(m)} />
              {ATTACH_MODE_LABEL[m]}
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={masking} disabled={!maskBase} onChange={(e) => setMasking(e.target.checked)} />
          Paint a mask
        </label>
        {running ? (
          <button type="button" onClick={() => void cancelTurn(running.id)} className="ml-auto rounded bg-red-600 px-4 py-2 text-white">Cancel</button>
        ) : (
          <button type="submit" disabled={!mounted || !text.trim()} className="ml-auto rounded bg-blue-600 px-4 py-2 text-white disabled:opacity-50">Send</button>
        )}
      </div>
      {masking && maskBase && (
        <MaskPainter key={maskBase.url} imageUrl={maskBase.url} width={maskBase.width} height={maskBase.height} maxMaskBytes={maxMaskBytes} />
      )}
    </form>
  );
}
