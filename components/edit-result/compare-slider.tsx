'use client';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

export interface CompareSliderProps {
  /** URL of the original (shown left of the divider). */
  before: string;
  /** URL of the result (shown right of the divider); stretched to the original's box when its size differs. */
  after: string;
  /** The original's pixel size: sets the box's aspect ratio and largest width. */
  width: number;
  height: number;
  /** The figure's accessible name and caption; "Before and after" by default. */
  label?: string;
}

/** The key that shows the whole original while held. */
const HOLD_KEY = 'o';

/** Keys typed into a field are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** True while HOLD_KEY is held anywhere on the page (outside text fields). */
function useHeldKey(): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    const down = (e: globalThis.KeyboardEvent) => {
      if (e.key.toLowerCase() !== HOLD_KEY || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      setHeld(true);
    };
    const up = (e: globalThis.KeyboardEvent) => {
      if (e.key.toLowerCase() === HOLD_KEY) setHeld(false);
    };
    const release = () => setHeld(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', release);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', release);
    };
  }, []);
  return held;
}

/** Before/after: a divider moved by the Compare slider (or by dragging on the picture); hold O for the original. */
export function CompareSlider({ before, after, width, height, label = 'Before and after' }: CompareSliderProps) {
  const [pos, setPos] = useState(50);
  const [buttonHeld, setButtonHeld] = useState(false);
  const keyHeld = useHeldKey();
  const box = useRef<HTMLDivElement>(null);
  const whole = keyHeld || buttonHeld;

  const dragTo = (e: PointerEvent<HTMLDivElement>) => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    setPos(Math.round(Math.min(100, Math.max(0, ((e.clientX - rect.left) / rect.width) * 100))));
  };
  const holdKeys = (e: KeyboardEvent<HTMLButtonElement>, down: boolean) => {
    if (e.key !== ' ' && e.key !== 'Enter') return;
    e.preventDefault();
    setButtonHeld(down);
  };

  return (
    <figure aria-label={label} className="space-y-2">
      <div
        ref={box}
        className="relative w-full touch-none select-none overflow-hidden rounded-md border border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-900"
        style={{ aspectRatio: `${width} / ${height}`, maxWidth: `min(${width}px, calc(var(--viewer-h, 100dvh) * ${width / height}))` }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          dragTo(e);
        }}
        onPointerMove={(e) => e.buttons === 1 && dragTo(e)}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- blob URLs, sized by the box */}
        <img src={after} alt="Result (after the edit)" draggable={false} className="absolute inset-0 h-full w-full" />
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={before}
          alt="Original (before the edit)"
          draggable={false}
          data-testid="compare-original"
          className="absolute inset-0 h-full w-full"
          style={{ clipPath: whole ? 'none' : `inset(0 ${100 - pos}% 0 0)` }}
        />
        {whole ? (
          <span className="absolute left-2 top-2 rounded bg-black/70 px-2 py-0.5 text-xs text-white">Showing the original</span>
        ) : (
          <>
            <div
              aria-hidden
              data-testid="compare-divider"
              className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgba(0,0,0,0.5)]"
              style={{ left: `${pos}%` }}
            />
            <span aria-hidden className="absolute left-2 top-2 rounded bg-black/60 px-1.5 text-xs text-white">Original</span>
            <span aria-hidden className="absolute right-2 top-2 rounded bg-black/60 px-1.5 text-xs text-white">Result</span>
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm" style={{ maxWidth: width }}>
        <input
          type="range"
          aria-label="Compare"
          min={0}
          max={100}
          value={pos}
          aria-valuetext={`Original on the left ${pos}%, result on the right ${100 - pos}%`}
          onChange={(e) => setPos(Number(e.target.value))}
          className="min-w-32 flex-1 accent-indigo-600"
        />
        <button
          type="button"
          aria-pressed={buttonHeld}
          className="rounded-md border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700"
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            setButtonHeld(true);
          }}
          onPointerUp={() => setButtonHeld(false)}
          onPointerCancel={() => setButtonHeld(false)}
          onLostPointerCapture={() => setButtonHeld(false)}
          onKeyDown={(e) => holdKeys(e, true)}
          onKeyUp={(e) => holdKeys(e, false)}
          onBlur={() => setButtonHeld(false)}
        >
          Hold to show original
        </button>
      </div>
      <figcaption className="text-xs text-zinc-500">
        {label}: move Compare to slide the divider (original on the left); hold the <kbd>O</kbd> key to see the whole original.
      </figcaption>
    </figure>
  );
}
