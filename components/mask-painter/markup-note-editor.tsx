'use client';
/**
 * The text note being typed, over the stage where it was placed, at the note's size under the current zoom.
 * Enter keeps it (Shift+Enter for a new line), Escape drops it, leaving the field keeps it.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { markupStore } from '@/lib/markup/markup-store';
import { font, LINE_HEIGHT } from '@/lib/markup/shapes';
import type { View } from '@/lib/mask/viewport';

export function MarkupNoteEditor({ view }: { view: View }) {
  const draft = useStore(markupStore, (s) => s.draft);
  const field = useRef<HTMLTextAreaElement>(null);
  const at = draft ? `${draft.x},${draft.y}` : '';

  useEffect(() => {
    if (at) field.current?.focus({ preventScroll: true });
  }, [at]);

  if (!draft) return null;
  const px = draft.size * view.scale;
  const lines = draft.text.split('\n');
  const cols = Math.max(6, ...lines.map((l) => l.length + 1));
  return (
    <textarea
      ref={field}
      data-no-paint
      aria-label="Note text"
      placeholder="Type a note"
      value={draft.text}
      rows={lines.length}
      cols={cols}
      onChange={(e) => markupStore.getState().setDraftText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          markupStore.getState().commitText();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          markupStore.getState().cancelText();
        }
      }}
      onBlur={() => markupStore.getState().commitText()}
      spellCheck={false}
      className="absolute resize-none overflow-hidden whitespace-pre rounded-sm border border-dashed border-white/80 bg-black/20 p-0 outline-none"
      style={{
        left: view.x + draft.x * view.scale,
        top: view.y + draft.y * view.scale,
        font: font(px),
        lineHeight: LINE_HEIGHT,
        color: draft.color,
        width: `${cols * 0.62 * px}px`,
        minWidth: '4ch',
      }}
    />
  );
}
