import { AccountSwatch } from '../../components/ui/account-swatch';
import { Button } from '../../components/ui/button';
import type { RoleOption } from '../../types/role';
import { ExpiryCountdown } from './expiry-countdown';
import type { OpenSession } from './session-registry';
import { useOpenSessions, useSessions } from './sessions-provider';

/** Every session held in memory (or being assumed), each with its own countdown. */
export function ActiveSessions({
  selectedArn,
  onOpen,
  onEnded,
}: {
  selectedArn?: string;
  onOpen: (role: RoleOption) => void;
  onEnded: (role: RoleOption) => void;
}) {
  const sessions = useOpenSessions().filter(
    ({ current }) => current.result.data !== undefined || current.result.isFetching,
  );
  if (sessions.length === 0) return null;
  return (
    <section aria-labelledby="active-sessions-heading" className="grid gap-2">
      <h2 id="active-sessions-heading" className="text-lg font-semibold text-slate-900">
        Active sessions
      </h2>
      <p className="text-xs text-slate-600">
        Ending a session forgets its credentials in this tab; AWS accepts them until they expire.
      </p>
      <ul className="grid gap-1">
        {sessions.map((session) => (
          <ActiveSessionRow
            key={session.role.arn}
            session={session}
            selected={session.role.arn === selectedArn}
            onOpen={() => onOpen(session.role)}
            onEnded={() => onEnded(session.role)}
          />
        ))}
      </ul>
    </section>
  );
}

function ActiveSessionRow({
  session,
  selected,
  onOpen,
  onEnded,
}: {
  session: OpenSession;
  selected: boolean;
  onOpen: () => void;
  onEnded: () => void;
}) {
  const sessions = useSessions();
  const { role, current } = session;
  const name = `${role.label} in ${role.accountName}`;
  const end = () => {
    sessions.end(role.arn);
    onEnded();
  };
  return (
    <li
      className={`flex min-w-0 items-center gap-2 rounded-md border px-2 py-1.5 text-sm ${selected ? 'border-indigo-600 bg-indigo-50 font-semibold' : 'border-slate-200 bg-white'}`}
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
      {current.result.data ? (
        <ExpiryCountdown expiresAt={current.result.data.localExpiresAt} subject={name} />
      ) : (
        <span className="shrink-0 font-normal text-slate-600">{openingState(current)}</span>
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

/** A session still opening, in a word or two: which of its steps it is on. */
function openingState({ result, progress }: OpenSession['current']): string {
  if (result.isError) return 'failed';
  if (!progress) return 'starting…';
  return `step ${progress.current + 1} of ${progress.steps.length}…`;
}
