import { describe, expect, it } from 'vitest';
import { duplicateCombos } from '../mask/shortcuts';
import { keyLabel, matchStudioShortcut, STUDIO_SHORTCUTS } from './studio';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('studio shortcuts', () => {
  it('runs on Ctrl+Enter, or Cmd+Enter on a Mac, even while typing', () => {
    expect(matchStudioShortcut(key('Enter', { ctrlKey: true }), false, true)).toBe('run');
    expect(matchStudioShortcut(key('Enter', { metaKey: true }), true, true)).toBe('run');
    expect(matchStudioShortcut(key('Enter', { ctrlKey: true }), true, false)).toBeNull();
    expect(matchStudioShortcut(key('Enter'), false, false)).toBeNull();
  });

  it('opens the sheet on ? (typed with Shift) only outside text fields', () => {
    expect(matchStudioShortcut(key('?', { shiftKey: true }), false, false)).toBe('help');
    expect(matchStudioShortcut(key('?', { shiftKey: true }), false, true)).toBeNull();
  });

  it('cancels on Esc', () => {
    expect(matchStudioShortcut(key('Escape'), false, true)).toBe('cancel');
  });

  it('binds no combo twice, and reads keys the way people name them', () => {
    expect(duplicateCombos(STUDIO_SHORTCUTS as never)).toEqual([]);
    expect(keyLabel('Mod+Enter', true)).toBe('⌘ Enter');
    expect(keyLabel('Mod+Enter', false)).toBe('Ctrl Enter');
    expect(keyLabel('Escape', false)).toBe('Esc');
  });
});
