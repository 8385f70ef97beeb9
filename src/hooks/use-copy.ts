import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { clipboardGuard, copySecret, type ClipboardState } from './clipboard-guard';

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies text to the clipboard and reports the outcome for a few seconds, for a visible
 * confirmation. A `secret` is cleared from the clipboard again later (clipboard-guard.ts).
 */
export function useCopy({ secret = false, resetAfterMs = 2000 } = {}): {
  state: CopyState;
  copy: (text: string) => Promise<void>;
} {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(
    async (text: string) => {
      clearTimeout(timer.current);
      try {
        await (secret ? copySecret(text) : navigator.clipboard.writeText(text));
        setState('copied');
      } catch {
        setState('failed');
      }
      timer.current = setTimeout(() => setState('idle'), resetAfterMs);
    },
    [secret, resetAfterMs],
  );

  return { state, copy };
}

/** What happens to the secret last copied: cleared when, or could not be cleared. */
export function useClipboardState(): ClipboardState {
  return useSyncExternalStore(clipboardGuard.subscribe, clipboardGuard.get);
}
