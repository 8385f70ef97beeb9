import { isSignInFailure } from '../../lib/auth/id-token-source';
import { ExplainedError } from '../../utils/explained-error';

export const APP_TITLE = 'Rolecall';

/** A session whose credentials run out soon and that Rolecall cannot refresh by itself. */
export interface ExpiryWarning {
  roleArn: string;
  label: string;
  accountName: string;
  localExpiresAt: number;
  /** The same session and expiry give the same key: one notification each. */
  key: string;
}

/** What expiry awareness needs of an open session (the app maps the sessions registry to this). */
export interface WatchedSession {
  role: { arn: string; label: string; accountName: string };
  /** When the credentials in hand expire on this computer's clock; none while it opens. */
  localExpiresAt?: number;
  /** The last refresh's failure, if it failed. */
  error: Error | null;
}

export interface ExpiryAwareness {
  title: string;
  warnings: ExpiryWarning[];
}

/** Whether a failed refresh is final: only the person (or a new sign-in) can change the outcome. */
function cannotRefresh(error: Error | null): boolean {
  if (!error) return false;
  if (isSignInFailure(error)) return true;
  return error instanceof ExplainedError && !error.retryable;
}

/** "42 min", "1 h 5 min", and in the last minute "45 s": a title that changes once a minute until then. */
export function timeLeftText(ms: number): string {
  if (ms <= 0) return 'expired';
  if (ms < 60_000) return `${Math.ceil(ms / 1000)} s`;
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * What the tab title says and which sessions the banner warns about, at `now`. The title names the
 * open (selected) session and its time left; "⚠" marks it while any session needs the person (a
 * refresh failed, or credentials ran out).
 */
export function expiryAwareness(
  sessions: readonly WatchedSession[],
  selectedArn: string | undefined,
  now: number,
  warningMinutes: number,
): ExpiryAwareness {
  const warnings: ExpiryWarning[] = [];
  let needsPerson = false;
  for (const session of sessions) {
    const { localExpiresAt, error } = session;
    if (localExpiresAt === undefined) continue;
    const left = localExpiresAt - now;
    if (error || left <= 0) needsPerson = true;
    if (cannotRefresh(error) && left <= warningMinutes * 60_000) {
      warnings.push({
        roleArn: session.role.arn,
        label: session.role.label,
        accountName: session.role.accountName,
        localExpiresAt,
        key: `${session.role.arn} ${localExpiresAt}`,
      });
    }
  }
  const marker = needsPerson ? '⚠ ' : '';
  const selected = sessions.find((session) => session.role.arn === selectedArn);
  const title = !selected
    ? `${marker}${APP_TITLE}`
    : selected.localExpiresAt !== undefined
      ? `${marker}${selected.role.label} · ${timeLeftText(selected.localExpiresAt - now)} — ${APP_TITLE}`
      : `${marker}${selected.role.label} — ${APP_TITLE}`;
  return { title, warnings };
}
