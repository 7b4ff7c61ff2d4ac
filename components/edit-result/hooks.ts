'use client';
import { useEffect, useState } from 'react';

/** An object URL for the blob while the caller is mounted; revoked when the blob changes or on unmount. */
export function useObjectUrl(blob: Blob | null | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

export interface Size {
  width: number;
  height: number;
}

/** The decoded pixel size of an image blob (undefined while decoding or when it cannot be decoded). */
export function useImageSize(blob: Blob | null | undefined): Size | undefined {
  const [size, setSize] = useState<{ blob: Blob; size: Size }>();
  useEffect(() => {
    if (!blob) return;
    let live = true;
    createImageBitmap(blob).then(
      (bitmap) => {
        if (live) setSize({ blob, size: { width: bitmap.width, height: bitmap.height } });
        bitmap.close();
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [blob]);
  // A size measured for an earlier blob is not this one's.
  return size && size.blob === blob ? size.size : undefined;
}

export const sameSize = (a?: Size, b?: Size) => !!a && !!b && a.width === b.width && a.height === b.height;
export const formatSize = (s: Size) => `${s.width}×${s.height}`;
