'use client';
import { Maximize2 } from 'lucide-react';
import { useMemo } from 'react';
import { IconButton } from '@/components/ui/button';
import { useLightbox } from '@/components/lightbox/use-lightbox';
import { filenameFor } from '@/lib/history/filename';
import type { LightboxItem } from '@/lib/lightbox/items';
import { ChangesOutsideMask } from './changes-outside-mask';
import { CompareSlider } from './compare-slider';
import { formatSize, sameSize, useImageSize, useObjectUrl } from './hooks';
import { KeepMaskedArea } from './keep-masked-area';

export interface EditResultToolsProps {
  /** The first reference image sent with the edit. */
  original: Blob;
  result: Blob;
  /** The mask sent with the edit; without one only the before/after comparison is offered. */
  mask?: Blob;
  /** Receives the "Keep only the masked area" composite (PNG, the original's size). */
  onComposite(blob: Blob, width: number, height: number): void;
}

/** The tools shown under a finished edit: compare, changes outside the mask, keep only the masked area. */
export function EditResultTools({ original, result, mask, onComposite }: EditResultToolsProps) {
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

  return (
    <section aria-label="After the edit" className="space-y-5">
      {scaled && (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          The result is {formatSize(resultSize)} and the original {formatSize(originalSize)}: the result is scaled to{' '}
          {formatSize(originalSize)} for these comparisons.
        </p>
      )}
      {originalUrl && resultUrl && originalSize ? (
        <div className="relative">
          <CompareSlider before={originalUrl} after={resultUrl} width={originalSize.width} height={originalSize.height} />
          <div className="mt-1 flex gap-1">
            <IconButton label="View the result larger" icon={<Maximize2 aria-hidden className="size-4" />} aria-haspopup="dialog" onClick={(e) => lightbox.open('result', e.currentTarget)} />
          </div>
          {lightbox.element}
        </div>
      ) : (
        <p className="text-sm text-zinc-500">Loading the images…</p>
      )}
      {mask ? (
        <>
          <ChangesOutsideMask original={original} result={result} mask={mask} />
          <KeepMaskedArea original={original} result={result} mask={mask} onComposite={onComposite} />
        </>
      ) : (
        <p className="text-xs text-zinc-500">
          This edit had no mask, so the whole image was open to change: there is no &ldquo;outside the mask&rdquo; to check.
        </p>
      )}
    </section>
  );
}
