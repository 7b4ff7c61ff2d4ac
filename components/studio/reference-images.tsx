'use client';
/**
 * Reference images for Edit and Variations: pick, drop or paste; reorder and remove. The first is the one the
 * mask applies to, and the list says so. Files are checked by their bytes against the model's rule.
 */
import { useEffect, useRef, useState } from 'react';
import type { InputImageRule } from '@/lib/models/types';
import { useReferences } from '@/lib/studio/references-store.client';
import { formatBytes } from '@/components/ui/field';

export function ReferenceImages({ rule, model, masked }: { rule: InputImageRule; model: string; masked: boolean }) {
  const items = useReferences((s) => s.items);
  const message = useReferences((s) => s.message);
  const { add, remove, move, dismiss } = useReferences.getState();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Paste an image anywhere on the page while this mode is open.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
      if (files.length) void useReferences.getState().add(files, rule, model);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [rule, model]);

  const types = rule.types.map((t) => (t === 'jpeg' ? 'JPEG' : t.toUpperCase())).join(', ');
  return (
    <div
      className={`space-y-2 rounded-md border border-dashed p-2 ${over ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950' : 'border-zinc-300 dark:border-zinc-700'}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void add([...e.dataTransfer.files], rule, model);
      }}
    >
      <label className="block text-sm font-medium">
        Reference images
        <input
          ref={input}
          type="file"
          multiple={rule.maxCount > 1}
          accept={rule.types.map((t) => `image/${t}`).join(',')}
          className="mt-1 block w-full text-xs file:mr-2 file:rounded file:border-0 file:bg-zinc-200 file:px-2 file:py-1 dark:file:bg-zinc-800"
          onChange={(e) => {
            void add([...(e.target.files ?? [])], rule, model);
            e.target.value = '';
          }}
        />
      </label>
      <p className="text-xs text-zinc-500">
        {rule.square ? `One square ${types} under ${formatBytes(rule.maxBytes)}` : `Up to ${rule.maxCount} images (${types}, each under ${formatBytes(rule.maxBytes)})`} — choose, drop or paste.
      </p>
      {message && (
        <p role="alert" className="rounded bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {message}{' '}
          <button type="button" className="underline" onClick={dismiss}>Dismiss</button>
        </p>
      )}
      {items.length > rule.maxCount && (
        <p role="alert" className="text-xs text-red-600">{model} takes at most {rule.maxCount}; remove {items.length - rule.maxCount}.</p>
      )}
      <ol className="space-y-1" aria-label="Reference list">
        {items.map((r, i) => (
          <li key={r.id} className="flex items-center gap-2 text-xs">
            {/* eslint-disable-next-line @next/next/no-img-element -- local object URL */}
            <img src={r.url} alt={`Reference ${i + 1}: ${r.name}`} className="h-10 w-10 rounded object-cover" />
            <span className="min-w-0 flex-1">
              <span className="block truncate">{r.name}</span>
              <span className="text-zinc-500">
                {r.info.width}×{r.info.height} · {formatBytes(r.blob.size)}
                {i === 0 && masked && <strong className="ml-1 text-indigo-600 dark:text-indigo-400">· the mask applies to this one</strong>}
              </span>
            </span>
            <button type="button" aria-label={`Move ${r.name} up`} disabled={i === 0} onClick={() => move(r.id, -1)} className="px-1 disabled:opacity-30">↑</button>
            <button type="button" aria-label={`Move ${r.name} down`} disabled={i === items.length - 1} onClick={() => move(r.id, 1)} className="px-1 disabled:opacity-30">↓</button>
            <button type="button" aria-label={`Remove ${r.name}`} onClick={() => remove(r.id)} className="px-1 text-red-600">✕</button>
          </li>
        ))}
      </ol>
    </div>
  );
}
