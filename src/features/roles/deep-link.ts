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
