'use client';
/** The painter's controls; tooltips come from the shortcut table. */
import { useId, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { brushRange, featherRange, maskStore } from '@/lib/mask/mask-store';
import { shortcutHint, type ShortcutAction } from '@/lib/mask/shortcuts';

const button =
  'rounded-md border border-zinc-300 px-2 py-1 text-sm shadow-sm hover:bg-zinc-100 disabled:opacity-40 aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800 dark:border-zinc-700 dark:hover:bg-zinc-800 dark:aria-pressed:bg-indigo-950 dark:aria-pressed:text-indigo-200';

function Slider(props: { label: string; value: number; min: number; max: number; step?: number; unit: string; onChange(v: number): void }) {
  const id = useId();
  const text = props.unit === '%' ? `${Math.round(props.value * 100)}%` : `${props.value} ${props.unit}`;
  return (
    <span className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value}
        aria-valuetext={text}
        onChange={(e) => props.onChange(Number(e.target.value))}
        className="w-24 accent-indigo-600"
      />
      <output htmlFor={id} className="w-14 tabular-nums text-xs text-zinc-500">
        {text}
      </output>
    </span>
  );
}

function Btn(p: { mac: boolean; action?: ShortcutAction; title?: string; pressed?: boolean; disabled?: boolean; onClick(): void; children: ReactNode }) {
  return (
    <button type="button" className={button} title={p.title ?? (p.action && shortcutHint(p.action, p.mac))} aria-pressed={p.pressed} disabled={p.disabled} onClick={p.onClick}>
      {p.children}
    </button>
  );
}

export function Toolbar({ mac, onFit }: { mac: boolean; onFit(): void }) {
  // Only what the controls show: a growing stroke must not re-render them.
  const s = useStore(
    maskStore,
    useShallow((m) => ({
      tool: m.tool,
      brushSize: m.brushSize,
      feather: m.feather,
      target: m.target,
      busy: !!m.pending,
      canUndo: m.history.done.length > 0,
      canRedo: m.history.undone.length > 0,
      hasMask: m.hasMask(),
      showMask: m.showMask,
      overlayColor: m.overlayColor,
      overlayOpacity: m.overlayOpacity,
    })),
  );
  const a = maskStore.getState();
  const busy = s.busy;
  return (
    <div role="toolbar" aria-label="Mask tools" className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <span className="flex gap-1">
        <Btn mac={mac} action="brush" pressed={s.tool === 'brush'} onClick={() => a.setTool('brush')}>Brush</Btn>
        <Btn mac={mac} action="eraser" pressed={s.tool === 'eraser'} onClick={() => a.setTool('eraser')}>Eraser</Btn>
      </span>
      <Slider label="Brush size" value={s.brushSize} {...brushRange(s.target)} unit="px" onChange={a.setBrushSize} />
      <Slider label="Feather" value={s.feather} {...featherRange(s.target)} unit="px" onChange={a.setFeather} />
      <span className="flex flex-wrap gap-1">
        <Btn mac={mac} action="undo" disabled={busy || !s.canUndo} onClick={() => a.undo()}>Undo</Btn>
        <Btn mac={mac} action="redo" disabled={busy || !s.canRedo} onClick={() => a.redo()}>Redo</Btn>
        <Btn mac={mac} action="invert" disabled={busy} onClick={a.invert}>Invert mask</Btn>
        <Btn mac={mac} title="Clear mask (undoable)" disabled={busy || !s.hasMask} onClick={a.clear}>Clear mask</Btn>
        <Btn mac={mac} action="fit" onClick={onFit}>Fit</Btn>
      </span>
      <span className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={s.showMask} onChange={(e) => a.setShowMask(e.target.checked)} />
          Show mask
        </label>
        <label className="flex items-center gap-1.5">
          Overlay colour
          <input type="color" value={s.overlayColor} onChange={(e) => a.setOverlayColor(e.target.value)} className="h-6 w-8 cursor-pointer rounded border border-zinc-300 dark:border-zinc-700" />
        </label>
        <Slider label="Overlay opacity" value={s.overlayOpacity} min={0.1} max={1} step={0.05} unit="%" onChange={a.setOverlayOpacity} />
      </span>
    </div>
  );
}
