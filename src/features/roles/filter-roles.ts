import type { AccountRoles } from '../../types/role';

/**
 * Keeps the roles matching every word of the query, in any of: label, role name, account name,
 * account id, ARN. Accounts left without a role disappear.
 */
export function filterRoles(accounts: readonly AccountRoles[], query: string): AccountRoles[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...accounts];
  return accounts
    .map((account) => ({
      ...account,
      roles: account.roles.filter((role) => {
        const haystack = [role.label, role.name, account.accountName, account.accountId, role.arn]
          .join(' ')
          .toLowerCase();
        return words.every((word) => haystack.includes(word));
      }),
    }))
    .filter((account) => account.roles.length > 0);
}
