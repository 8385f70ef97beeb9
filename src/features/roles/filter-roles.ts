import type { AccountRoles } from '../../types/role';

export interface RoleIndex {
  /**
   * The roles matching every word of the query, in any of: label, role name, account name,
   * account id, ARN. Accounts left without a role disappear; an account whose roles all match is
   * returned as it is.
   */
  filter(query: string): AccountRoles[];
}

/**
 * Prepares the person's roles for filtering as they type: each role's searchable text is built
 * and lower-cased once, so a keystroke costs one substring test per word and role.
 */
export function indexRoles(accounts: readonly AccountRoles[]): RoleIndex {
  const searchable = accounts.map((account) =>
    account.roles.map((role) =>
      [role.label, role.name, account.accountName, account.accountId, role.arn]
        .join(' ')
        .toLowerCase(),
    ),
  );
  return {
    filter(query) {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return [...accounts];
      const matches: AccountRoles[] = [];
      accounts.forEach((account, index) => {
        const texts = searchable[index];
        const roles = account.roles.filter((_, role) =>
          words.every((word) => texts[role].includes(word)),
        );
        if (roles.length === account.roles.length) matches.push(account);
        else if (roles.length > 0) matches.push({ ...account, roles });
      });
      return matches;
    },
  };
}

/** {@link indexRoles} for a single query. */
export function filterRoles(accounts: readonly AccountRoles[], query: string): AccountRoles[] {
  return indexRoles(accounts).filter(query);
}
