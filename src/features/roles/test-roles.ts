import type { AccountRoles } from '../../types/role';

/** `accounts` accounts of `perAccount` roles each, named "Role-<n>" in account "<id>". */
export function manyAccounts(accounts: number, perAccount: number): AccountRoles[] {
  return Array.from({ length: accounts }, (_, a) => {
    const accountId = String(100000000000 + a);
    return {
      accountId,
      accountName: accountId,
      accountColor: '#64748b',
      roles: Array.from({ length: perAccount }, (_, r) => ({
        arn: `arn:aws:iam::${accountId}:role/Role-${a * perAccount + r}`,
        accountId,
        accountName: accountId,
        accountColor: '#64748b',
        name: `Role-${a * perAccount + r}`,
        label: `Role-${a * perAccount + r}`,
        source: 'token' as const,
        preferred: false,
      })),
    };
  });
}
