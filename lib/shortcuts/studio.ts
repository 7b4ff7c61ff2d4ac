/**
 * The studio's own keyboard shortcuts: one table drives key handling, the hints beside controls and the
 * shortcut sheet (which also lists the painter's tables, lib/mask/shortcuts and lib/markup/shortcuts, as they
 * are). "Mod" is Cmd on Apple platforms, Ctrl elsewhere.
 */
import { comboOf, normalizeCombo, type KeyLike } from '../mask/shortcuts';

export type StudioAction = 'run' | 'cancel' | 'help';

export interface StudioShortcut {
  action: StudioAction;
  keys: readonly string[];
  label: string;
  /** Also while typing in a field (a Ctrl combo or Esc types nothing); the others only outside fields. */
  inFields: boolean;
}

export const STUDIO_SHORTCUTS: readonly StudioShortcut[] = [
  { action: 'run', keys: ['Mod+Enter'], label: 'Run the primary action (Generate, Edit, Create variations)', inFields: true },
  { action: 'cancel', keys: ['Escape'], label: 'Cancel the running generation', inFields: true },
  { action: 'help', keys: ['?'], label: 'Show the keyboard shortcuts', inFields: false },
];

/** The event's combo; a symbol typed with Shift ("?") is the symbol alone, as the table writes it. */
function comboFor(e: KeyLike): string {
  const combo = comboOf(e);
  return e.key.length === 1 && !/[a-z0-9]/i.test(e.key) ? combo.replace('Shift+', '') : combo;
}

export function matchStudioShortcut(e: KeyLike, mac: boolean, typing: boolean): StudioAction | null {
  const combo = comboFor(e);
  const s = STUDIO_SHORTCUTS.find((x) => (x.inFields || !typing) && x.keys.some((k) => normalizeCombo(k, mac) === combo));
  return s?.action ?? null;
}

/** A combo as a person reads it: "⌘ Enter" on a Mac, "Ctrl Enter" elsewhere, "Esc", "Space". */
export function keyLabel(combo: string, mac: boolean): string {
  return normalizeCombo(combo, mac)
    .split('+')
    .map((k) => ({ META: '⌘', Meta: '⌘', CTRL: 'Ctrl', ALT: mac ? '⌥' : 'Alt', Alt: mac ? '⌥' : 'Alt', SHIFT: 'Shift', Shift: 'Shift', ENTER: 'Enter', ESCAPE: 'Esc', SPACE: 'Space' })[k] ?? k)
    .join(' ');
}

/** The hint beside a control: "Ctrl Enter" for the run action. */
export function studioKeys(action: StudioAction, mac: boolean): string {
  return STUDIO_SHORTCUTS.find((s) => s.action === action)!.keys.map((k) => keyLabel(k, mac)).join(' or ');
}

export const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
