'use client';
/**
 * Aspect-ratio shapes as one radiogroup (arrow keys move and choose, one tab stop). Each shape is offered only
 * where the model has a size of that ratio (lib/studio/aspect); the caller turns a choice into a size.
 */
import { useRef, type KeyboardEvent } from 'react';
import { ASPECTS, type AspectLabel } from '@/lib/studio/aspect';

export function AspectPicker({ value, offered, onPick }: { value: AspectLabel | null; offered: readonly AspectLabel[]; onPick(label: AspectLabel): void }) {
  const group = useRef<HTMLDivElement>(null);
  const shapes = ASPECTS.filter((a) => offered.includes(a.label));
  if (shapes.length < 2) return null;
  const focusable = value && offered.includes(value) ? value : shapes[0].label;
  const move = (e: KeyboardEvent, from: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? shapes.length - 1 : step === undefined ? -1 : (from + step + shapes.length) % shapes.length;
    if (to < 0) return;
    e.preventDefault();
    onPick(shapes[to].label);
    group.current?.querySelectorAll<HTMLButtonElement>('[role=radio]')[to]?.focus();
  };
  return (
    <div ref={group} role="radiogroup" aria-label="Aspect ratio" className="flex flex-wrap gap-1.5">
      {shapes.map((a, i) => {
        const on = value === a.label;
        const long = 18;
        return (
          <button
            key={a.label}
            type="button"
            role="radio"
            aria-checked={on}
            tabIndex={a.label === focusable ? 0 : -1}
            onClick={() => onPick(a.label)}
            onKeyDown={(e) => move(e, i)}
            className={`flex h-12 min-w-12 flex-1 flex-col items-center justify-center gap-1 rounded-md border text-xs outline-none transition-colors focus-visible:ring-2 focus-visible:ring-indigo-500 ${
              on
                ? 'border-indigo-500 bg-indigo-50 font-medium text-indigo-700 dark:border-indigo-400 dark:bg-indigo-950/60 dark:text-indigo-300'
                : 'border-zinc-300 text-zinc-600 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800'
            }`}
          >
            <span
              aria-hidden
              className={`block rounded-[3px] border-2 ${on ? 'border-indigo-500 dark:border-indigo-400' : 'border-zinc-400 dark:border-zinc-500'}`}
              style={{ width: (long * a.w) / Math.max(a.w, a.h), height: (long * a.h) / Math.max(a.w, a.h) }}
            />
            {a.label}
          </button>
        );
      })}
    </div>
  );
}
