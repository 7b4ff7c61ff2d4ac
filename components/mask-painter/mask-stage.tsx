'use client';
/**
 * The Konva stage: the image, the mask overlay and the brush outline, under one view transform (vector
 * strokes are re-rasterised at each zoom, so they stay crisp). Input goes to the tools through usePointerInput.
 */
import type Konva from 'konva';
import { useEffect, useMemo, useRef, useState, type Ref, type RefObject } from 'react';
import { Circle, Group as KonvaGroup, Image as KonvaImage, Layer, Shape, Stage } from 'react-konva';
import { useStore } from 'zustand';
import { maskStore } from '@/lib/mask/mask-store';
import { fit, type Point, type View } from '@/lib/mask/viewport';
import { markupStore } from '@/lib/markup/markup-store';
import { createMaskDrawing } from './mask-drawing';
import { createMarkupDrawing } from './markup-drawing';
import { MarkupNoteEditor } from './markup-note-editor';
import { recordSegment } from './bench-probe';
import { usePointerInput } from './use-pointer-input';

function useImage(url: string): HTMLImageElement | null {
  const [img, setImg] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    const el = new window.Image();
    el.onload = () => setImg(el);
    el.src = url;
    return () => {
      el.onload = null;
      setImg(null);
    };
  }, [url]);
  return img;
}

