import { describe, expect, it } from 'vitest';
import { MARKUP_SHORTCUTS, markupHint, matchMarkupShortcut } from './shortcuts';
import { normalizeCombo } from '../mask/shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, shiftKey: false, metaKey: false, altKey: false, ...mods });

describe('markup shortcuts', () => {
  it('tools by letter; Ctrl/Cmd+Z undoes, with Shift redoes', () => {
    expect(matchMarkupShortcut(key('p'), false)).toBe('pen');
    expect(matchMarkupShortcut(key('o'), false)).toBe('ellipse');
    expect(matchMarkupShortcut(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(matchMarkupShortcut(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(matchMarkupShortcut(key('z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(matchMarkupShortcut(key('z', { metaKey: true }), false)).toBeNull();
    expect(markupHint('redo', true)).toBe('Redo (Shift+Cmd+Z or Ctrl+Y)');
  });

  it('no combo is bound twice', () => {
    for (const mac of [false, true]) {
      const combos = MARKUP_SHORTCUTS.flatMap((s) => s.keys.map((k) => normalizeCombo(k, mac)));
      expect(new Set(combos).size).toBe(combos.length);
    }
  });
});
