import type { ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { usePresenterMode } from '../../components/ui/presenter-mode';
import { maskAccountIds } from '../../utils/mask';
import { SignInRequired } from '../../lib/auth/id-token-source';
import { StsProblem } from '../../lib/aws/sts-problem';
import type { RoleOption } from '../roles/role-catalog';
import { CredentialsPanel } from './credentials-panel';
import { ExpiryCountdown } from './expiry-countdown';
import { SessionLengthChooser } from './session-length-chooser';
import type { RoleSession } from './session-queries';
import { useRoleSession } from './use-role-session';

export function SessionPanel({
  role,
  onLengthChange,
  onSignInAgain,
  identity,
  extras,
}: {
  role: RoleOption;
  onLengthChange: (seconds: number) => void;
  onSignInAgain: () => void;
  /** Who the session is (composed by the app from the identity feature), shown above the keys. */
  identity?: (session: RoleSession) => ReactNode;
  /** More views of the same session (export), shown below the keys. */
  extras?: (session: RoleSession) => ReactNode;
}) {
  const session = useRoleSession(role);
  const heading = (
    <h2 className="text-lg font-semibold text-slate-900">
      {role.label} <span className="font-normal text-slate-600">in {role.accountName}</span>
    </h2>
  );
  const failure = session.error ? (
    <SessionFailure
      error={session.error}
      refreshing={!!session.data}
      retry={() => void session.refetch()}
      busy={session.isFetching}
      onSignInAgain={onSignInAgain}
    />
  ) : null;

  if (!session.data) {
    return (
      <div className="grid gap-3">
        {heading}
        {failure ?? (
          <p role="status" className="text-sm text-slate-700">
            Assuming {role.label} in {role.accountName}…
          </p>
        )}
      </div>
    );
  }

  const data = session.data;
  return (
    <div className="grid gap-4">
      {heading}
      {failure}
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2 text-sm text-slate-700">
        <p className="flex items-baseline gap-2">
          <span>Credentials expire at {new Date(data.localExpiresAt).toLocaleTimeString()}:</span>
          <ExpiryCountdown expiresAt={data.localExpiresAt} />
        </p>
        {session.isFetching ? <p role="status">Refreshing…</p> : null}
      </div>
      <SessionLengthChooser
        role={role}
        current={data.durationSeconds}
        onChange={onLengthChange}
        disabled={session.isFetching}
      />
      {identity?.(data)}
      <CredentialsPanel credentials={data.credentials} localExpiresAt={data.localExpiresAt} />
      {extras?.(data)}
    </div>
  );
}

function SessionFailure({
  error,
  refreshing,
  retry,
  busy,
  onSignInAgain,
}: {
  error: Error;
  refreshing: boolean;
  retry: () => void;
  busy: boolean;
  onSignInAgain: () => void;
}) {
  const presenter = usePresenterMode();
  const shown = (text: string) => (presenter ? maskAccountIds(text) : text);
  if (error instanceof SignInRequired) {
    return (
      <Notice
        tone="warning"
        title={
          refreshing
            ? 'These credentials cannot be refreshed: your sign-in has expired'
            : 'Your sign-in has expired'
        }
        actions={
          <Button variant="primary" onClick={onSignInAgain}>
            Sign in again
          </Button>
        }
      >
        {refreshing
          ? 'They keep working until the countdown ends. Sign in again to keep refreshing them; your other sessions stay.'
          : 'Sign in again to assume this role; your other sessions stay.'}
      </Notice>
    );
  }
  const problem = error instanceof StsProblem ? error : undefined;
  const title = shown(problem?.title ?? 'Could not assume the role');
  return (
    <Notice
      tone={refreshing ? 'warning' : 'error'}
      title={refreshing ? `Refreshing failed: ${title}` : title}
      actions={
        <Button variant="primary" onClick={retry} disabled={busy}>
          Try again
        </Button>
      }
    >
      <p>{shown(problem?.hint ?? error.message)}</p>
      {refreshing ? (
        <p className="mt-1">The current credentials keep working until the countdown ends.</p>
      ) : null}
      {problem ? (
        <p className="mt-2 font-mono text-xs">
          {problem.details.action} · {problem.details.code}
          {problem.details.requestId ? ` · request ${problem.details.requestId}` : ''}
        </p>
      ) : null}
    </Notice>
  );
}
