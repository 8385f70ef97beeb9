/** When credentials expire on this computer's clock, given AWS's clock offset. */
export function localExpiry(expiresAt: number, clockOffsetMs: number): number {
  return expiresAt - clockOffsetMs;
}

export const RETRY_AFTER_FAILURE_MS = 30_000;
const MIN_DELAY_MS = 1_000;

/** Credentials are never refreshed sooner than this after they arrive, whatever the lead time. */
export const MIN_AGE_BEFORE_REFRESH_MS = 10_000;

/**
 * How long to wait before refreshing credentials: `leadMs` before they expire, but never sooner
 * than 10 seconds after they arrived (a lead as long as the session would refresh without pause).
 * After a failed refresh, try again every 30 seconds while the credentials still work; once they
 * have expired, when AWS refused in a way no retry can change, or when only the person can fix it,
 * stop (`false`).
 */
export function refreshDelayMs(input: {
  receivedAt: number;
  localExpiresAt: number;
  leadMs: number;
  now: number;
  lastRefresh: 'ok' | 'failed' | 'refused' | 'needs-person';
}): number | false {
  const { receivedAt, localExpiresAt, leadMs, now, lastRefresh } = input;
  if (lastRefresh === 'needs-person' || lastRefresh === 'refused') return false;
  if (lastRefresh === 'failed') {
    return localExpiresAt > now ? Math.min(RETRY_AFTER_FAILURE_MS, localExpiresAt - now) : false;
  }
  const refreshAt = Math.max(localExpiresAt - leadMs, receivedAt + MIN_AGE_BEFORE_REFRESH_MS);
  return Math.max(refreshAt - now, MIN_DELAY_MS);
}

/** True when a refresh should already have happened (the tab slept or was throttled). */
export function refreshIsOverdue(
  session: { receivedAt: number; localExpiresAt: number },
  leadSeconds: number,
  now: number,
): boolean {
  const due = Math.max(
    session.localExpiresAt - leadSeconds * 1000,
    session.receivedAt + MIN_AGE_BEFORE_REFRESH_MS,
  );
  return now >= due;
}
