import { useEffect } from 'react';
import { Button } from '../../components/ui/button';
import { useConfig } from '../../config/config-context';
import { useNowInBackground } from '../../hooks/use-now';
import {
  APP_TITLE,
  expiryAwareness,
  timeLeftText,
  type ExpiryWarning,
  type WatchedSession,
} from './expiry-model';
import { useExpiryNotifications, type NotifyState } from './expiry-notifications';

/**
 * Tells the person when keys are about to run out, in this tab and from others: the tab title
 * (the selected session's role and time left), a banner for sessions near expiry that cannot be
 * refreshed, and browser notifications if asked for. Fed the sessions registry's snapshot by the
 * app; time from the shared clock.
 */
export function ExpiryAwareness({
  sessions,
  selectedArn,
}: {
  sessions: readonly WatchedSession[];
  selectedArn?: string;
}) {
  const now = useNowInBackground();
  const { expiryWarningMinutes } = useConfig().session;
  const { title, warnings } = expiryAwareness(sessions, selectedArn, now, expiryWarningMinutes);
  const notifications = useExpiryNotifications(warnings);

  useEffect(() => {
    if (document.title !== title) document.title = title;
  }, [title]);
  useEffect(
    () => () => {
      document.title = APP_TITLE;
    },
    [],
  );

  return (
    <div className="grid gap-2 px-6 pt-4 empty:hidden">
      {warnings.length > 0 ? <ExpiryBanner warnings={warnings} now={now} /> : null}
      {sessions.length > 0 ? (
        <NotifyControl state={notifications.state} onEnable={notifications.enable} />
      ) : null}
    </div>
  );
}

function ExpiryBanner({ warnings, now }: { warnings: readonly ExpiryWarning[]; now: number }) {
  return (
    <div
      role="alert"
      className="rounded-lg border-2 border-amber-600 bg-amber-50 p-4 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {warnings.length === 1
          ? 'Keys expire soon and cannot be refreshed'
          : `${warnings.length} sessions expire soon and cannot be refreshed`}
      </p>
      <ul className="mt-1 text-sm">
        {warnings.map((warning) => {
          const left = warning.localExpiresAt - now;
          return (
            <li key={warning.key}>
              {warning.label} in {warning.accountName}{' '}
              {left > 0 ? `expires in ${timeLeftText(left)}` : 'has expired'}.
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-sm">
        Open the session to see why, and sign in again or try again there for fresh keys.
      </p>
    </div>
  );
}

const NOTIFY_TEXT: Partial<Record<NotifyState, string>> = {
  on: 'You will get a browser notification before keys that cannot be refreshed expire.',
  denied:
    'Your browser blocks notifications from this page. Allow them in the site settings, then reload, to be notified.',
  unsupported:
    'This browser cannot show notifications: keep this tab in view; its title shows the time left.',
};

function NotifyControl({ state, onEnable }: { state: NotifyState; onEnable: () => Promise<void> }) {
  const text = NOTIFY_TEXT[state];
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      {state === 'off' || state === 'asking' ? (
        <Button onClick={() => void onEnable()} disabled={state === 'asking'}>
          Notify me before keys expire
        </Button>
      ) : null}
      {text ? <p role="status">{text}</p> : null}
    </div>
  );
}
