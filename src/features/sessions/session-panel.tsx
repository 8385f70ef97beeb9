import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { StsProblem } from '../../lib/aws/sts-problem';
import type { SignedInPerson } from '../../lib/auth/use-auth-session';
import { IdentityCard } from '../identity/identity-card';
import type { RoleOption } from '../roles/role-catalog';
import { CredentialsPanel } from './credentials-panel';
import { ExpiryCountdown } from './expiry-countdown';
import { useRoleSession } from './use-role-session';

export function SessionPanel({ role, person }: { role: RoleOption; person: SignedInPerson }) {
  const session = useRoleSession(role, person);
  const heading = (
    <h2 className="text-lg font-semibold text-slate-900">
      {role.label} <span className="font-normal text-slate-600">in {role.accountName}</span>
    </h2>
  );

  if (session.isPending) {
    return (
      <div className="grid gap-3">
        {heading}
        <p role="status" className="text-sm text-slate-700">
          Assuming {role.label} in {role.accountName}…
        </p>
      </div>
    );
  }

  if (session.isError) {
    const problem = session.error instanceof StsProblem ? session.error : undefined;
    return (
      <div className="grid gap-3">
        {heading}
        <Notice
          tone="error"
          title={problem?.title ?? 'Could not assume the role'}
          actions={
            <Button
              variant="primary"
              onClick={() => void session.refetch()}
              disabled={session.isFetching}
            >
              Try again
            </Button>
          }
        >
          <p>{problem?.hint ?? String(session.error)}</p>
          {problem ? (
            <p className="mt-2 font-mono text-xs">
              {problem.details.action} · {problem.details.code}
              {problem.details.requestId ? ` · request ${problem.details.requestId}` : ''}
            </p>
          ) : null}
        </Notice>
      </div>
    );
  }

  const { assumed, identity } = session.data;
  return (
    <div className="grid gap-4">
      {heading}
      <p className="flex flex-wrap items-baseline gap-2 text-sm text-slate-700">
        <span>
          Credentials expire at {new Date(assumed.credentials.expiresAt).toLocaleTimeString()}:
        </span>
        <ExpiryCountdown expiresAt={assumed.credentials.expiresAt} />
      </p>
      <IdentityCard identity={identity} accountName={role.accountName} roleLabel={role.label} />
      <CredentialsPanel credentials={assumed.credentials} />
    </div>
  );
}
