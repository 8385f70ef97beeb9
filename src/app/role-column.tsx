import { Notice } from '../components/ui/notice';
import { QuickAccess } from '../features/roles/quick-access';
import { RoleList } from '../features/roles/role-list';
import type { RoleSelection } from '../features/roles/use-role-selection';
import { ActiveSessions } from '../features/sessions/active-sessions';
import { sessionError, useOpenSessions } from '../features/sessions/sessions-provider';
import type { AccountRoles, RoleOption } from '../types/role';

/** The left column: open sessions, favourites and recents, then every role by account. */
export function RoleColumn({
  accounts,
  selection,
  onChoose,
}: {
  accounts: AccountRoles[];
  selection: RoleSelection;
  /** The person chose a role: opens it and moves focus to its session. */
  onChoose: (role: RoleOption) => void;
}) {
  const selectedArn = selection.selected?.arn;
  // A role whose session failed is not offered again as "recently used" while it stays failed.
  const failed = new Set(
    useOpenSessions()
      .filter((session) => sessionError(session) !== null && !session.current.result.data)
      .map((session) => session.role.arn),
  );
  const recents = selection.recents.filter((role) => !failed.has(role.arn));
  return (
    <div className="grid min-w-0 content-start gap-5">
      <ActiveSessions selectedArn={selectedArn} onOpen={onChoose} onEnded={selection.deselect} />
      <QuickAccess
        favourites={selection.favourites}
        recents={recents}
        selectedArn={selectedArn}
        onSelect={onChoose}
      />
      <h2 className="text-lg font-semibold text-slate-900">Your roles</h2>
      {accounts.length === 0 ? (
        <Notice tone="info" title="You have no AWS roles yet">
          Your sign-in worked, but no role in Rolecall is granted to you. Ask your AWS administrator
          to add you to a group that grants a role (or to list roles in your identity
          provider&apos;s role claim), then sign in again.
        </Notice>
      ) : (
        <RoleList
          accounts={accounts}
          selectedArn={selectedArn}
          favourites={selection.favouriteArns}
          onSelect={onChoose}
          onToggleFavourite={selection.toggleFavourite}
        />
      )}
    </div>
  );
}
