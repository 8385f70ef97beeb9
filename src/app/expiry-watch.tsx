import { useMemo } from 'react';
import { ExpiryAwareness } from '../features/expiry/expiry-awareness';
import type { WatchedSession } from '../features/expiry/expiry-model';
import { useOpenSessions } from '../features/sessions/sessions-provider';

/** Feeds expiry awareness from the sessions registry: the credentials in hand and their last failure. */
export function ExpiryWatch({ selectedArn }: { selectedArn?: string }) {
  const open = useOpenSessions();
  const sessions = useMemo(
    () =>
      open.map(({ role, current }): WatchedSession => ({
        role,
        localExpiresAt: current.result.data?.localExpiresAt,
        error: current.result.error,
      })),
    [open],
  );
  return <ExpiryAwareness sessions={sessions} selectedArn={selectedArn} />;
}
