/** When credentials expire on this computer's clock, given AWS's clock offset. */
export function localExpiry(expiresAt: number, clockOffsetMs: number): number {
  return expiresAt - clockOffsetMs;
}

export const RETRY_AFTER_FAILURE_MS = 30_000;
const MIN_DELAY_MS = 1_000;

/**
 * How long to wait before refreshing credentials: `leadMs` before they expire, but never more than
 * half their lifetime early (a 15-minute session with a 10-minute lead would refresh constantly).
 * After a failed refresh, try again every 30 seconds while the credentials still work; once they
 * have expired, or when only the person can fix it, stop (`false`).
 */
export function refreshDelayMs(input: {
  receivedAt: number;
  localExpiresAt: number;
  leadMs: number;
  now: number;
  lastRefresh: 'ok' | 'failed' | 'needs-person';
}): number | false {
  const { receivedAt, localExpiresAt, leadMs, now, lastRefresh } = input;
  if (lastRefresh === 'needs-person') return false;
  if (lastRefresh === 'failed') {
    return localExpiresAt > now ? Math.min(RETRY_AFTER_FAILURE_MS, localExpiresAt - now) : false;
  }
  const lead = Math.min(leadMs, (localExpiresAt - receivedAt) / 2);
  return Math.max(localExpiresAt - lead - now, MIN_DELAY_MS);
}
