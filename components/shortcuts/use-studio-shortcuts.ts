'use client';
/**
 * The studio's shortcuts (lib/shortcuts/studio) anywhere on the studio page: Ctrl/⌘+Enter runs, Esc cancels the
 * running generation, ? opens the sheet. Keys inside an open dialog belong to the dialog.
 */
import { useEffect, useRef } from 'react';
import { matchStudioShortcut } from '@/lib/shortcuts/studio';

const NOT_TYPING = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file']);

function typing(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !NOT_TYPING.has(el.type);
}

export function useStudioShortcuts(mac: boolean, on: { run(): void; cancel(): boolean; help(): void }): void {
  const latest = useRef(on);
  useEffect(() => {
    latest.current = on;
  });
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (e.target instanceof Element && e.target.closest('[role=dialog],[role=alertdialog]')) return;
      const action = matchStudioShortcut(e, mac, typing(e.target));
      if (!action) return;
      if (action === 'cancel') {
        // Esc with nothing running stays Esc (closing a menu, clearing a field).
        if (latest.current.cancel()) e.preventDefault();
        return;
      }
      e.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', down);
    return () => window.removeEventListener('keydown', down);
  }, [mac]);
}
