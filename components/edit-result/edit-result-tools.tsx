'use client';
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

  return (
    <section aria-label="After the edit" className="space-y-5">
      {scaled && (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          The result is {formatSize(resultSize)} and the original {formatSize(originalSize)}: the result is scaled to{' '}
          {formatSize(originalSize)} for these comparisons.
        </p>
      )}
      {originalUrl && resultUrl && originalSize ? (
        <CompareSlider before={originalUrl} after={resultUrl} width={originalSize.width} height={originalSize.height} />
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
