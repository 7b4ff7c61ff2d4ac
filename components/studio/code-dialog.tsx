'use client';
/**
 * "Copy as code": the request exactly as sent, validated through the same registry the server uses, in a dialog
 * with curl / Node / Python tabs. The code scrolls sideways (never wrapped mid-token) and Copy really copies.
 */
import { useRef, useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import * as Tabs from '@radix-ui/react-tabs';
import { Code2, Copy, X } from 'lucide-react';
import { toast } from 'sonner';
import { curlSnippet, nodeSnippet, pythonSnippet, type CodeFiles, type CodeTarget } from '@/lib/code/snippets';
import { toWireParams } from '@/lib/generation/sdk-params';
import { checkImageRequest, type ImageEndpoint } from '@/lib/models/validate';
import { Button, IconButton } from '@/components/ui/button';

const LANGS = { curl: curlSnippet, Node: nodeSnippet, Python: pythonSnippet } as const;
type Lang = keyof typeof LANGS;

export interface CodeProps {
  fields: Record<string, unknown>;
  target: CodeTarget;
  endpoint?: ImageEndpoint;
  files?: Omit<CodeFiles, 'endpoint'>;
}

function snippets(props: CodeProps): Record<Lang, string> {
  const endpoint = props.endpoint ?? 'generate';
  const checked = checkImageRequest(endpoint, props.fields);
  const files = endpoint === 'generate' ? undefined : { endpoint, images: props.files?.images ?? ['image.png'], mask: props.files?.mask };
  const make = (lang: Lang) => (checked.ok ? LANGS[lang](props.target, toWireParams(checked.request), files) : `# ${checked.error.message}`);
  return { curl: make('curl'), Node: make('Node'), Python: make('Python') };
}

/** The dialog alone, opened by its owner (a card's menu). */
export function CodeDialog({ open, onOpenChange, ...props }: CodeProps & { open: boolean; onOpenChange(open: boolean): void }) {
  const [lang, setLang] = useState<Lang>('curl');
  const copyButton = useRef<HTMLButtonElement>(null);
  const code = open ? snippets(props) : null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code![lang]);
      toast.success(`${lang} code copied`);
    } catch {
      toast.error('The browser refused the clipboard: select the code and copy it by hand.');
    }
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[2px]" />
        {/* Focus Copy, the dialog's action, not Close (whose tooltip would open and take the first Esc). */}
        <Dialog.Content
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            copyButton.current?.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 flex max-h-[85vh] w-[min(48rem,calc(100vw-1.5rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-xl outline-none dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex items-start justify-between gap-2">
            <div>
              <Dialog.Title className="text-base font-semibold">Copy as code</Dialog.Title>
              <Dialog.Description className="text-xs text-zinc-500">
                The request exactly as it was sent.{' '}
                {props.target.kind === 'offline' ? 'Runs as it is against the offline API (any key works unless OFFLINE_API_KEY or a passcode is set).' : 'The key is read from the environment, never written here.'}
              </Dialog.Description>
            </div>
            <Dialog.Close asChild>
              <IconButton label="Close" icon={<X className="size-4" aria-hidden />} />
            </Dialog.Close>
          </div>
          {code && (
            <Tabs.Root value={lang} onValueChange={(v) => setLang(v as Lang)} className="flex min-h-0 flex-col gap-2">
              <div className="flex items-center justify-between gap-2">
                <Tabs.List aria-label="Language" className="flex gap-1 rounded-lg bg-zinc-100 p-1 text-sm dark:bg-zinc-800">
                  {(Object.keys(LANGS) as Lang[]).map((l) => (
                    <Tabs.Trigger
                      key={l}
                      value={l}
                      className="rounded-md px-3 py-1 text-zinc-600 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 data-[state=active]:bg-white data-[state=active]:font-medium data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm dark:text-zinc-400 dark:data-[state=active]:bg-zinc-700 dark:data-[state=active]:text-zinc-100"
                    >
                      {l}
                    </Tabs.Trigger>
                  ))}
                </Tabs.List>
                <Button ref={copyButton} variant="primary" size="sm" onClick={copy}>
                  <Copy className="size-3.5" aria-hidden />
                  Copy
                </Button>
              </div>
              {(Object.keys(LANGS) as Lang[]).map((l) => (
                <Tabs.Content key={l} value={l} className="min-h-0 outline-none">
                  {/* Scrolls both ways and is focusable, so the keyboard can scroll it too. */}
                  <pre
                    role="region"
                    aria-label={`${l} code`}
                    tabIndex={0}
                    className="max-h-[60vh] overflow-auto whitespace-pre rounded-md bg-zinc-950 p-3 font-mono text-xs leading-relaxed text-zinc-100 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                  >
                    {code[l]}
                  </pre>
                </Tabs.Content>
              ))}
            </Tabs.Root>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A "Copy as code" button with its dialog. */
export function CopyAsCode(props: CodeProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        <Code2 className="size-3.5" aria-hidden />
        Copy as code
      </Button>
      <CodeDialog open={open} onOpenChange={setOpen} {...props} />
    </>
  );
}
