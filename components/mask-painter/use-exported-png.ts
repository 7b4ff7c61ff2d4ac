'use client';
/**
 * The "as sent" previews' shared part (mask and markup): the PNG an edit would send, re-exported 200 ms after the
 * last change, as an object URL with its pixel size (as the PNG says it, not as asked) and bytes. Old URLs are
 * revoked; an export that fails says why.
 */
import { useEffect, useRef, useState } from 'react';
import { sniffImage } from '@/lib/images/sniff';

export interface ExportedPng {
  revision: number;
  url: string | null;
  bytes: number;
  width: number;
  height: number;
  error?: string;
}

/** A checkerboard behind a transparent PNG. */
export const CHECKERBOARD = { background: 'repeating-conic-gradient(#d4d4d8 0 25%, #fff 0 50%) 0 0 / 16px 16px' };

/** The export for `revision`, or null while it is being made. */
export function useExportedPng(revision: number, exportPng: () => Promise<Blob | null>): ExportedPng | null {
  const [exported, setExported] = useState<ExportedPng | null>(null);
  const url = useRef<string | null>(null);
  const latest = useRef(exportPng);
  latest.current = exportPng;

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      let next: ExportedPng = { revision, url: null, bytes: 0, width: 0, height: 0 };
      try {
        const blob = await latest.current();
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

  return exported?.revision === revision ? exported : null;
}
