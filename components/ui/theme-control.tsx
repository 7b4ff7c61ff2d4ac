'use client';
/**
 * Light, system or dark: three icon buttons in the header, or a select in Settings; both show and set the one
 * shared choice (lib/theme), remembered and applied at once.
 */
import { Monitor, Moon, Sun } from 'lucide-react';
import { useEffect } from 'react';
import { applyTheme, type Theme } from '@/lib/theme/theme';
import { useTheme } from '@/lib/theme/theme-store.client';
import { Tooltip } from './tooltip';
import { inputClass } from './field';

const ICONS = { system: Monitor, light: Sun, dark: Moon } as const;
const LABELS = { system: 'System theme', light: 'Light', dark: 'Dark' } as const;

function useThemeChoice() {
  const theme = useTheme((s) => s.theme);
  useEffect(() => useTheme.getState().load(), []);
  useEffect(() => {
    if (theme !== 'system') return;
    // Following the system: follow it when it changes, too.
    const media = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [theme]);
  return [theme ?? 'system', useTheme.getState().choose] as const;
}

export function ThemeControl() {
  const [theme, choose] = useThemeChoice();
  return (
    <div role="radiogroup" aria-label="Theme" className="inline-flex rounded-md border border-zinc-200 p-0.5 dark:border-zinc-800">
      {(['light', 'system', 'dark'] as const).map((t) => {
        const Icon = ICONS[t];
        return (
          <Tooltip key={t} content={LABELS[t]}>
            <button
              type="button"
              role="radio"
              aria-checked={theme === t}
              aria-label={LABELS[t]}
              onClick={() => choose(t)}
              className="rounded p-1 text-zinc-500 hover:text-zinc-900 aria-checked:bg-zinc-100 aria-checked:text-zinc-900 dark:hover:text-zinc-100 dark:aria-checked:bg-zinc-800 dark:aria-checked:text-zinc-100"
            >
              <Icon aria-hidden className="size-4" />
            </button>
          </Tooltip>
        );
      })}
    </div>
  );
}

/** The same choice as a labelled select, for Settings. */
export function ThemeSelect({ id }: { id?: string }) {
  const [theme, choose] = useThemeChoice();
  return (
    <select id={id} className={inputClass} value={theme} onChange={(e) => choose(e.target.value as Theme)}>
      <option value="system">Same as the system</option>
      <option value="light">Light</option>
      <option value="dark">Dark</option>
    </select>
  );
}
