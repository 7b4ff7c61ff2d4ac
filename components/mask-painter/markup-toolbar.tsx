'use client';
/** Markup mode's controls: the mark tools, colour, stroke width, undo/redo, Clear and Fit. */
import { useId } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { markupStore } from '@/lib/markup/markup-store';
import { markupHint } from '@/lib/markup/shortcuts';
import { MARK_TOOLS, strokeRange, SWATCHES } from '@/lib/markup/shapes';

const button =
  'rounded-md border border-zinc-300 px-2 py-1 text-sm shadow-sm hover:bg-zinc-100 disabled:opacity-40 aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800 dark:border-zinc-700 dark:hover:bg-zinc-800 dark:aria-pressed:bg-indigo-950 dark:aria-pressed:text-indigo-200';

export function MarkupToolbar({ mac, onFit }: { mac: boolean; onFit(): void }) {
  // Only what the controls show: a growing pen stroke must not re-render them.
  const s = useStore(
    markupStore,
    useShallow((m) => ({
      tool: m.tool,
      color: m.color,
      width: m.strokeWidth,
      target: m.target,
      busy: !!m.pending,
      canUndo: m.history.past.length > 0,
      canRedo: m.history.future.length > 0,
      count: m.history.marks.length,
    })),
  );
  const a = markupStore.getState();
  const widthId = useId();
  const range = strokeRange(s.target);
  return (
    <div role="toolbar" aria-label="Markup tools" className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <span className="flex flex-wrap gap-1">
        {MARK_TOOLS.map((t) => (
          <button key={t.tool} type="button" className={button} aria-pressed={s.tool === t.tool} title={markupHint(t.tool, mac)} onClick={() => a.setTool(t.tool)}>
            {t.label}
          </button>
        ))}
      </span>
      <span className="flex items-center gap-1" role="group" aria-label="Mark colour">
        {SWATCHES.map((c) => (
          <button
            key={c.hex}
            type="button"
            title={c.name}
            aria-label={`Colour ${c.name}`}
            aria-pressed={s.color.toLowerCase() === c.hex}
            onClick={() => a.setColor(c.hex)}
            className="h-6 w-6 rounded-full border border-zinc-400 shadow-sm aria-pressed:ring-2 aria-pressed:ring-indigo-500 aria-pressed:ring-offset-1 dark:border-zinc-500 dark:ring-offset-zinc-900"
            style={{ background: c.hex }}
          />
        ))}
        <label className="ml-1 flex items-center gap-1 text-sm">
          <span className="sr-only">Mark colour (any)</span>
          <input type="color" value={s.color} onChange={(e) => a.setColor(e.target.value)} className="h-6 w-8 cursor-pointer rounded border border-zinc-300 dark:border-zinc-700" />
        </label>
      </span>
      <span className="flex items-center gap-1.5 text-sm">
        <label htmlFor={widthId}>Stroke width</label>
        <input
          id={widthId}
          type="range"
          min={range.min}
          max={range.max}
          value={s.width}
          aria-valuetext={`${s.width} px`}
          onChange={(e) => a.setStrokeWidth(Number(e.target.value))}
          className="w-24 accent-indigo-600"
        />
        <output htmlFor={widthId} className="w-12 tabular-nums text-xs text-zinc-500">
          {s.width} px
        </output>
      </span>
      <span className="flex gap-1">
        <button type="button" className={button} title={markupHint('undo', mac)} disabled={s.busy || !s.canUndo} onClick={() => a.undo()}>
          Undo
        </button>
        <button type="button" className={button} title={markupHint('redo', mac)} disabled={s.busy || !s.canRedo} onClick={() => a.redo()}>
          Redo
        </button>
        <button type="button" className={button} title="Clear all marks (undoable)" disabled={s.busy || !s.count} onClick={a.clear}>
          Clear marks
        </button>
        <button type="button" className={button} title={markupHint('fit', mac)} onClick={onFit}>
          Fit
        </button>
      </span>
    </div>
  );
}
