import type { AppConfig } from '../../config/schema';
import { buildRoleArn } from '../../utils/arn';

export interface RoleOption {
  arn: string;
  accountId: string;
  accountName: string;
  accountColor: string;
  name: string;
  label: string;
  /** The longest session the role allows, in seconds, when the config says. */
  maxDurationSeconds?: number;
}

export interface AccountRoles {
  accountId: string;
  accountName: string;
  accountColor: string;
  roles: RoleOption[];
}

/**
 * The roles this person may try, grouped by account: every configured role whose `groups` (if
 * any) share a group with the person's groups claim.
 */
export function rolesForPerson(
  config: AppConfig,
  claims: Readonly<Record<string, unknown>>,
): AccountRoles[] {
  const groups = new Set(readGroups(claims[config.groupsClaim]));
  return config.accounts
    .map((account) => ({
      accountId: account.id,
      accountName: account.name,
      accountColor: account.color,
      roles: account.roles
        .filter((role) => !role.groups || role.groups.some((group) => groups.has(group)))
        .map((role) => ({
          arn: buildRoleArn(account.id, role.name, role.path),
          accountId: account.id,
          accountName: account.name,
          accountColor: account.color,
          name: role.name,
          label: role.label ?? role.name,
          maxDurationSeconds: role.maxDurationSeconds,
        })),
    }))
    .filter((account) => account.roles.length > 0);
}

/** Reads a groups claim, which providers send as a list or as one space- or comma-separated string. */
export function readGroups(claim: unknown): string[] {
  if (Array.isArray(claim))
    return claim.filter((group): group is string => typeof group === 'string');
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}
