import { describe, expect, it } from 'vitest';
import { duplicateCombos, matchShortcut, shortcutHint, SHORTCUTS, type KeyLike, type Shortcut } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

describe('shortcut table', () => {
  it('binds no key combination twice, on either platform', () => {
    expect(duplicateCombos()).toEqual([]);
  });

  it('refuses a table with a duplicate', () => {
    const bad: Shortcut[] = [...SHORTCUTS, { action: 'fit', keys: ['b'], label: 'Fit again' }];
    expect(duplicateCombos(bad)).toEqual(['B', 'B (Mac)']);
    expect(duplicateCombos([{ action: 'redo', keys: ['Mod+Y'], label: '' }, { action: 'undo', keys: ['Ctrl+Y'], label: '' }])).toEqual(['Ctrl+Y']);
  });
});

describe('matchShortcut', () => {
  it('maps single keys whatever their case', () => {
    expect(matchShortcut(key('b'), false)).toBe('brush');
    expect(matchShortcut(key('E'), false)).toBe('eraser');
    expect(matchShortcut(key('['), false)).toBe('sizeDown');
    expect(matchShortcut(key(']'), false)).toBe('sizeUp');
    expect(matchShortcut(key(' '), false)).toBe('pan');
  });

  it('uses Ctrl off Mac and Cmd on Mac for undo and redo', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(matchShortcut(key('y', { ctrlKey: true }), false)).toBe('redo');
    expect(matchShortcut(key('z', { metaKey: true }), true)).toBe('undo');
    expect(matchShortcut(key('z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(matchShortcut(key('z', { metaKey: true }), false)).toBeNull();
  });

  it('ignores letters typed with modifiers it does not bind', () => {
    expect(matchShortcut(key('b', { ctrlKey: true }), false)).toBeNull();
    expect(matchShortcut(key('i', { altKey: true }), false)).toBeNull();
  });
});

describe('shortcutHint', () => {
  it('names the keys for tooltips', () => {
    expect(shortcutHint('undo', false)).toBe('Undo (Ctrl+Z)');
    expect(shortcutHint('redo', true)).toBe('Redo (Shift+Cmd+Z or Ctrl+Y)');
    expect(shortcutHint('pan', false)).toBe('Pan (hold and drag) (Space)');
  });
});
