'use client';
/**
 * The actions of a result tile or a history card: the common ones as icon buttons with tooltips (each keeps
 * its words as its accessible name), the rarer ones in a "More actions" menu, Delete last in it, set apart.
 */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { Copy, Download, Ellipsis, Maximize2, MessageSquarePlus, Pencil, RefreshCw, SlidersHorizontal, Trash2 } from 'lucide-react';
import { buttonClass, IconButton } from '@/components/ui/button';
import { Tooltip } from '@/components/ui/tooltip';
import { useGallery } from '@/lib/studio/gallery-store.client';
import { useStudio, type StudioMode } from '@/lib/studio/params-store.client';
import { runGeneration } from '@/lib/studio/run-generation.client';

const icon = (I: typeof Download) => <I aria-hidden className="size-4" />;

/**
 * Regenerate: the same request again, through the studio's own path (its settings become the form's). Its
 * button is named "Run again": a name containing "Generate" would be one more match for the Generate button.
 */
export async function regenerate(fields: Record<string, unknown>, mode: StudioMode = 'generate'): Promise<void> {
  const running = Object.values(useGallery.getState().runs).some((r) => r.status === 'starting' || r.status === 'running');
  if (running) return;
  useStudio.getState().reuse(fields, mode);
  window.scrollTo({ top: 0, behavior: 'smooth' });
  await runGeneration();
}

export interface CardActionsProps {
  /** A link to the bytes held in memory (results), or a function that loads them (history). */
  download?: { label: string; href: string; filename: string } | { label: string; onClick(): void };
  onReuse(): void;
  onEdit?(): void;
  onContinue?(): void;
  onRegenerate?(): void;
  /** An image that is not itself a button (GIF, SVG) opens the lightbox from here. */
  onOpen?(opener: HTMLElement): void;
  onCopyImage?(): void;
  onDelete?(): void;
}

export function CardActions(p: CardActionsProps) {
  const running = useGallery((s) => Object.values(s.runs).some((r) => r.status === 'starting' || r.status === 'running'));
  const more = p.onCopyImage || p.onDelete;
  return (
    <div className="flex flex-wrap items-center gap-0.5" role="group" aria-label="Actions">
      {p.download &&
        ('href' in p.download ? (
          <Tooltip content={p.download.label}>
            <a href={p.download.href} download={p.download.filename} aria-label={p.download.label} className={`${buttonClass('ghost', 'sm')} size-8 p-0`}>
              {icon(Download)}
            </a>
          </Tooltip>
        ) : (
          <IconButton label={p.download.label} icon={icon(Download)} onClick={p.download.onClick} />
        ))}
      {p.onOpen && <IconButton label="View larger" icon={icon(Maximize2)} onClick={(e) => p.onOpen!(e.currentTarget)} />}
      <IconButton label="Reuse settings" icon={icon(SlidersHorizontal)} onClick={p.onReuse} />
      {p.onEdit && <IconButton label="Edit this image" icon={icon(Pencil)} onClick={p.onEdit} />}
      {p.onContinue && <IconButton label="Continue in chat" icon={icon(MessageSquarePlus)} onClick={p.onContinue} />}
      {p.onRegenerate && (
        <IconButton
          label="Run again"
          icon={icon(RefreshCw)}
          disabled={running}
          onClick={p.onRegenerate}
        />
      )}
      {more && (
        <Menu.Root modal={false}>
          <Menu.Trigger asChild>
            <IconButton label="More actions" icon={icon(Ellipsis)} />
          </Menu.Trigger>
          <Menu.Portal>
            <Menu.Content
              align="end"
              sideOffset={4}
              className="z-50 min-w-44 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
            >
              {p.onCopyImage && (
                <Menu.Item className={ITEM} onSelect={p.onCopyImage}>
                  {icon(Copy)}Copy image
                </Menu.Item>
              )}
              {p.onDelete && (
                <>
                  {p.onCopyImage && <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />}
                  <Menu.Item className={`${ITEM} text-red-700 data-[highlighted]:bg-red-50 dark:text-red-400 dark:data-[highlighted]:bg-red-950`} onSelect={p.onDelete}>
                    {icon(Trash2)}Delete
                  </Menu.Item>
                </>
              )}
            </Menu.Content>
          </Menu.Portal>
        </Menu.Root>
      )}
    </div>
  );
}

const ITEM = 'flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800';
