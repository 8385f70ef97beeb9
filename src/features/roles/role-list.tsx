import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { AccountSwatch } from '../../components/ui/account-swatch';
import { EnvironmentBadge } from '../../components/ui/environment-badge';
import { usePresenterText } from '../../components/ui/presenter-mode';
import { parseRoleArn } from '../../utils/arn';
import type { AccountRoles, RoleOption } from '../../types/role';

/** About this many roles are listed at first, and as many more each time the end comes near. */
export const ROLES_PER_BATCH = 150;

/**
 * The person's roles grouped by account; choosing one opens (or assumes) it. A person with
 * thousands of roles sees the first accounts at once and the rest as they scroll (the switcher
 * searches them all). A click re-renders only the rows whose state it changes.
 */
export const RoleList = memo(function RoleList({
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
  const [wanted, setWanted] = useState(ROLES_PER_BATCH);
  const { shown, hidden } = useMemo(() => firstAccounts(accounts, wanted), [accounts, wanted]);
  const favouriteArns = useMemo(() => new Set(favourites), [favourites]);
  const selectedAccount = selectedArn ? parseRoleArn(selectedArn)?.accountId : undefined;
  return (
    <nav aria-label="Roles" className="grid gap-4">
      {shown.map((account) => (
        <AccountSection
          key={account.accountId}
          account={account}
          selectedArn={account.accountId === selectedAccount ? selectedArn : undefined}
          favourites={favouriteArns}
          onSelect={onSelect}
          onToggleFavourite={onToggleFavourite}
        />
      ))}
      {hidden > 0 ? (
        <ShowMore hidden={hidden} onMore={() => setWanted((count) => count + ROLES_PER_BATCH)} />
      ) : null}
    </nav>
  );
});

/** Whole accounts, in order, until about `wanted` roles are listed. */
function firstAccounts(accounts: readonly AccountRoles[], wanted: number) {
  const shown: AccountRoles[] = [];
  let listed = 0;
  let hidden = 0;
  for (const account of accounts) {
    if (listed < wanted) {
      shown.push(account);
      listed += account.roles.length;
    } else {
      hidden += account.roles.length;
    }
  }
  return { shown, hidden };
}

const AccountSection = memo(function AccountSection({
  account,
  selectedArn,
  favourites,
  onSelect,
  onToggleFavourite,
}: {
  account: AccountRoles;
  selectedArn?: string;
  favourites: ReadonlySet<string>;
  onSelect: (role: RoleOption) => void;
  onToggleFavourite: (role: RoleOption) => void;
}) {
  const shown = usePresenterText();
  return (
    <section aria-labelledby={`account-${account.accountId}`}>
      <h3
        id={`account-${account.accountId}`}
        className="flex items-center gap-2 text-sm font-semibold text-slate-800"
      >
        <AccountSwatch color={account.accountColor} />
        {shown(account.accountName)}
        <span className="font-mono text-xs font-normal text-slate-600">
          {shown(account.accountId)}
        </span>
        {account.environment ? <EnvironmentBadge environment={account.environment} /> : null}
      </h3>
      <ul className="mt-2 grid gap-1">
        {account.roles.map((role) => (
          <li key={role.arn} className="flex items-stretch gap-1">
            <RoleButton role={role} selected={role.arn === selectedArn} onSelect={onSelect} />
            <FavouriteToggle
              role={role}
              favourite={favourites.has(role.arn)}
              onToggle={onToggleFavourite}
            />
          </li>
        ))}
      </ul>
    </section>
  );
});

/** Lists more roles when scrolled near (or clicked: a keyboard or screen reader never scrolls). */
function ShowMore({ hidden, onMore }: { hidden: number; onMore: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const more = useRef(onMore);
  useEffect(() => {
    more.current = onMore;
  });
  useEffect(() => {
    const element = button.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && more.current(),
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
    // Observed afresh after each batch: still near the end, it lists the next one.
  }, [hidden]);
  return (
    <button
      ref={button}
      type="button"
      onClick={onMore}
      className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      Show more roles ({hidden.toLocaleString()} not listed yet; Ctrl+K searches them all)
    </button>
  );
}

export const RoleButton = memo(function RoleButton({
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
      <span className="block truncate">{role.label}</span>
      <span id={detailsId} className="block truncate text-xs font-normal text-slate-600">
        {role.environment ? (
          <>
            <EnvironmentBadge environment={role.environment} />{' '}
          </>
        ) : null}
        {details.join(' · ')}
      </span>
    </button>
  );
});

const FavouriteToggle = memo(function FavouriteToggle({
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
});
