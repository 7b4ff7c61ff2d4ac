'use client';
/**
 * The painter for Edit mode, over the first reference image: a mask (where to edit) or, on models that take
 * it (gpt-image-2.6), markup (marks that say what to change). Client only: the studio loads it with
 * next/dynamic({ ssr: false }) so Konva stays out of the server and the first-load bundle.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { maskStore } from '@/lib/mask/mask-store';
import { isMacPlatform } from '@/lib/mask/shortcuts';
import { markupStore, type PainterMode } from '@/lib/markup/markup-store';
import { MaskPreview } from './mask-preview';
import { MaskStage } from './mask-stage';
import { MarkupPreview } from './markup-preview';
import { MarkupToolbar } from './markup-toolbar';
import { Toolbar } from './toolbar';
import { useShortcuts } from './use-shortcuts';

export interface MaskPainterProps {
  /** The first reference image (an object URL); a new URL starts a new mask and new marks. */
  imageUrl: string;
  /** Its natural pixel size: the mask and the markup are exported at exactly this size. */
  width: number;
  height: number;
  /** The model's mask size limit (registry: options.mask.maxBytes); the preview warns above it. */
  maxMaskBytes?: number;
  /** The model's markup rule (registry: options.markup, gpt-image-2.6 edits): Markup is offered only with it. */
  markup?: { maxBytes: number };
}

export const MASK_OR_MARKUP = 'Markup and a mask cannot be combined: the service takes one or the other.';

export default function MaskPainter({ imageUrl, width, height, maxMaskBytes, markup }: MaskPainterProps) {
  const section = useRef<HTMLElement>(null);
  const [fitSignal, setFitSignal] = useState(0);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [mac, setMac] = useState(false);
  const onFit = useCallback(() => setFitSignal((n) => n + 1), []);
  const chosen = useStore(markupStore, (s) => s.mode);
  // A model without markup paints the mask, whatever was chosen on another model.
  const mode: PainterMode = markup ? chosen : 'mask';
  const hasMarks = useStore(markupStore, (s) => s.history.marks.length > 0);
  const hasMask = useStore(maskStore, (s) => s.hasMask());
  const noteId = useId();

  useEffect(() => setMac(isMacPlatform()), []);
  useEffect(() => maskStore.getState().setTarget({ key: imageUrl, width, height }), [imageUrl, width, height]);
  useEffect(() => markupStore.getState().setTarget({ key: imageUrl, width, height }), [imageUrl, width, height]);
  useShortcuts(section, mac, onFit, setSpaceHeld, mode);

  const choose = (m: PainterMode) => markupStore.getState().setMode(m);
  return (
    <section ref={section} role="region" aria-label="Mask painter" className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">{mode === 'markup' ? 'Markup' : 'Mask painter'}</h2>
        <p className="text-xs text-zinc-500">
          {mode === 'markup'
            ? `Draw marks on the image (${width}×${height} px): circle things, point with arrows, add notes. Wheel or pinch to zoom, space+drag to pan.`
            : `Paint the area to edit (${width}×${height} px). Wheel or pinch to zoom, space+drag to pan.`}
        </p>
      </header>
      {markup && (
        <div className="flex flex-wrap items-center gap-3">
          <div role="radiogroup" aria-label="What the edit sends" aria-describedby={noteId} className="inline-flex overflow-hidden rounded-md border border-zinc-300 text-sm dark:border-zinc-700">
            {(['mask', 'markup'] as const).map((m) => (
              <label
                key={m}
                className="relative cursor-pointer px-3 py-1 has-checked:bg-indigo-600 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-indigo-500 hover:bg-zinc-100 has-checked:hover:bg-indigo-600 dark:hover:bg-zinc-800"
              >
                <input type="radio" name={`painter-mode-${noteId}`} value={m} checked={mode === m} onChange={() => choose(m)} className="absolute inset-0 cursor-pointer opacity-0" />
                {m === 'mask' ? 'Mask' : 'Markup'}
              </label>
            ))}
          </div>
          <p id={noteId} className="text-xs text-zinc-600 dark:text-zinc-400" role="note">
            {MASK_OR_MARKUP}{' '}
            {mode === 'markup'
              ? hasMask
                ? 'The painted mask is kept here but not sent while Markup is chosen.'
                : 'No mask is sent while Markup is chosen.'
              : hasMarks
                ? 'The marks are kept here but not sent while Mask is chosen.'
                : 'No markup is sent while Mask is chosen.'}
          </p>
        </div>
      )}
      {mode === 'markup' ? <MarkupToolbar mac={mac} onFit={onFit} /> : <Toolbar mac={mac} onFit={onFit} />}
      <div className="grid gap-3 xl:grid-cols-[1fr_260px]">
        <MaskStage imageUrl={imageUrl} width={width} height={height} fitSignal={fitSignal} spaceHeld={spaceHeld} mode={mode} />
        {mode === 'markup' ? <MarkupPreview maxBytes={markup?.maxBytes} /> : <MaskPreview maxBytes={maxMaskBytes} />}
      </div>
    </section>
  );
}
