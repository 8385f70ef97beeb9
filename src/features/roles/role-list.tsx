import type { AccountRoles, RoleOption } from './role-catalog';

/** The person's roles grouped by account; choosing one assumes it. */
export function RoleList({
  accounts,
  selectedArn,
  onSelect,
}: {
  accounts: AccountRoles[];
  selectedArn?: string;
  onSelect: (role: RoleOption) => void;
}) {
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
              {account.accountId}
            </span>
          </h3>
          <ul className="mt-2 grid gap-1">
            {account.roles.map((role) => {
              const selected = role.arn === selectedArn;
              return (
                <li key={role.arn}>
                  <button
                    type="button"
                    aria-current={selected ? 'true' : undefined}
                    aria-label={`${role.label} in ${account.accountName}`}
                    onClick={() => onSelect(role)}
                    className={`w-full rounded-md border px-3 py-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${selected ? 'border-indigo-600 bg-indigo-50 font-semibold' : 'border-slate-200 bg-white hover:bg-slate-50'}`}
                  >
                    {role.label}
                    {selected ? <span className="sr-only"> (selected)</span> : null}
                    <span className="block font-mono text-xs font-normal text-slate-600">
                      {role.name}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}

/** The account's colour, always shown next to its name, never instead of it. */
export function AccountSwatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-3 rounded-full border border-slate-400"
      ref={(element) => {
        // CSSOM assignment, not a style attribute: allowed by the strict Content-Security-Policy.
        element?.style.setProperty('background-color', color);
      }}
    />
  );
}
