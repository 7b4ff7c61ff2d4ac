'use client';
/**
 * "Mask as sent": the PNG an edit would send, re-exported shortly after each change, on a checkerboard (the
 * transparent area is what the model may repaint), with its pixel size and bytes, and a download link.
 */
import { useStore } from 'zustand';
import { formatBytes } from '@/components/ui/field';
import { CHECKERBOARD, useExportedPng } from './use-exported-png';
import { currentMaskPng, maskStore } from '@/lib/mask/mask-store';
import { MaskUpload } from './mask-upload';

/** maxBytes: the model's mask limit from the registry, when the host knows the model. */
export function MaskPreview({ maxBytes }: { maxBytes?: number }) {
  const revision = useStore(maskStore, (s) => s.revision);
  const exported = useExportedPng(revision, currentMaskPng);
  return (
    <div className="space-y-3">
      <figure aria-label="Mask as sent" className="space-y-1.5">
        <figcaption className="text-sm font-medium">Mask as sent</figcaption>
        {!exported ? (
          <p className="text-sm text-zinc-500" role="status">
            Updating…
          </p>
        ) : exported.error ? (
          <p role="alert" className="text-sm text-red-700">
            The mask could not be exported: {exported.error}
          </p>
        ) : exported.url ? (
          <>
            <div style={CHECKERBOARD} className="inline-block rounded border border-zinc-300 dark:border-zinc-700">
              <img src={exported.url} alt="The mask as sent: transparent where the image may change" className="block max-h-40 max-w-full" />
            </div>
            <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="mask-facts">
              {exported.width}×{exported.height} px · {formatBytes(exported.bytes)} · PNG with alpha (transparent = edit)
            </p>
            {maxBytes !== undefined && exported.bytes >= maxBytes && (
              <p role="alert" className="text-xs text-red-700 dark:text-red-300">
                The mask is {formatBytes(exported.bytes)}; this model takes masks under {formatBytes(maxBytes)}. Fewer soft edges make it smaller.
              </p>
            )}
            <a href={exported.url} download="mask.png" className="text-sm text-indigo-700 underline dark:text-indigo-300">
              Download mask
            </a>
          </>
        ) : (
          <p className="text-sm text-zinc-500" role="status">
            No mask: nothing is painted, so an edit may change the whole image.
          </p>
        )}
      </figure>
      <MaskUpload />
    </div>
  );
}
