'use client';
import { useState } from 'react';
import { keepMaskedArea } from '@/lib/mask/diff';
import { encodePng } from '@/lib/mask/image-data';
import { decodeEditImages } from './decode-edit';

export interface KeepMaskedAreaProps {
  original: Blob;
  result: Blob;
  mask: Blob;
  /** Receives the composite as a PNG at the original's size (the studio adds it to the gallery and history). */
  onComposite(blob: Blob, width: number, height: number): void;
}

/** Puts the result back onto the original through the mask, in the browser: only the painted area changes. */
export function KeepMaskedArea({ original, result, mask, onComposite }: KeepMaskedAreaProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function composite() {
    setBusy(true);
    setError(undefined);
    try {
      const imgs = await decodeEditImages(original, result, mask);
      const out = keepMaskedArea(imgs.original, imgs.result, imgs.mask);
      onComposite(await encodePng(out), out.width, out.height);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-1">
      <button
        type="button"
        onClick={() => void composite()}
        disabled={busy}
        aria-busy={busy}
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-50"
      >
        Keep only the masked area
      </button>
      <p className="text-xs text-zinc-500">
        Blends the result into the original through the mask (feathered edges blend), so pixels outside the painted area stay
        exactly the original&apos;s. The composite is a PNG at the original&apos;s size.
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-600">
          Could not build the composite: {error}
        </p>
      )}
    </div>
  );
}
