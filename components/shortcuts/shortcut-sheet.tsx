'use client';
/** The keyboard shortcuts, read from their tables: the studio's, the mask painter's and markup's. */
import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { SHORTCUTS as MASK_SHORTCUTS } from '@/lib/mask/shortcuts';
import { MARKUP_SHORTCUTS } from '@/lib/markup/shortcuts';
import { keyLabel, STUDIO_SHORTCUTS } from '@/lib/shortcuts/studio';
import { IconButton } from '@/components/ui/button';

const SECTIONS = [
  { title: 'Studio', rows: STUDIO_SHORTCUTS },
  { title: 'Mask painter', rows: MASK_SHORTCUTS },
  { title: 'Markup', rows: MARKUP_SHORTCUTS },
] as const;

export function ShortcutSheet({ open, onOpenChange, mac }: { open: boolean; onOpenChange(open: boolean): void; mac: boolean }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[2px]" />
        {/* Focus the sheet itself: on the Close button its tooltip would open and take the first Esc. */}
        <Dialog.Content
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            (e.currentTarget as HTMLElement).focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-5 shadow-xl outline-none dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mb-3 flex items-center justify-between">
            <Dialog.Title className="text-base font-semibold">Keyboard shortcuts</Dialog.Title>
            <Dialog.Close asChild>
              <IconButton label="Close" icon={<X className="size-4" aria-hidden />} />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Every shortcut of the studio and the painter.</Dialog.Description>
          {SECTIONS.map((section) => (
            <section key={section.title} className="mt-3 first:mt-0">
              <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">{section.title}</h3>
              <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
                {section.rows.map((row) => (
                  <div key={row.label} className="flex items-center justify-between gap-4 py-1.5">
                    <dt>{row.label}</dt>
                    <dd className="flex shrink-0 gap-1">
                      {row.keys.map((k) => (
                        <kbd key={k} className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
                          {keyLabel(k, mac)}
                        </kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
