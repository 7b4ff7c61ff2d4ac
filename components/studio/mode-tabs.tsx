'use client';
/**
 * The studio's modes as ARIA tabs: one tab stop (the selected tab), ArrowLeft/Right, Home and End move and
 * select. Each mode's primary action is named here too, so the button says what it does.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { StudioMode } from '@/lib/studio/params-store.client';

export const MODES: readonly { mode: StudioMode; label: string; action: string }[] = [
  { mode: 'generate', label: 'Generate', action: 'Generate' },
  { mode: 'edit', label: 'Edit', action: 'Edit' },
  { mode: 'variation', label: 'Variations', action: 'Create variations' },
];

export const actionOf = (mode: StudioMode) => MODES.find((m) => m.mode === mode)!.action;

export function ModeTabs({ modes, value, onChange }: { modes: readonly StudioMode[]; value: StudioMode; onChange(mode: StudioMode): void }) {
  const list = useRef<HTMLDivElement>(null);
  const shown = MODES.filter((m) => modes.includes(m.mode));
  const move = (e: KeyboardEvent, from: number) => {
    const to = { ArrowRight: from + 1, ArrowLeft: from - 1, Home: 0, End: shown.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const i = (to + shown.length) % shown.length;
    onChange(shown[i].mode);
    list.current?.querySelectorAll<HTMLButtonElement>('[role=tab]')[i]?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label="Mode" className="flex gap-1 rounded-lg bg-zinc-100 p-1 text-sm dark:bg-zinc-900">
      {shown.map((m, i) => {
        const on = value === m.mode;
        return (
          <button
            key={m.mode}
            role="tab"
            type="button"
            aria-selected={on}
            tabIndex={on ? 0 : -1}
            onKeyDown={(e) => move(e, i)}
            onClick={() => onChange(m.mode)}
            className={`flex-1 rounded-md px-2 py-1.5 outline-none transition-colors focus-visible:ring-2 focus-visible:ring-indigo-500 ${
              on ? 'bg-white font-medium text-zinc-900 shadow-sm dark:bg-zinc-800 dark:text-zinc-100' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
            }`}
          >
            {m.label}
          </button>
        );
      })}
    </div>
  );
}
