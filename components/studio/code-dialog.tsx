'use client';
import { useState } from 'react';
import { curlSnippet, nodeSnippet, pythonSnippet, type CodeFiles, type CodeTarget } from '@/lib/code/snippets';
import { toWireParams } from '@/lib/generation/sdk-params';
import { checkImageRequest, type ImageEndpoint } from '@/lib/models/validate';

const LANGS = { curl: curlSnippet, Node: nodeSnippet, Python: pythonSnippet } as const;
type Lang = keyof typeof LANGS;

/** "Copy as code": the request exactly as sent, validated through the same registry the server uses. */
export function CopyAsCode(props: { fields: Record<string, unknown>; target: CodeTarget; endpoint?: ImageEndpoint; files?: Omit<CodeFiles, 'endpoint'> }) {
  const [open, setOpen] = useState(false);
  const [lang, setLang] = useState<Lang>('curl');
  const [copied, setCopied] = useState(false);
  const endpoint = props.endpoint ?? 'generate';
  const checked = checkImageRequest(endpoint, props.fields);
  const files = endpoint === 'generate' ? undefined : { endpoint, images: props.files?.images ?? ['image.png'], mask: props.files?.mask };
  const code = checked.ok ? LANGS[lang](props.target, toWireParams(checked.request), files) : `# ${checked.error.message}`;
  return (
    <div className="text-xs">
      <button type="button" className="underline" aria-expanded={open} onClick={() => setOpen(!open)}>
        Copy as code
      </button>
      {open && (
        <div className="mt-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
          <div role="tablist" aria-label="Language" className="mb-1 flex gap-2">
            {(Object.keys(LANGS) as Lang[]).map((l) => (
              <button key={l} role="tab" type="button" aria-selected={lang === l} className={lang === l ? 'font-semibold underline' : ''} onClick={() => setLang(l)}>
                {l}
              </button>
            ))}
            <button
              type="button"
              className="ml-auto rounded bg-zinc-200 px-2 dark:bg-zinc-800"
              onClick={async () => {
                await navigator.clipboard?.writeText(code).catch(() => {});
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
          <pre aria-label={`${lang} code`} className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-900">{code}</pre>
        </div>
      )}
    </div>
  );
}
