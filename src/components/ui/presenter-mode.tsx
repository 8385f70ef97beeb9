import { createContext, useContext, type ReactNode } from 'react';

/**
 * Presenter mode, for screen sharing: secrets can never be revealed, account ids are partly masked,
 * type and countdowns are larger. Held in React state only: it lasts as long as the page.
 */
const PresenterContext = createContext(false);

export function PresenterModeProvider({ on, children }: { on: boolean; children: ReactNode }) {
  return <PresenterContext value={on}>{children}</PresenterContext>;
}

export function usePresenterMode(): boolean {
  return useContext(PresenterContext);
}
