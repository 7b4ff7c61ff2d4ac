'use client';
/**
 * The mask painter for Edit mode, over the first reference image. Client only: the studio loads it with
 * next/dynamic({ ssr: false }) so Konva stays out of the server and the first-load bundle.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { maskStore } from '@/lib/mask/mask-store';
import { isMacPlatform } from '@/lib/mask/shortcuts';
import { MaskPreview } from './mask-preview';
import { MaskStage } from './mask-stage';
import { Toolbar } from './toolbar';
import { useShortcuts } from './use-shortcuts';

export interface MaskPainterProps {
  /** The first reference image (an object URL); a new URL starts a new mask. */
  imageUrl: string;
  /** Its natural pixel size: the mask is exported at exactly this size. */
  width: number;
  height: number;
  /** The model's mask size limit (registry: options.mask.maxBytes); the preview warns above it. */
  maxMaskBytes?: number;
}

export default function MaskPainter({ imageUrl, width, height, maxMaskBytes }: MaskPainterProps) {
  const section = useRef<HTMLElement>(null);
  const [fitSignal, setFitSignal] = useState(0);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [mac, setMac] = useState(false);
  const onFit = useCallback(() => setFitSignal((n) => n + 1), []);

  useEffect(() => setMac(isMacPlatform()), []);
  useEffect(() => maskStore.getState().setTarget({ key: imageUrl, width, height }), [imageUrl, width, height]);
  useShortcuts(section, mac, onFit, setSpaceHeld);

  return (
    <section ref={section} role="region" aria-label="Mask painter" className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Mask painter</h2>
        <p className="text-xs text-zinc-500">
          Paint the area to edit ({width}×{height} px). Wheel or pinch to zoom, space+drag to pan.
        </p>
      </header>
      <Toolbar mac={mac} onFit={onFit} />
      <div className="grid gap-3 xl:grid-cols-[1fr_260px]">
        <MaskStage imageUrl={imageUrl} width={width} height={height} fitSignal={fitSignal} spaceHeld={spaceHeld} />
        <MaskPreview maxBytes={maxMaskBytes} />
      </div>
    </section>
  );
}
