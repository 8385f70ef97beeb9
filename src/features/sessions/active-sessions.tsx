import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/ui/button';
import type { RoleOption } from '../roles/role-catalog';
import { AccountSwatch } from '../../components/ui/account-swatch';
import { ExpiryCountdown } from './expiry-countdown';
import { useSessionEnvironment } from './session-environment';
import { sessionQueries } from './session-queries';
import { useActiveSessionArns } from './use-active-sessions';
import { useRoleSession } from './use-role-session';

/**
 * Every session held in memory, each with its own countdown. Keeping a row mounted per session is
 * also what keeps each one refreshing before it expires, whichever is on screen.
 */
export function ActiveSessions({
  selectedArn,
  onOpen,
  onEnded,
}: {
  selectedArn?: string;
  onOpen: (role: RoleOption) => void;
  onEnded: (role: RoleOption) => void;
}) {
  const env = useSessionEnvironment();
  const roles = useActiveSessionArns(env.subject)
    .map((arn) => env.findRole(arn))
    .filter((role): role is RoleOption => role !== undefined);
  if (roles.length === 0) return null;
  return (
    <section aria-labelledby="active-sessions-heading" className="grid gap-2">
      <h2 id="active-sessions-heading" className="text-lg font-semibold text-slate-900">
        Active sessions
      </h2>
      <p className="text-xs text-slate-600">
        Ending a session forgets its credentials in this tab; AWS accepts them until they expire.
      </p>
      <ul className="grid gap-1">
        {roles.map((role) => (
          <ActiveSessionRow
            key={role.arn}
            role={role}
            selected={role.arn === selectedArn}
            onOpen={() => onOpen(role)}
            onEnded={() => onEnded(role)}
          />
        ))}
      </ul>
    </section>
  );
}

function ActiveSessionRow({
  role,
  selected,
  onOpen,
  onEnded,
}: {
  role: RoleOption;
  selected: boolean;
  onOpen: () => void;
  onEnded: () => void;
}) {
  const env = useSessionEnvironment();
  const queryClient = useQueryClient();
  const session = useRoleSession(role);
  const name = `${role.label} in ${role.accountName}`;
  const end = () => {
    queryClient.removeQueries({ queryKey: sessionQueries.detail(env, role).queryKey, exact: true });
    onEnded();
  };
  return (
    <li
      className={`flex items-center gap-2 rounded-md border px-2 py-1.5 text-sm ${selected ? 'border-indigo-600 bg-indigo-50 font-semibold' : 'border-slate-200 bg-white'}`}
    >
      <AccountSwatch color={role.accountColor} />
      <button
        type="button"
        onClick={onOpen}
        aria-current={selected ? 'true' : undefined}
        className="min-w-0 flex-1 truncate text-left hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        aria-label={`Open session ${name}`}
      >
        {name}
        {selected ? <span className="font-normal text-slate-600"> (open)</span> : null}
      </button>
      {session.data ? (
        <ExpiryCountdown expiresAt={session.data.localExpiresAt} subject={name} />
      ) : (
        <span className="text-slate-600">{session.isError ? 'failed' : 'starting…'}</span>
      )}
      <Button
        variant="ghost"
        className="px-2 py-0.5"
        aria-label={`End session ${name}`}
        title="Forget these credentials here. AWS keeps accepting them until they expire."
        onClick={end}
      >
        End
      </Button>
    </li>
  );
}
