import type { AccountConfig, AppConfig, Partition, RoleConfig } from '../../config/schema';
import type { AccountRoles, RoleOption } from '../../types/role';
import { buildRoleArn, parseRoleArn } from '../../utils/arn';

const COGNITO_ROLES = 'cognito:roles';
const COGNITO_PREFERRED_ROLE = 'cognito:preferred_role';
const UNNAMED_ACCOUNT_COLOR = '#64748b';

/**
 * The roles this person may try, grouped by account. Two sources are merged: configured roles
 * whose `groups` (if any) share a group with the person's groups claim, and role ARNs the ID token
 * itself carries (Cognito's `cognito:roles` and `cognito:preferred_role`, and any claim the config
 * lists in `roleClaims`). A chained role is offered only when the role it chains from is.
 */
export function rolesForPerson(
  config: AppConfig,
  claims: Readonly<Record<string, unknown>>,
): AccountRoles[] {
  const groups = new Set(readGroups(claims[config.groupsClaim]));
  const tokenArns = new Set(
    [COGNITO_ROLES, COGNITO_PREFERRED_ROLE, ...config.roleClaims].flatMap((claim) =>
      readRoleArns(claims[claim]),
    ),
  );
  const preferred = readRoleArns(claims[COGNITO_PREFERRED_ROLE])[0];

  const byArn = new Map<string, RoleOption>();
  for (const account of config.accounts) {
    for (const role of account.roles) {
      const option = configuredRole(config.sts.partition, account, role, preferred);
      const granted = !role.groups || role.groups.some((group) => groups.has(group));
      if (granted || tokenArns.has(option.arn)) byArn.set(option.arn, option);
    }
  }
  const configured = new Map(config.accounts.map((account) => [account.id, account]));
  for (const arn of tokenArns) {
    if (!byArn.has(arn)) byArn.set(arn, tokenRole(configured, arn, preferred));
  }
  for (const [arn, role] of byArn) {
    if (role.chainFrom && !byArn.has(role.chainFrom)) byArn.delete(arn);
  }
  return groupByAccount(config.accounts, [...byArn.values()]);
}

function configuredRole(
  partition: Partition,
  account: AccountConfig,
  role: RoleConfig,
  preferred: string | undefined,
): RoleOption {
  const arn = buildRoleArn(account.id, role.name, role.path, partition);
  return {
    arn,
    accountId: account.id,
    accountName: account.name,
    accountColor: account.color,
    ...(account.environment ? { environment: account.environment } : {}),
    name: role.name,
    label: role.label ?? role.name,
    maxDurationSeconds: role.maxDurationSeconds,
    source: 'config',
    preferred: arn === preferred,
    chainFrom: role.chainFrom,
    externalId: role.externalId,
  };
}

function tokenRole(
  accounts: ReadonlyMap<string, AccountConfig>,
  arn: string,
  preferred: string | undefined,
): RoleOption {
  const parts = parseRoleArn(arn)!;
  const account = accounts.get(parts.accountId);
  return {
    arn,
    accountId: parts.accountId,
    accountName: account?.name ?? parts.accountId,
    accountColor: account?.color ?? UNNAMED_ACCOUNT_COLOR,
    ...(account?.environment ? { environment: account.environment } : {}),
    name: parts.name,
    label: parts.name,
    source: 'token',
    preferred: arn === preferred,
  };
}

/** Accounts in config order (unknown accounts after them), the preferred role's account and the role itself first. */
function groupByAccount(accounts: readonly AccountConfig[], roles: RoleOption[]): AccountRoles[] {
  const positions = new Map(accounts.map((account, index) => [account.id, index]));
  const order = (accountId: string) => positions.get(accountId) ?? accounts.length;
  const grouped = new Map<string, AccountRoles>();
  for (const role of roles) {
    const group = grouped.get(role.accountId) ?? {
      accountId: role.accountId,
      accountName: role.accountName,
      accountColor: role.accountColor,
      ...(role.environment ? { environment: role.environment } : {}),
      roles: [],
    };
    group.roles.push(role);
    grouped.set(role.accountId, group);
  }
  const withPreferred = new Set(
    roles.filter((role) => role.preferred).map((role) => role.accountId),
  );
  const hasPreferred = (group: AccountRoles) => withPreferred.has(group.accountId);
  for (const accountId of withPreferred) {
    grouped.get(accountId)!.roles.sort((a, b) => Number(b.preferred) - Number(a.preferred));
  }
  return [...grouped.values()].sort(
    (a, b) =>
      Number(hasPreferred(b)) - Number(hasPreferred(a)) ||
      order(a.accountId) - order(b.accountId) ||
      a.accountId.localeCompare(b.accountId),
  );
}

/** Reads a claim holding role ARNs: a list, or one string (space- or comma-separated). Anything else is ignored. */
export function readRoleArns(claim: unknown): string[] {
  return readStrings(claim).filter((value) => parseRoleArn(value) !== undefined);
}

/** Reads a groups claim, which providers send as a list or as one space- or comma-separated string. */
export function readGroups(claim: unknown): string[] {
  return readStrings(claim);
}

function readStrings(claim: unknown): string[] {
  if (Array.isArray(claim)) {
    return claim.filter((value): value is string => typeof value === 'string');
  }
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

export function allRoles(accounts: readonly AccountRoles[]): RoleOption[] {
  return accounts.flatMap((account) => account.roles);
}
