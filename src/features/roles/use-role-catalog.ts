import { useMemo } from 'react';
import { useConfig } from '../../config/config-context';
import type { AccountRoles, RoleOption } from '../../types/role';
import { allRoles, rolesForPerson } from './role-catalog';

export interface RoleCatalog {
  accounts: AccountRoles[];
  roles: RoleOption[];
  findRole: (roleArn: string) => RoleOption | undefined;
}

/** The roles this person may try, from the config and their ID token's claims. */
export function useRoleCatalog(claims: Readonly<Record<string, unknown>>): RoleCatalog {
  const config = useConfig();
  return useMemo(() => {
    const accounts = rolesForPerson(config, claims);
    const roles = allRoles(accounts);
    const byArn = new Map(roles.map((role) => [role.arn, role]));
    return { accounts, roles, findRole: (roleArn) => byArn.get(roleArn) };
  }, [config, claims]);
}
