'use client';
/**
 * An edit in one viewer sized to the viewport: tabs Painter / Result / Compare / Changes outside the mask (Radix
 * Tabs: arrow keys between tabs), instead of the result, the slider and the heatmap stacked at full size.
 * `--viewer-h` is the height a panel's picture may take; the compare slider and the heatmap fit it.
 */
import { useMemo, type ReactNode } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import { Maximize2 } from 'lucide-react';
import { IconButton } from '@/components/ui/button';
import { useLightbox } from '@/components/lightbox/use-lightbox';
import { filenameFor } from '@/lib/history/filename';
import type { LightboxItem } from '@/lib/lightbox/items';
import { ChangesOutsideMask } from './changes-outside-mask';
import { CompareSlider } from './compare-slider';
import { formatSize, sameSize, useImageSize, useObjectUrl } from './hooks';
import { KeepMaskedArea } from './keep-masked-area';

export type ViewerTab = 'painter' | 'result' | 'compare' | 'changes';

export interface EditResult {
  /** The first reference image sent with the edit. */
  original: Blob;
  result: Blob;
  /** The mask sent with the edit; without one only the before/after comparison is offered. */
  mask?: Blob;
  /** Receives the "Keep only the masked area" composite (PNG, the original's size). */
  onComposite(blob: Blob, width: number, height: number): void;
}

export interface EditViewerProps {
  /** The mask painter (kept mounted while another tab shows, so its strokes and view stay). */
  painter?: ReactNode;
  /** The run's tiles. */
  result?: ReactNode;
  /** A finished edit to compare; null while none has finished. */
  edit: EditResult | null;
  tab: ViewerTab;
  onTab(tab: ViewerTab): void;
}

const TAB =
  'rounded-md px-3 py-1.5 text-sm font-medium text-zinc-600 outline-none transition-colors hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:cursor-not-allowed disabled:opacity-40 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-[state=active]:bg-zinc-800 dark:data-[state=active]:text-zinc-100';

export function EditViewer({ painter, result, edit, tab, onTab }: EditViewerProps) {
  const tabs: { id: ViewerTab; label: string; enabled: boolean }[] = [
    ...(painter ? [{ id: 'painter' as const, label: 'Painter', enabled: true }] : []),
    ...(result !== undefined ? [{ id: 'result' as const, label: 'Result', enabled: !!result }] : []),
    { id: 'compare', label: 'Compare', enabled: !!edit },
    // Without a mask there is no "outside the mask": the tab goes (Compare says why).
    ...(edit && !edit.mask ? [] : [{ id: 'changes' as const, label: 'Changes outside the mask', enabled: !!edit?.mask }]),
  ];
  const current = tabs.find((t) => t.id === tab && t.enabled) ? tab : (tabs.find((t) => t.enabled)?.id ?? 'painter');
  return (
    <Tabs.Root value={current} onValueChange={(v) => onTab(v as ViewerTab)} className="min-w-0 space-y-3 [--viewer-h:calc(100dvh-16rem)]">
      <Tabs.List aria-label="Edit viewer" className="flex max-w-full gap-1 overflow-x-auto rounded-lg bg-zinc-100 p-1 dark:bg-zinc-900">
        {tabs.map((t) => (
          <Tabs.Trigger key={t.id} value={t.id} disabled={!t.enabled} className={`${TAB} shrink-0`}>
            {t.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {painter && (
        // Hidden by height, not display: Konva draws into canvases sized from the layout, and 0×0 throws.
        <Tabs.Content value="painter" forceMount className="outline-none data-[state=inactive]:invisible data-[state=inactive]:h-0 data-[state=inactive]:overflow-hidden">
          {painter}
        </Tabs.Content>
      )}
      {result && (
        <Tabs.Content value="result" className="outline-none">
          {result}
        </Tabs.Content>
      )}
      {edit && <EditPanels edit={edit} />}
    </Tabs.Root>
  );
}

function EditPanels({ edit }: { edit: EditResult }) {
  const { original, result, mask, onComposite } = edit;
  const originalUrl = useObjectUrl(original);
  const resultUrl = useObjectUrl(result);
  const originalSize = useImageSize(original);
  const resultSize = useImageSize(result);
  const scaled = originalSize && resultSize && !sameSize(originalSize, resultSize);
  // The lightbox shows the two at full size; the arrow keys flip between them.
  const items = useMemo<LightboxItem[]>(() => [
    { id: 'original', alt: 'Original (before the edit)', title: 'Original (before the edit)', mime: original.type, blob: original, src: originalUrl, width: originalSize?.width, height: originalSize?.height, filename: filenameFor('original', original.type) },
    { id: 'result', alt: 'Result (after the edit)', title: 'Result (after the edit)', mime: result.type, blob: result, src: resultUrl, width: resultSize?.width, height: resultSize?.height, filename: filenameFor('edit result', result.type) },
  ], [original, result, originalUrl, resultUrl, originalSize, resultSize]);
  const lightbox = useLightbox(items);
  const note = scaled && (
    <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      The result is {formatSize(resultSize)} and the original {formatSize(originalSize)}: the result is scaled to {formatSize(originalSize)} for these comparisons.
    </p>
  );
  return (
    <>
      <Tabs.Content value="compare" className="space-y-3 outline-none">
        {lightbox.element}
        <div className="flex items-center justify-between gap-2">
          {note || <span />}
          <IconButton label="View the result larger" icon={<Maximize2 aria-hidden className="size-4" />} onClick={(e) => lightbox.open('result', e.currentTarget)} />
        </div>
        {originalUrl && resultUrl && originalSize ? (
          <CompareSlider before={originalUrl} after={resultUrl} width={originalSize.width} height={originalSize.height} />
        ) : (
          <p className="text-sm text-zinc-500">Loading the images…</p>
        )}
        {!mask && (
          <p className="text-xs text-zinc-500">
            This edit had no mask, so the whole image was open to change: there is no &ldquo;outside the mask&rdquo; to check.
          </p>
        )}
      </Tabs.Content>
      {mask && (
        <Tabs.Content value="changes" className="space-y-4 outline-none">
          {note}
          <ChangesOutsideMask original={original} result={result} mask={mask} />
          <KeepMaskedArea original={original} result={result} mask={mask} onComposite={onComposite} />
        </Tabs.Content>
      )}
    </>
  );
}
