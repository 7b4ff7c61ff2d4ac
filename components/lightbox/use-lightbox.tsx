'use client';
/**
 * Open a lightbox on a list of images: `open(id)` from a click shows that image, and the arrow keys move
 * through the list. The dialog's code loads on first use, outside the page's first load.
 */
import dynamic from 'next/dynamic';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { LightboxItem } from '@/lib/lightbox/items';

const Lightbox = dynamic(() => import('./lightbox').then((m) => m.Lightbox), { ssr: false });

export interface LightboxControl {
  /** Show the image `id` of the list; focus returns to `opener` (default: what has focus now) on close. */
  open(id: string, opener?: HTMLElement | null): void;
  /** The dialog while open (render it anywhere: it portals to the body). */
  element: ReactNode;
}

export function useLightbox(items: readonly LightboxItem[]): LightboxControl {
  const [current, setCurrent] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((id: string, from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setCurrent(id);
  }, []);
  const close = useCallback(() => setCurrent(null), []);
  const element = current !== null ? <Lightbox items={items} currentId={current} onNavigate={setCurrent} onClose={close} opener={opener.current} /> : null;
  return { open, element };
}
