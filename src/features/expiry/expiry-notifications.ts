import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExpiryWarning } from './expiry-model';

export type NotifyState = 'off' | 'asking' | 'on' | 'denied' | 'unsupported';

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/**
 * Browser notifications for expiry warnings, only once the person asks for them (the permission
 * prompt comes from their click), and one per session and expiry.
 */
export function useExpiryNotifications(warnings: readonly ExpiryWarning[]) {
  const [state, setState] = useState<NotifyState>('off');
  const told = useRef(new Set<string>());

  const enable = useCallback(async () => {
    if (!supported()) return setState('unsupported');
    setState('asking');
    const permission =
      Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    setState(permission === 'granted' ? 'on' : permission === 'denied' ? 'denied' : 'off');
  }, []);

  useEffect(() => {
    if (state !== 'on') return;
    // Runs on each tick of the clock; a warning already told is skipped at once.
    for (const warning of warnings) {
      if (told.current.has(warning.key)) continue;
      told.current.add(warning.key);
      const minutes = Math.max(0, Math.ceil((warning.localExpiresAt - Date.now()) / 60_000));
      // Role and account only: never a key, token or account id in a notification.
      new Notification('Rolecall: keys expire soon', {
        body:
          minutes > 0
            ? `${warning.label} in ${warning.accountName} expires in ${minutes} min and cannot be refreshed. Open Rolecall to sign in again.`
            : `${warning.label} in ${warning.accountName} has expired. Open Rolecall to sign in again.`,
        tag: warning.key,
      });
    }
  }, [state, warnings]);

  return { state, enable };
}
