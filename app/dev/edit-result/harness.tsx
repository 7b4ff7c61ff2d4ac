'use client';
import { useEffect, useState } from 'react';
import { EditResultTools } from '@/components/edit-result/edit-result-tools';
import { useObjectUrl } from '@/components/edit-result/hooks';
import { buildHarnessImages, type HarnessImages } from './fixtures';

type Size = { width: number; height: number };
const DEFAULT_SIZE: Size = { width: 240, height: 160 };

interface Composite {
  blob: Blob;
  width: number;
  height: number;
  calls: number;
}

function Input({ blob, alt }: { blob: Blob; alt: string }) {
  const url = useObjectUrl(blob);
  // eslint-disable-next-line @next/next/no-img-element -- a blob URL
  return url ? <img src={url} alt={alt} className="h-20 border border-zinc-300 bg-[repeating-conic-gradient(#ddd_0_25%,#fff_0_50%)] bg-[length:12px_12px]" /> : null;
}

export function EditResultHarness({ withMask, size = DEFAULT_SIZE, resultSize }: { withMask: boolean; size?: Size; resultSize?: Size }) {
  const [images, setImages] = useState<HarnessImages>();
  const [error, setError] = useState<string>();
  const [composite, setComposite] = useState<Composite>();
  const compositeUrl = useObjectUrl(composite?.blob);
  const { width, height } = size;
  const rw = resultSize?.width;
  const rh = resultSize?.height;

  useEffect(() => {
    buildHarnessImages(width, height, rw && rh ? { width: rw, height: rh } : undefined).then(setImages, (e: unknown) => setError(String(e)));
  }, [width, height, rw, rh]);

  return (
    <main className="mx-auto max-w-3xl space-y-6 p-6">
      <header>
        <h1 className="text-xl font-bold">Edit result tools — dev harness</h1>
        <p className="text-sm text-zinc-500">
          A {width}×{height} original, a mask painted as a feathered circle, and a fake result: new content in the circle, {` `}
          a few pixels changed outside it and a patch changed by less than the threshold.
        </p>
      </header>
      {error && <p role="alert">{error}</p>}
      {images && (
        <>
          <div className="flex gap-3">
            <Input blob={images.original} alt="Harness original" />
            <Input blob={images.mask} alt="Harness mask" />
            <Input blob={images.result} alt="Harness result" />
          </div>
          <EditResultTools
            original={images.original}
            result={images.result}
            mask={withMask ? images.mask : undefined}
            onComposite={(blob, width, height) => setComposite((c) => ({ blob, width, height, calls: (c?.calls ?? 0) + 1 }))}
          />
        </>
      )}
      {composite && compositeUrl && (
        <figure className="space-y-1">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={compositeUrl} alt="Composite: the result kept only inside the mask" />
          <figcaption className="text-xs text-zinc-500">
            onComposite called {composite.calls}× — {composite.width}×{composite.height}, {composite.blob.type}, {composite.blob.size} bytes
          </figcaption>
        </figure>
      )}
    </main>
  );
}
