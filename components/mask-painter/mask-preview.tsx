'use client';
/**
 * "Mask as sent": the PNG an edit would send, re-exported shortly after each change, on a checkerboard (the
 * transparent area is what the model may repaint), with its pixel size and bytes, and a download link.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { formatBytes } from '@/components/ui/field';
import { sniffImage } from '@/lib/images/sniff';
import { currentMaskPng, maskStore } from '@/lib/mask/mask-store';
import { MaskUpload } from './mask-upload';

interface Exported {
  revision: number;
  url: string | null;
  bytes: number;
  width: number;
  height: number;
  error?: string;
}

const CHECKERBOARD = { background: 'repeating-conic-gradient(#d4d4d8 0 25%, #fff 0 50%) 0 0 / 16px 16px' };

/** maxBytes: the model's mask limit from the registry, when the host knows the model. */
export function MaskPreview({ maxBytes }: { maxBytes?: number }) {
  const revision = useStore(maskStore, (s) => s.revision);
  const [exported, setExported] = useState<Exported | null>(null);
  const url = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      let next: Exported = { revision, url: null, bytes: 0, width: 0, height: 0 };
      try {
        const blob = await currentMaskPng();
        // The size as the PNG says it, not as we asked.
        const info = blob && sniffImage(new Uint8Array(await blob.slice(0, 64).arrayBuffer()));
        if (cancelled) return;
        if (blob) next = { revision, url: URL.createObjectURL(blob), bytes: blob.size, width: info?.width ?? 0, height: info?.height ?? 0 };
      } catch (e) {
        next.error = e instanceof Error ? e.message : String(e);
      }
      if (cancelled) return;
      if (url.current) URL.revokeObjectURL(url.current);
      url.current = next.url;
      setExported(next);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [revision]);

  useEffect(
    () => () => {
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );

  const fresh = exported?.revision === revision;
  return (
    <div className="space-y-3">
      <figure aria-label="Mask as sent" className="space-y-1.5">
        <figcaption className="text-sm font-medium">Mask as sent</figcaption>
        {!fresh ? (
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
