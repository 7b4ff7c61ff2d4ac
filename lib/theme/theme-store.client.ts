'use client';
/** The chosen theme, shared by every control that shows it (the header's switch, Settings), kept in step. */
import { create } from 'zustand';
import { applyTheme, readTheme, THEME_KEY, type Theme } from './theme';

export const useTheme = create<{ theme: Theme | null; load(): void; choose(t: Theme): void }>()((set, get) => ({
  // null until read from storage after mount (the server renders no choice).
  theme: null,
  load: () => {
    if (get().theme === null) set({ theme: readTheme() });
  },
  choose: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    applyTheme(theme);
    set({ theme });
  },
}));
