'use client';
/**
 * "Upload mask": a PNG with transparency is used as is; an opaque black-and-white image is converted once the
 * user confirms which shade means "edit"; a mask of another size is offered a resize to the image's size.
 */
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { resizeNeeded } from '@/lib/mask/convert';
import { maskStore } from '@/lib/mask/mask-store';
import { coverageOf, decodeMask, toCoverage, type DecodedMask } from '@/lib/mask/upload';

type Step =
  | { step: 'idle' | 'busy' }
  | { step: 'resize'; file: Blob; name: string; width: number; height: number }
  | { step: 'confirm'; mask: DecodedMask; name: string }
  | { step: 'error' | 'done'; message: string };

const button = 'rounded-md border border-zinc-300 px-2 py-1 text-sm shadow-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

export function MaskUpload() {
  const target = useStore(maskStore, (s) => s.target);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const id = useId();
  if (!target) return null;
  const size = `${target.width}×${target.height}`;

  const fail = (e: unknown) => setState({ step: 'error', message: e instanceof Error ? e.message : String(e) });

  async function use(mask: DecodedMask, name: string, whiteMeans?: 'edit' | 'keep') {
    if (mask.kind === 'black-and-white' && !whiteMeans) return setState({ step: 'confirm', mask, name });
    if (mask.kind === 'other') {
      return setState({ step: 'error', message: `'${name}' is not a mask: it has no transparent pixels and is not black and white. Use a PNG whose transparent pixels mark the area to edit, or a black-and-white image.` });
    }
    maskStore.getState().loadCoverage(await toCoverage(coverageOf(mask, whiteMeans)));
    const how = mask.kind === 'alpha' ? 'its transparency used as is' : `${whiteMeans === 'edit' ? 'white' : 'black'} read as the area to edit`;
    setState({ step: 'done', message: `Mask loaded from '${name}', ${how}. Undo puts back the previous mask.` });
  }

  async function onFile(file: File) {
    setState({ step: 'busy' });
    try {
      const mask = await decodeMask(file);
      if (resizeNeeded(mask.image, target!)) {
        return setState({ step: 'resize', file, name: file.name, width: mask.image.width, height: mask.image.height });
      }
      await use(mask, file.name);
    } catch (e) {
      fail(e);
    }
  }

  async function resize(s: Extract<Step, { step: 'resize' }>) {
    setState({ step: 'busy' });
    try {
      await use(await decodeMask(s.file, target!), s.name);
    } catch (e) {
      fail(e);
    }
  }

  return (
    <div className="space-y-2 text-sm">
      <label htmlFor={id} className="block font-medium">
        Upload mask
      </label>
      <input
        id={id}
        type="file"
        accept="image/png,image/webp,image/jpeg"
        disabled={state.step === 'busy'}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void onFile(f);
        }}
        className="block w-full text-xs"
      />
      {state.step === 'busy' && <p className="text-zinc-500">Reading the mask…</p>}
      {state.step === 'resize' && (
        <div role="alert" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p>
            &apos;{state.name}&apos; is {state.width}×{state.height} pixels, but the image is {size}: the API needs a mask of exactly the image&apos;s size.
          </p>
          <span className="flex gap-2">
            <button type="button" className={button} onClick={() => void resize(state)}>
              Resize mask to {size}
            </button>
            <button type="button" className={button} onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </span>
        </div>
      )}
      {state.step === 'confirm' && (
        <div role="group" aria-label="Black-and-white mask" className="space-y-2 rounded border border-zinc-300 p-2 dark:border-zinc-700">
          <p>
            &apos;{state.name}&apos; is black and white, without transparency. White means edit — use it?
          </p>
          <span className="flex flex-wrap gap-2">
            <button type="button" className={button} onClick={() => void use(state.mask, state.name, 'edit').catch(fail)}>
              Use it
            </button>
            <button type="button" className={button} onClick={() => void use(state.mask, state.name, 'keep').catch(fail)}>
              No, black means edit
            </button>
            <button type="button" className={button} onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </span>
        </div>
      )}
      {state.step === 'error' && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {state.message}
        </p>
      )}
      {state.step === 'done' && (
        <p role="status" className="text-zinc-600 dark:text-zinc-400">
          {state.message}
        </p>
      )}
    </div>
  );
}
