import type { RoleOption } from '../../types/role';

/**
 * Finds the role a link such as `?account=111111111111&role=Developer` names. The account may be
 * given by id or display name, the role by name, label or full ARN.
 */
export function roleFromLink(search: string, roles: readonly RoleOption[]): RoleOption | undefined {
  const params = new URLSearchParams(search);
  const roleParam = params.get('role');
  if (!roleParam) return undefined;
  const account = params.get('account')?.toLowerCase();
  const wanted = roleParam.toLowerCase();
  return roles.find(
    (role) =>
      role.arn.toLowerCase() === wanted ||
      ((role.name.toLowerCase() === wanted || role.label.toLowerCase() === wanted) &&
        (!account || role.accountId === account || role.accountName.toLowerCase() === account)),
  );
}

/** The link that selects `role`, for the address bar: shareable, and never carrying a secret. */
export function linkForRole(role: RoleOption | undefined, search: string): string {
  const params = new URLSearchParams(search);
  if (role) {
    params.set('account', role.accountId);
    params.set('role', role.name);
  } else {
    params.delete('account');
    params.delete('role');
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The name config gives the account a link names (by id or by name), if config knows it. */
export function configuredAccountName(
  accounts: readonly { id: string; name: string }[],
  account: string | null,
): string | undefined {
  if (!account) return undefined;
  const wanted = account.trim().toLowerCase();
  return accounts.find((known) => known.id === wanted || known.name.toLowerCase() === wanted)?.name;
}

/** The role and account a page's link asks for, before anyone has signed in. */
export function linkRequest(search: string): { role: string; account: string | null } | undefined {
  const params = new URLSearchParams(search);
  const role = params.get('role');
  return role ? { role, account: params.get('account') } : undefined;
}
