'use client';
/** Light, dark or system, as three icon buttons; the choice is remembered and applied at once (lib/theme). */
import { Monitor, Moon, Sun } from 'lucide-react';
import { useEffect, useState } from 'react';
import { applyTheme, readTheme, THEME_KEY, type Theme } from '@/lib/theme/theme';
import { Tooltip } from './tooltip';

const ICONS = { system: Monitor, light: Sun, dark: Moon } as const;
const LABELS = { system: 'System theme', light: 'Light', dark: 'Dark' } as const;

export function ThemeControl() {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => setTheme(readTheme()), []);
  useEffect(() => {
    if (theme !== 'system') return;
    // Following the system: follow it when it changes, too.
    const media = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [theme]);
  const choose = (t: Theme) => {
    setTheme(t);
    localStorage.setItem(THEME_KEY, t);
    applyTheme(t);
  };
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
