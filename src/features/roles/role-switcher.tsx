import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { indexRoles, type RoleIndex } from './filter-roles';
import type { AccountRoles, RoleOption } from '../../types/role';
import { AccountSwatch } from '../../components/ui/account-swatch';
import { EnvironmentBadge } from '../../components/ui/environment-badge';
import { usePresenterText } from '../../components/ui/presenter-mode';

/** More than this many matches are counted but not listed: typing narrows them down. */
export const MAX_LISTED = 100;

/**
 * The role switcher: a modal search over every role, grouped by account, driven entirely from the
 * keyboard (type to filter, arrows to move, Enter to switch, Escape to close). Opened with Ctrl/Cmd+K.
 * Nothing of it is rendered while it is closed.
 */
export const RoleSwitcher = memo(function RoleSwitcher({
  accounts,
  open,
  onClose,
  onSelect,
}: {
  accounts: AccountRoles[];
  open: boolean;
  onClose: () => void;
  onSelect: (role: RoleOption) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const index = useMemo(() => (open ? indexRoles(accounts) : undefined), [accounts, open]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      className="m-auto mt-[10vh] w-[min(40rem,92vw)] rounded-xl border border-slate-300 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open && accounts.length === 0 ? (
        <div className="grid gap-3 p-4">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            Switch role
          </h2>
          <p className="text-sm text-slate-700">
            You have no AWS roles to switch to yet. Ask your AWS administrator to grant you one,
            then sign in again.
          </p>
          <button
            type="button"
            onClick={onClose}
            className="justify-self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            Close
          </button>
        </div>
      ) : index ? (
        <SwitcherSearch
          id={id}
          index={index}
          onChoose={(role) => {
            // Closed first: closing gives focus back to where it was, and the choice moves it on.
            dialog.current?.close();
            onSelect(role);
            onClose();
          }}
        />
      ) : null}
    </dialog>
  );
});

/** The search box and its results; mounted afresh, with an empty query, each time it opens. */
function SwitcherSearch({
  id,
  index,
  onChoose,
}: {
  id: string;
  index: RoleIndex;
  onChoose: (role: RoleOption) => void;
}) {
  const shown = usePresenterText();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const filtered = useMemo(() => index.filter(query), [index, query]);
  const matches = useMemo(() => filtered.reduce((sum, a) => sum + a.roles.length, 0), [filtered]);
  const listed = useMemo(() => firstRoles(filtered, MAX_LISTED), [filtered]);
  const options = useMemo(() => listed.flatMap((account) => account.roles), [listed]);
  const activeRole = options[Math.min(active, options.length - 1)];
  const activeId = activeRole ? `${id}-${activeRole.arn}` : undefined;

  // Arrow keys move the active option: keep it in view in a long, scrolled list.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves) {
      event.preventDefault();
      setActive(
        (current) =>
          (Math.min(current, options.length - 1) + moves[event.key] + options.length) %
          Math.max(options.length, 1),
      );
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : options.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (activeRole) onChoose(activeRole);
    }
  };

  return (
    <>
      <div className="grid gap-2 border-b border-slate-200 p-3">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          Switch role
        </h2>
        <input
          role="combobox"
          aria-label="Find a role"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-activedescendant={activeId}
          aria-autocomplete="list"
          autoComplete="off"
          placeholder="Type a role, account name or id…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-base"
        />
        <p className="text-xs text-slate-600" aria-live="polite">
          {describeMatches(matches, options.length)}
        </p>
      </div>
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label="Roles"
        className="max-h-[60vh] overflow-y-auto p-2"
      >
        {listed.map((account) => (
          <div
            key={account.accountId}
            role="group"
            aria-labelledby={`${id}-group-${account.accountId}`}
          >
            <div
              id={`${id}-group-${account.accountId}`}
              className="flex items-center gap-2 px-2 pt-2 pb-1 text-xs font-semibold text-slate-700"
              role="presentation"
            >
              <AccountSwatch color={account.accountColor} />
              {shown(account.accountName)}{' '}
              <span className="font-mono font-normal">{shown(account.accountId)}</span>
              {account.environment ? <EnvironmentBadge environment={account.environment} /> : null}
            </div>
            {account.roles.map((role) => {
              const isActive = role === activeRole;
              return (
                <div
                  key={role.arn}
                  id={`${id}-${role.arn}`}
                  role="option"
                  aria-selected={isActive}
                  aria-label={`${role.label} in ${account.accountName}`}
                  onMouseMove={() => !isActive && setActive(options.indexOf(role))}
                  onClick={() => onChoose(role)}
                  className={`cursor-pointer rounded-md px-3 py-1.5 text-sm ${isActive ? 'bg-indigo-700 text-white' : 'text-slate-900'}`}
                >
                  {role.label}
                  <span
                    className={`ml-2 font-mono text-xs ${isActive ? 'text-indigo-100' : 'text-slate-600'}`}
                  >
                    {role.name}
                  </span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}

/** The first `limit` roles, still grouped by account. */
function firstRoles(accounts: readonly AccountRoles[], limit: number): AccountRoles[] {
  const listed: AccountRoles[] = [];
  let left = limit;
  for (const account of accounts) {
    if (left <= 0) break;
    listed.push(
      account.roles.length <= left ? account : { ...account, roles: account.roles.slice(0, left) },
    );
    left -= account.roles.length;
  }
  return listed;
}

function describeMatches(matches: number, listed: number): string {
  const keys = 'Arrow keys to move, Enter to switch, Escape to close.';
  if (matches === 0) return 'No role matches.';
  if (matches > listed) {
    return `${matches.toLocaleString()} roles match; the first ${listed} are listed: type more to narrow them down. ${keys}`;
  }
  return `${matches} role${matches === 1 ? '' : 's'}. ${keys}`;
}
