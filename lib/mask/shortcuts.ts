/**
 * The painter's keyboard shortcuts: one table drives key handling and the tooltips. "Mod" is Cmd on Apple
 * platforms and Ctrl elsewhere.
 */

export type ShortcutAction = 'brush' | 'eraser' | 'sizeDown' | 'sizeUp' | 'undo' | 'redo' | 'invert' | 'fit' | 'pan';

export interface Shortcut {
  action: ShortcutAction;
  /** Combos like "Mod+Shift+Z": modifiers then one key (a character, or "Space"). */
  keys: readonly string[];
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'brush', keys: ['B'], label: 'Brush' },
  { action: 'eraser', keys: ['E'], label: 'Eraser' },
  { action: 'sizeDown', keys: ['['], label: 'Smaller brush' },
  { action: 'sizeUp', keys: [']'], label: 'Larger brush' },
  { action: 'undo', keys: ['Mod+Z'], label: 'Undo' },
  { action: 'redo', keys: ['Mod+Shift+Z', 'Ctrl+Y'], label: 'Redo' },
  { action: 'invert', keys: ['I'], label: 'Invert mask' },
  { action: 'fit', keys: ['F'], label: 'Fit to screen' },
  { action: 'pan', keys: ['Space'], label: 'Pan (hold and drag)' },
];

const MODIFIERS = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;

/** A combo in canonical form for one platform: modifiers in a fixed order, key upper-cased. */
export function normalizeCombo(combo: string, mac: boolean): string {
  const parts = combo.split('+');
  // "+" itself would split into empty parts; the table has no such key.
  const key = parts.pop()!.toUpperCase();
  const mods = new Set(parts.map((m) => (m === 'Mod' ? (mac ? 'Meta' : 'Ctrl') : m === 'Cmd' ? 'Meta' : m)));
  return [...MODIFIERS.filter((m) => mods.has(m)), key].join('+');
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export function comboOf(e: KeyLike): string {
  const key = e.key === ' ' ? 'SPACE' : e.key.toUpperCase();
  const mods = MODIFIERS.filter((m) => (m === 'Ctrl' ? e.ctrlKey : m === 'Alt' ? e.altKey : m === 'Shift' ? e.shiftKey : e.metaKey));
  return [...mods, key].join('+');
}

export function matchShortcut(e: KeyLike, mac: boolean, table: readonly Shortcut[] = SHORTCUTS): ShortcutAction | null {
  const combo = comboOf(e);
  for (const s of table) if (s.keys.some((k) => normalizeCombo(k, mac) === combo)) return s.action;
  return null;
}

/** Combos bound twice on either platform (the table must have none). */
export function duplicateCombos(table: readonly Shortcut[] = SHORTCUTS): string[] {
  const dupes = new Set<string>();
  for (const mac of [false, true]) {
    const seen = new Set<string>();
    for (const s of table) {
      for (const k of s.keys) {
        const c = normalizeCombo(k, mac);
        if (seen.has(c)) dupes.add(`${c}${mac ? ' (Mac)' : ''}`);
        seen.add(c);
      }
    }
  }
  return [...dupes];
}

/** Tooltip text: "Undo (Ctrl+Z)", "Redo (Cmd+Shift+Z or Ctrl+Y)". */
export function shortcutHint(action: ShortcutAction, mac: boolean, table: readonly Shortcut[] = SHORTCUTS): string {
  const s = table.find((x) => x.action === action);
  if (!s) return '';
  const keys = s.keys.map((k) => normalizeCombo(k, mac).replace('Meta', 'Cmd').replace('SPACE', 'Space'));
  return `${s.label} (${keys.join(' or ')})`;
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
