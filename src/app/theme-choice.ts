import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** The one key Rolecall keeps outside memory for the theme: a preference, never a secret. */
export const THEME_KEY = 'rolecall:theme';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function storedThemeChoice(): ThemeChoice {
  const value = document.documentElement.dataset.theme;
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Applies a choice to <html> (as public/theme.js does on load) and remembers it when not "system". */
export function applyThemeChoice(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  root.classList.toggle('dark', choice === 'dark' || (choice === 'system' && darkQuery().matches));
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused (private mode, policy): the choice lasts for this page.
  }
}

/** The person's theme choice, applied as it changes. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(storedThemeChoice);
  useEffect(() => {
    if (choice !== storedThemeChoice()) applyThemeChoice(choice);
  }, [choice]);
  return [choice, setChoice];
}
