import { useEffect, useState, type ReactNode } from 'react';
import { EnvironmentBadge } from '../../components/ui/environment-badge';
import { environmentLook } from '../../components/ui/environment-look';
import { usePresenterText } from '../../components/ui/presenter-mode';
import { useHasPassed } from '../../hooks/use-now';
import type { RoleOption } from '../../types/role';
import { CredentialsPanel } from './credentials-panel';
import { ExpiryCountdown } from './expiry-countdown';
import { LengthChangeStatus } from './length-change-status';
import { CancelledOpening, OpeningSteps } from './opening-steps';
import { SessionFailure } from './session-failure';
import { SessionLengthChooser } from './session-length-chooser';
import type { RoleSession } from '../../types/session';
import { useRoleSession, useSessions } from './sessions-provider';

export function SessionPanel({
  role,
  onSignInAgain,
  identity,
  extras,
}: {
  role: RoleOption;
  onSignInAgain: () => Promise<void>;
  /** Who the session is (composed by the app from the identity feature), shown above the keys. */
  identity?: (session: RoleSession) => ReactNode;
  /** More views of the same session (export), shown below the keys. */
  extras?: (session: RoleSession) => ReactNode;
}) {
  const sessions = useSessions();
  // Cancelled while opening: nothing is opened again until the person asks.
  const [cancelled, setCancelled] = useState(false);
  useEffect(() => {
    if (!cancelled) sessions.open(role);
  }, [sessions, role, cancelled]);
  const session = useRoleSession(role.arn);
  const current = session?.current.result;
  const data = current?.data;
  const expired = useHasPassed(data?.localExpiresAt ?? Infinity);
  const isFetching = !!current?.isFetching || !!session?.pending?.result.isFetching;
  const shown = usePresenterText();
  // The full name, wrapping: the role list truncates long (chained) names, this heading never does.
  const heading = (
    <h2 className="flex flex-wrap items-center gap-x-2 text-lg font-semibold break-words text-slate-900">
      {role.environment ? <EnvironmentBadge environment={role.environment} /> : null}
      <span className="min-w-0 break-words">
        {shown(role.label)}{' '}
        <span className="font-normal text-slate-600">in {shown(role.accountName)}</span>
      </span>
    </h2>
  );
  // A session of a named environment is framed in its colour, beside the word in the heading.
  const frame = role.environment ? `rounded-lg p-3 ${environmentLook(role.environment).frame}` : '';
  const failure = current?.error ? (
    <SessionFailure
      error={current.error}
      refreshing={!!data}
      expired={expired}
      retry={() => sessions.retry(role)}
      busy={isFetching}
      onSignInAgain={onSignInAgain}
    />
  ) : null;

  if (cancelled) {
    return (
      <div className="grid gap-3">
        {heading}
        <CancelledOpening role={role} onRetry={() => setCancelled(false)} />
      </div>
    );
  }

  if (!data) {
    return (
      <div className={`grid gap-3 ${frame}`} data-environment={role.environment}>
        {heading}
        {failure ?? (
          <OpeningSteps
            role={role}
            progress={session?.current.progress}
            onCancel={() => setCancelled(sessions.cancelOpening(role.arn))}
          />
        )}
      </div>
    );
  }

  return (
    <div className={`grid gap-4 ${frame}`} data-environment={role.environment}>
      {heading}
      {failure}
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2 text-sm text-slate-700">
        <p className="flex items-baseline gap-2">
          <span>Credentials expire at {new Date(data.localExpiresAt).toLocaleTimeString()}:</span>
          <ExpiryCountdown expiresAt={data.localExpiresAt} />
        </p>
        {isFetching ? <p role="status">Refreshing…</p> : null}
      </div>
      <SessionLengthChooser
        role={role}
        current={data.durationSeconds}
        refusedFrom={session?.refusedLength?.seconds}
        onChange={(seconds) => sessions.changeLength(role, seconds)}
        disabled={isFetching}
      />
      {session ? (
        <LengthChangeStatus
          session={session}
          inHandSeconds={data.durationSeconds}
          onRetry={() => sessions.retry(role)}
        />
      ) : null}
      {identity?.(data)}
      <CredentialsPanel credentials={data.credentials} localExpiresAt={data.localExpiresAt} />
      {extras?.(data)}
    </div>
  );
}
