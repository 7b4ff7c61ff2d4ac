/**
 * Keyboard shortcuts from the one table in lib/mask/shortcuts, while focus is on the page body or inside the
 * painter, and never while typing in a text field.
 */
import { useEffect, type RefObject } from 'react';
import { maskStore } from '@/lib/mask/mask-store';
import { matchShortcut } from '@/lib/mask/shortcuts';

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

export function useShortcuts(scope: RefObject<HTMLElement | null>, mac: boolean, onFit: () => void, setSpace: (held: boolean) => void): void {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      const focus = document.activeElement;
      const inScope = !focus || focus === document.body || !!scope.current?.contains(focus);
      if (!inScope || typing(focus) || e.defaultPrevented) return;
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
  }, [scope, mac, onFit, setSpace]);
}
