import { useEffect, useRef } from 'react';

/** The anchor of the training view's "Why it failed", which the session's error card links to. */
export const EXPLANATION_ANCHOR = 'why-it-failed';

const listeners = new Set<() => void>();

/** Asks the training view to open (it is collapsed and lazy) and move focus to the explanation. */
export function requestExplanation(): void {
  for (const listener of listeners) listener();
}

/** Calls `onRequest` each time someone follows a "Why it failed" link. */
export function useExplanationRequests(onRequest: () => void): void {
  const latest = useRef(onRequest);
  useEffect(() => {
    latest.current = onRequest;
  });
  useEffect(() => {
    const listener = () => latest.current();
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
