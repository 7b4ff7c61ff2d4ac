'use client';
import { useEffect, useState } from 'react';

type Theme = 'system' | 'light' | 'dark';

/** Light, dark or the system's choice; remembered in localStorage, applied as a class on <html>. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    setTheme((localStorage.getItem('image-playground.theme') as Theme) ?? 'system');
  }, []);
  useEffect(() => {
    const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
    localStorage.setItem('image-playground.theme', theme);
  }, [theme]);
  return (
    <label className="text-xs">
      <span className="sr-only">Theme</span>
      <select className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
