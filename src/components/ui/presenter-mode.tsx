import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { maskForPresenter } from '../../utils/mask';

/**
 * Presenter mode, for screen sharing and projectors: secrets can never be revealed, account ids are
 * fully masked, and everything is larger (the root font size scales, so every rem-sized thing
 * does). Held in React state only: it lasts as long as the page.
 */
const PresenterContext = createContext(false);

export function PresenterModeProvider({ on, children }: { on: boolean; children: ReactNode }) {
  // Scale the whole page: Tailwind sizes are rem, so type, spacing and columns grow together.
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', on);
    return () => document.documentElement.classList.remove('presenter');
  }, [on]);
  return <PresenterContext value={on}>{children}</PresenterContext>;
}

export function usePresenterMode(): boolean {
  return useContext(PresenterContext);
}

const unchanged = (text: string) => text;

/** What to put on screen for a text that may hold account ids or access key ids. */
export function usePresenterText(): (text: string) => string {
  return useContext(PresenterContext) ? maskForPresenter : unchanged;
}
