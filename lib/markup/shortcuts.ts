/**
 * Markup mode's keyboard shortcuts, one table for key handling and tooltips (the mask's own table stays in
 * lib/mask/shortcuts; the combo helpers are shared). "Mod" is Cmd on Apple platforms, Ctrl elsewhere.
 */
import { comboOf, normalizeCombo, type KeyLike } from '../mask/shortcuts';
import { MARK_TOOLS, type MarkTool } from './shapes';

export type MarkupAction = MarkTool | 'undo' | 'redo' | 'fit' | 'pan' | 'widthDown' | 'widthUp';

export const MARKUP_SHORTCUTS: readonly { action: MarkupAction; keys: readonly string[]; label: string }[] = [
  ...MARK_TOOLS.map((t) => ({ action: t.tool, keys: [t.key], label: t.label })),
  { action: 'widthDown', keys: ['['], label: 'Thinner stroke' },
  { action: 'widthUp', keys: [']'], label: 'Thicker stroke' },
  { action: 'undo', keys: ['Mod+Z'], label: 'Undo' },
  { action: 'redo', keys: ['Mod+Shift+Z', 'Ctrl+Y'], label: 'Redo' },
  { action: 'fit', keys: ['F'], label: 'Fit to screen' },
  { action: 'pan', keys: ['Space'], label: 'Pan (hold and drag)' },
];

export function matchMarkupShortcut(e: KeyLike, mac: boolean): MarkupAction | null {
  const combo = comboOf(e);
  for (const s of MARKUP_SHORTCUTS) if (s.keys.some((k) => normalizeCombo(k, mac) === combo)) return s.action;
  return null;
}

export function markupHint(action: MarkupAction, mac: boolean): string {
  const s = MARKUP_SHORTCUTS.find((x) => x.action === action);
  if (!s) return '';
  return `${s.label} (${s.keys.map((k) => normalizeCombo(k, mac).replace('Meta', 'Cmd').replace('SPACE', 'Space')).join(' or ')})`;
}
