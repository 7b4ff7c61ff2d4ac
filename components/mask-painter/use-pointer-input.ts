/**
 * Pointer and wheel input on the stage element: mouse, pen and touch through Pointer Events. One pointer goes
 * to the active tool (pan while space or the middle button is held, else paint); a second touch cancels the
 * stroke and pinches; the wheel zooms at the cursor.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { pinch, screenToImage, wheelFactor, zoomAtPoint, type Point, type View } from '@/lib/mask/viewport';
import { createMarkupTool, createPaintTool, createPanTool, type Tool, type ToolContext, type ToolInput } from './tools';

export interface PointerHooks {
  /** Where the pointer is (image pixels), or null when it left; showOutline is false for touch and panning. */
  onHover(image: Point | null, showOutline: boolean): void;
  /** After a move was handled (for timing). */
  onMoveHandled?(startedAt: number, eventTime: number): void;
}

export function usePointerInput(
  element: RefObject<HTMLDivElement | null>,
  ctx: ToolContext,
  spaceHeld: RefObject<boolean>,
  hooks: PointerHooks,
  /** Markup mode draws marks instead of painting the mask. */
  markupMode?: RefObject<boolean>,
): { activeTool: RefObject<Tool | null> } {
  const activeTool = useRef<Tool | null>(null);
  const latest = useRef({ ctx, hooks });
  latest.current = { ctx, hooks };

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const paintTool = createPaintTool();
    const markupTool = createMarkupTool();
    const primary = () => (markupMode?.current ? markupTool : paintTool);
    const panTool = createPanTool();
    const pointers = new Map<number, { at: Point; type: string }>();
    let pinchStart: { view: View; a: Point; b: Point; ids: [number, number] } | null = null;
    const c = () => latest.current.ctx;

    const local = (e: { clientX: number; clientY: number }): Point => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const input = (e: PointerEvent): ToolInput => {
      const view = c().view();
      const events = e.type === 'pointermove' && e.getCoalescedEvents ? e.getCoalescedEvents() : [];
      const samples = (events.length ? events : [e]).map((x) => screenToImage(view, local(x)));
      return { pointerId: e.pointerId, screen: local(e), samples, shift: e.shiftKey };
    };

    const down = (e: PointerEvent) => {
      // The note editor over the stage takes its own clicks.
      if (e.target instanceof Element && e.target.closest('[data-no-paint]')) return;
      el.focus({ preventScroll: true });
      // A mouse or pen whose pointerup happened elsewhere uncaptured must not count as still down.
      if (e.pointerType !== 'touch') for (const [id, p] of pointers) if (p.type === e.pointerType) pointers.delete(id);
      pointers.set(e.pointerId, { at: local(e), type: e.pointerType });
      const touches = [...pointers.entries()].filter(([, p]) => p.type === 'touch');
      if (e.pointerType === 'touch' && touches.length === 2) {
        activeTool.current?.cancel(c());
        activeTool.current = null;
        pinchStart = { view: c().view(), a: touches[0][1].at, b: touches[1][1].at, ids: [touches[0][0], touches[1][0]] };
        return;
      }
      if (pinchStart || activeTool.current || pointers.size > 1) return;
      const paint = primary();
      const tool = spaceHeld.current || e.button === 1 ? panTool : e.button === 0 ? paint : null;
      if (!tool) return;
      e.preventDefault();
      el.setPointerCapture(e.pointerId);
      activeTool.current = tool;
      tool.down(input(e), c());
      latest.current.hooks.onHover(input(e).samples[0], e.pointerType !== 'touch' && tool === paintTool);
    };

    const move = (e: PointerEvent) => {
      const started = performance.now();
      if (pointers.has(e.pointerId)) pointers.set(e.pointerId, { at: local(e), type: e.pointerType });
      if (pinchStart) {
        const a = pointers.get(pinchStart.ids[0]);
        const b = pointers.get(pinchStart.ids[1]);
        if (a && b) c().setView(pinch(pinchStart.view, pinchStart.a, pinchStart.b, a.at, b.at));
        return;
      }
      const i = input(e);
      const tool = activeTool.current;
      if (tool) tool.move(i, c());
      latest.current.hooks.onHover(i.samples[i.samples.length - 1], e.pointerType !== 'touch' && !spaceHeld.current && tool?.name !== 'pan');
      if (tool === paintTool || tool === markupTool) latest.current.hooks.onMoveHandled?.(started, e.timeStamp);
    };

    const end = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      if (pinchStart) {
        if (pointers.size === 0) pinchStart = null;
        return;
      }
      const tool = activeTool.current;
      if (!tool) return;
      if (e.type === 'pointercancel') tool.cancel(c());
      else tool.up(input(e), c());
      if (tool.state() === 'idle') activeTool.current = null;
    };

    // A pointerup that never came (capture taken away): end the gesture rather than leave undo blocked.
    const lost = (e: PointerEvent) => {
      const tool = activeTool.current;
      if (!tool || tool.state() === 'idle') return;
      pointers.delete(e.pointerId);
      tool.up(input(e), c());
      if (tool.state() === 'idle') activeTool.current = null;
    };

    const leave = (e: PointerEvent) => {
      if (!activeTool.current || e.pointerType === 'touch') latest.current.hooks.onHover(null, false);
    };

    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      c().setView(zoomAtPoint(c().view(), local(e), wheelFactor(e.deltaY, e.deltaMode, e.ctrlKey)));
    };

    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
    el.addEventListener('pointerleave', leave);
    el.addEventListener('lostpointercapture', lost);
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      activeTool.current?.cancel(c());
      activeTool.current = null;
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', end);
      el.removeEventListener('pointercancel', end);
      el.removeEventListener('pointerleave', leave);
      el.removeEventListener('lostpointercapture', lost);
      el.removeEventListener('wheel', wheel);
    };
  }, [element, spaceHeld, markupMode]);

  return { activeTool };
}
