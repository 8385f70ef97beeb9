import { useId } from 'react';
import { AccountSwatch } from '../../components/ui/account-swatch';
import { usePresenterMode } from '../../components/ui/presenter-mode';
import { maskAccountId } from '../../utils/mask';
import type { AccountRoles, RoleOption } from '../../types/role';

/** The person's roles grouped by account; choosing one opens (or assumes) it. */
export function RoleList({
  accounts,
  selectedArn,
  favourites,
  onSelect,
  onToggleFavourite,
}: {
  accounts: AccountRoles[];
  selectedArn?: string;
  favourites: readonly string[];
  onSelect: (role: RoleOption) => void;
  onToggleFavourite: (role: RoleOption) => void;
}) {
  const presenter = usePresenterMode();
  return (
    <nav aria-label="Roles" className="grid gap-4">
      {accounts.map((account) => (
        <section key={account.accountId} aria-labelledby={`account-${account.accountId}`}>
          <h3
            id={`account-${account.accountId}`}
            className="flex items-center gap-2 text-sm font-semibold text-slate-800"
          >
            <AccountSwatch color={account.accountColor} />
            {account.accountName}
            <span className="font-mono text-xs font-normal text-slate-600">
              {presenter ? maskAccountId(account.accountId) : account.accountId}
            </span>
          </h3>
          <ul className="mt-2 grid gap-1">
            {account.roles.map((role) => (
              <li key={role.arn} className="flex items-stretch gap-1">
                <RoleButton role={role} selected={role.arn === selectedArn} onSelect={onSelect} />
                <FavouriteToggle
                  role={role}
                  favourite={favourites.includes(role.arn)}
                  onToggle={onToggleFavourite}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

export function RoleButton({
  role,
  selected,
  onSelect,
}: {
  role: RoleOption;
  selected: boolean;
  onSelect: (role: RoleOption) => void;
}) {
  const detailsId = useId();
  const details = [
    role.preferred ? 'preferred role' : undefined,
    role.chainFrom ? 'chained role' : undefined,
    `IAM role ${role.name}`,
  ].filter(Boolean);
  return (
    <button
      type="button"
      aria-current={selected ? 'true' : undefined}
      // The name people search for; the visible details are read as its description.
      aria-label={`${role.label} in ${role.accountName}`}
      aria-describedby={detailsId}
      onClick={() => onSelect(role)}
      className={`min-w-0 flex-1 rounded-md border px-3 py-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${selected ? 'border-indigo-600 bg-indigo-50 font-semibold' : 'border-slate-200 bg-white hover:bg-slate-50'}`}
    >
      {role.label}
      <span id={detailsId} className="block truncate text-xs font-normal text-slate-600">
        {details.join(' · ')}
      </span>
    </button>
  );
}

function FavouriteToggle({
  role,
  favourite,
  onToggle,
}: {
  role: RoleOption;
  favourite: boolean;
  onToggle: (role: RoleOption) => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={favourite}
      aria-label={`Favourite ${role.label} in ${role.accountName}`}
      title={favourite ? 'Remove from favourites' : 'Add to favourites'}
      onClick={() => onToggle(role)}
      className="rounded-md border border-transparent px-2 text-lg leading-none text-amber-700 hover:border-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <span aria-hidden="true">{favourite ? '★' : '☆'}</span>
    </button>
  );
}
