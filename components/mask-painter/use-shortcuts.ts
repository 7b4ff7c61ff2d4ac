/**
 * Keyboard shortcuts from the one table in lib/mask/shortcuts, while focus is on the page body or inside the
 * painter, and never while typing in a text field.
 */
import { useEffect, type RefObject } from 'react';
import { maskStore } from '@/lib/mask/mask-store';
import { matchShortcut } from '@/lib/mask/shortcuts';
import { markupStore } from '@/lib/markup/markup-store';
import { matchMarkupShortcut, type MarkupAction } from '@/lib/markup/shortcuts';

const NOT_TYPING = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file']);

function typing(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !NOT_TYPING.has(el.type);
}

/** Space activates a focused button or checkbox: it only pans from the canvas or the page. */
function activatesOnSpace(el: Element | null): boolean {
  return el instanceof HTMLButtonElement || el instanceof HTMLInputElement || el instanceof HTMLAnchorElement || el?.getAttribute('role') === 'button';
}

function markupAction(action: MarkupAction, onFit: () => void): void {
  const s = markupStore.getState();
  if (action === 'undo') s.undo();
  else if (action === 'redo') s.redo();
  else if (action === 'fit') onFit();
  else if (action === 'widthDown' || action === 'widthUp') s.setStrokeWidth(s.strokeWidth + (action === 'widthUp' ? 1 : -1) * Math.max(1, Math.round(s.strokeWidth / 4)));
  else if (action !== 'pan') s.setTool(action);
}

/** `mode`: Markup mode has its own table (lib/markup/shortcuts); Mask mode the mask's. */
export function useShortcuts(scope: RefObject<HTMLElement | null>, mac: boolean, onFit: () => void, setSpace: (held: boolean) => void, mode: 'mask' | 'markup' = 'mask'): void {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      const focus = document.activeElement;
      const inScope = !focus || focus === document.body || !!scope.current?.contains(focus);
      if (!inScope || typing(focus) || e.defaultPrevented) return;
      if (mode === 'markup') {
        const m = matchMarkupShortcut(e, mac);
        if (!m) return;
        if (m === 'pan') {
          if (activatesOnSpace(focus)) return;
          e.preventDefault();
          if (!e.repeat) setSpace(true);
          return;
        }
        e.preventDefault();
        markupAction(m, onFit);
        return;
      }
      const action = matchShortcut(e, mac);
      if (!action) return;
      if (action === 'pan') {
        if (activatesOnSpace(focus)) return;
        e.preventDefault();
        if (!e.repeat) setSpace(true);
        return;
      }
      e.preventDefault();
      const s = maskStore.getState();
      if (action === 'brush' || action === 'eraser') s.setTool(action);
      else if (action === 'sizeDown' || action === 'sizeUp') s.stepBrushSize(action === 'sizeUp' ? 1 : -1);
      else if (action === 'undo') s.undo();
      else if (action === 'redo') s.redo();
      else if (action === 'invert') s.invert();
      else if (action === 'fit') onFit();
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') setSpace(false);
    };
    const blur = () => setSpace(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [scope, mac, onFit, setSpace, mode]);
}
