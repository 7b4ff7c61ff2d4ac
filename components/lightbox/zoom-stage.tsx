'use client';
/**
 * The lightbox's stage: one image, fitted to the room it has, zoomed with the wheel or a pinch about the
 * pointer, panned by dragging (mouse, pen or touch: pointer events), double-click to toggle Fit / 100 %.
 * The arithmetic is lib/lightbox/zoom.ts; this component only measures, listens and draws.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import { actualSizeView, distance, fitView, midpoint, panBy, wheelFactor, zoomAbout, type Point, type Size, type View } from '@/lib/lightbox/zoom';

export interface ZoomStageHandle {
  fit(): void;
  actualSize(): void;
  zoom(factor: number): void;
}

interface Props {
  src: string | undefined;
  alt: string;
  /** The size the owner knows; the decoded image's own size replaces it once loaded. */
  width?: number;
  height?: number;
  /** Reports the scale shown (1 = 100 %) and whether the view follows "Fit". */
  onView?(scale: number, fitted: boolean): void;
}

export const ZoomStage = forwardRef<ZoomStageHandle, Props>(function ZoomStage({ src, alt, width, height, onView }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Size>({ width: 0, height: 0 });
  const [natural, setNatural] = useState<Size | null>(width && height ? { width, height } : null);
  // null: follow Fit (re-fitted whenever the stage changes size); else the view the user zoomed or panned to.
  const [view, setView] = useState<View | null>(null);
  const pointers = useRef(new Map<number, Point>());
  const pinch = useRef<{ dist: number; mid: Point } | null>(null);

  // A new image starts fitted, at the size its owner gave until it decodes.
  useLayoutEffect(() => {
    setNatural(width && height ? { width, height } : null);
    setView(null);
  }, [src, width, height]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setStage({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, []);

  const image = natural ?? { width: 0, height: 0 };
  const ready = natural !== null && stage.width > 0 && stage.height > 0;
  const shown: View = ready ? (view ?? fitView(stage, image)) : { scale: 1, x: 0, y: 0 };

  useEffect(() => {
    if (ready) onView?.(shown.scale, view === null);
  }, [ready, shown.scale, view, onView]);

  // The latest values for the listeners below, which are bound once.
  const latest = useRef({ shown, stage, image, ready, fitted: view === null });
  latest.current = { shown, stage, image, ready, fitted: view === null };

  // Several pointer or wheel events can arrive before React renders again: each builds on the view the one
  // before it set, not on the last rendered one.
  const commit = useCallback((next: View | null) => {
    const l = latest.current;
    l.shown = next ?? (l.ready ? fitView(l.stage, l.image) : l.shown);
    l.fitted = next === null;
    setView(next);
  }, []);

  const local = (clientX: number, clientY: number): Point => {
    const r = box.current!.getBoundingClientRect();
    return { x: clientX - r.left, y: clientY - r.top };
  };

  const zoomAt = useCallback((factor: number, about?: Point) => {
    const { shown, stage, image, ready } = latest.current;
    if (!ready) return;
    commit(zoomAbout(shown, factor, about ?? { x: stage.width / 2, y: stage.height / 2 }, stage, image));
  }, [commit]);

  useImperativeHandle(ref, () => ({
    fit: () => commit(null),
    actualSize: () => {
      const { shown, stage, image, ready } = latest.current;
      if (ready) commit(actualSizeView(shown, stage, image));
    },
    zoom: (factor) => zoomAt(factor),
  }), [zoomAt, commit]);

  // Wheel: a passive React listener cannot stop the page from scrolling, so bind it here.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      zoomAt(wheelFactor(e.deltaY, e.deltaMode, e.ctrlKey), local(e.clientX, e.clientY));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.currentTarget.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, local(e.clientX, e.clientY));
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()];
      pinch.current = { dist: distance(a, b), mid: midpoint(a, b) };
    }
  };

  const move = (e: PointerEvent<HTMLDivElement>) => {
    const before = pointers.current.get(e.pointerId);
    if (!before) return;
    const now = local(e.clientX, e.clientY);
    pointers.current.set(e.pointerId, now);
    const { shown, stage, image, ready } = latest.current;
    if (!ready) return;
    if (pointers.current.size >= 2 && pinch.current) {
      const [a, b] = [...pointers.current.values()];
      const dist = distance(a, b);
      const mid = midpoint(a, b);
      const factor = pinch.current.dist > 0 ? dist / pinch.current.dist : 1;
      const panned = panBy(shown, mid.x - pinch.current.mid.x, mid.y - pinch.current.mid.y, stage, image);
      commit(zoomAbout(panned, factor, mid, stage, image));
      pinch.current = { dist, mid };
    } else if (pointers.current.size === 1) {
      commit(panBy(shown, now.x - before.x, now.y - before.y, stage, image));
    }
  };

  const up = (e: PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
  };

  const toggle = (e: React.MouseEvent<HTMLDivElement>) => {
    const { shown, stage, image, ready, fitted } = latest.current;
    if (!ready) return;
    commit(fitted ? actualSizeView(shown, stage, image, local(e.clientX, e.clientY)) : null);
  };

  return (
    <div
      ref={box}
      data-testid="lightbox-stage"
      data-scale={ready ? shown.scale.toFixed(4) : undefined}
      className="relative min-h-0 flex-1 cursor-grab touch-none select-none overflow-hidden active:cursor-grabbing"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onLostPointerCapture={up}
      onDoubleClick={toggle}
    >
      {src && (
        // eslint-disable-next-line @next/next/no-img-element -- object URLs of results and stored images
        <img
          src={src}
          alt={alt}
          draggable={false}
          onLoad={(e) => {
            const img = e.currentTarget;
            if (img.naturalWidth && img.naturalHeight && (img.naturalWidth !== natural?.width || img.naturalHeight !== natural?.height)) {
              setNatural({ width: img.naturalWidth, height: img.naturalHeight });
            } else if (!natural) {
              setNatural({ width: 1024, height: 1024 });
            }
          }}
          className="absolute left-0 top-0 max-w-none origin-top-left"
          style={{
            width: image.width || undefined,
            height: image.height || undefined,
            transform: `translate(${shown.x}px, ${shown.y}px) scale(${shown.scale})`,
            visibility: ready ? 'visible' : 'hidden',
            imageRendering: shown.scale >= 2 ? 'pixelated' : 'auto',
          }}
        />
      )}
    </div>
  );
});