function useSize(ref: RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setSize({ width: Math.round(e.contentRect.width), height: Math.round(e.contentRect.height) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

export function MaskStage(props: { imageUrl: string; width: number; height: number; fitSignal: number; spaceHeld: boolean; mode?: 'mask' | 'markup' }) {
  const { width, height } = props;
  const markup = props.mode === 'markup';
  const markupRef = useRef(markup);
  markupRef.current = markup;
  const marksLayer = useRef<Konva.Layer>(null);
  const pendingMarkLayer = useRef<Konva.Layer>(null);
  const markDrawing = useMemo(() => createMarkupDrawing(), []);
  const markTool = useStore(markupStore, (s) => s.tool);
  const container = useRef<HTMLDivElement>(null);
  const maskLayer = useRef<Konva.Layer>(null);
  const cursorLayer = useRef<Konva.Layer>(null);
  const outline = useRef<Konva.Group>(null);
  const size = useSize(container);
  const image = useImage(props.imageUrl);
  const [view, setView] = useState<View | null>(null);
  const viewRef = useRef<View>({ scale: 1, x: 0, y: 0 });
  const spaceRef = useRef(props.spaceHeld);
  spaceRef.current = props.spaceHeld;
  const drawing = useMemo(() => createMaskDrawing(), []);
  const [hovering, setHovering] = useState(false);
  const showMask = useStore(maskStore, (s) => s.showMask);
  const opacity = useStore(maskStore, (s) => s.overlayOpacity);
  const brushSize = useStore(maskStore, (s) => s.brushSize);
  const [panning, setPanning] = useState(false);

  if (view) viewRef.current = view;
  const ready = !!view;
  const applyView = (v: View) => {
    viewRef.current = v;
    setView(v);
  };

  // Fit when the image or the stage size is first known, on request (Fit button, F), and when the stage's size
  // changes under an untouched view.
  const fitKey = size ? `${props.fitSignal}:${width}x${height}` : '';
  const lastFit = useRef('');
  // The view last fitted: while the user has not zoomed or panned since, a new stage size (a rotated phone,
  // a resized window) fits again.
  const fitted = useRef<View | null>(null);
  useEffect(() => {
    if (!size || !fitKey) return;
    const untouched = fitted.current !== null && viewRef.current === fitted.current;
    if (lastFit.current === fitKey && !untouched) return;
    lastFit.current = fitKey;
    const next = fit({ width, height }, size);
    if (untouched && next.scale === fitted.current!.scale && next.x === fitted.current!.x && next.y === fitted.current!.y) return;
    fitted.current = next;
    applyView(next);
  }, [fitKey, size, width, height]);

  // Redraw the mask when the store changes: synchronously while a stroke grows (input is frame-aligned).
  useEffect(
    () =>
      maskStore.subscribe((s, prev) => {
        const layer = maskLayer.current;
        if (!layer) return;
        if (s.pending !== prev.pending) layer.draw();
        else if (s.ops !== prev.ops || s.overlayColor !== prev.overlayColor || s.target !== prev.target) layer.batchDraw();
      }),
    [],
  );

  // Marks: the one under the pointer redraws its own layer at once (nothing else, no React render); kept
  // marks redraw when they change.
  useEffect(
    () =>
      markupStore.subscribe((s, prev) => {
        if (s.pendingVersion !== prev.pendingVersion) pendingMarkLayer.current?.draw();
        if (s.history !== prev.history || s.target !== prev.target) marksLayer.current?.batchDraw();
      }),
    [],
  );

  // The overlay's opacity applies to the whole layer, so overlapping strokes do not darken.
  useEffect(() => {
    const canvas = maskLayer.current?.getNativeCanvasElement();
    if (canvas) canvas.style.opacity = String(opacity);
  }, [opacity, size, ready]);

  const { activeTool } = usePointerInput(
    container,
    { view: () => viewRef.current, setView: applyView },
    spaceRef,
    {
      onHover(p: Point | null, showOutline: boolean) {
        const g = outline.current;
        setHovering(!!p);
        setPanning(activeTool.current?.name === 'pan');
        if (!g) return;
        g.visible(!!p && showOutline && !markupRef.current);
        if (p) g.position(p);
        cursorLayer.current?.batchDraw();
      },
      onMoveHandled(started, eventTime) {
        recordSegment(markupRef.current ? pendingMarkLayer.current : maskLayer.current, started, eventTime);
      },
    },
    markupRef,
  );

  useEffect(() => {
    cursorLayer.current?.batchDraw();
  }, [brushSize]);

  const v = view ?? viewRef.current;
  // The outline replaces the system cursor unless it would be too small to see.
  const cursor =
    props.spaceHeld || panning ? (panning ? 'grabbing' : 'grab') : markup ? (markTool === 'text' ? 'text' : 'crosshair') : hovering && brushSize * v.scale >= 8 ? 'none' : 'crosshair';
  return (
    <div
      ref={container}
      tabIndex={0}
      role="application"
      aria-label={markup ? 'Markup canvas: draw marks on the image' : 'Mask canvas: paint the area to edit'}
      data-testid="mask-stage"
      data-mode={markup ? 'markup' : 'mask'}
      data-ready={image && view ? 'true' : 'false'}
      data-view={`${v.scale},${v.x},${v.y}`}
      onContextMenu={(e) => e.preventDefault()}
      className="relative h-[60vh] min-h-[320px] w-full overflow-hidden rounded-md bg-zinc-200 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:bg-zinc-800"
      style={{ touchAction: 'none', cursor }}
    >
      {size && view && (
        <Stage width={size.width} height={size.height} scaleX={v.scale} scaleY={v.scale} x={v.x} y={v.y} listening={false}>
          <Layer listening={false} imageSmoothingEnabled={v.scale < 2}>
            {image && <KonvaImage image={image} width={width} height={height} />}
          </Layer>
          <Layer ref={maskLayer} listening={false} visible={showMask && !markup}>
            <Shape sceneFunc={drawing.committed} />
            <Shape sceneFunc={drawing.pending} />
          </Layer>
          <Layer ref={marksLayer} listening={false} visible={markup}>
            <Shape sceneFunc={markDrawing.committed} />
          </Layer>
          <Layer ref={pendingMarkLayer} listening={false} visible={markup}>
            <Shape sceneFunc={markDrawing.pending} />
          </Layer>
          <Layer ref={cursorLayer} listening={false}>
            <GroupOutline ref={outline} radius={brushSize / 2} />
          </Layer>
        </Stage>
      )}
      {markup && <MarkupNoteEditor view={v} />}
      <p className="pointer-events-none absolute bottom-1 right-2 rounded bg-black/50 px-1.5 text-xs text-white" aria-live="off">
        {Math.round(v.scale * 100)}%
      </p>
    </div>
  );
}

/** The brush outline: a dark and a light ring, one screen pixel wide at any zoom. */
function GroupOutline({ ref, radius }: { ref: Ref<Konva.Group>; radius: number }) {
  return (
    <KonvaGroup ref={ref} visible={false}>
      <Circle radius={radius} stroke="rgba(0,0,0,0.75)" strokeWidth={3} strokeScaleEnabled={false} listening={false} />
      <Circle radius={radius} stroke="#fff" strokeWidth={1} strokeScaleEnabled={false} listening={false} />
    </KonvaGroup>
  );
}
