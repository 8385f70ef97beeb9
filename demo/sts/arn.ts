import type { Account, IamUser, Role, World } from './world.ts';

/**
 * ARN formats, from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html.
 * Assumed-role ARNs leave the role's path out; IAM role and user ARNs keep it.
 */
export const roleArn = (accountId: string, role: Role) =>
  `arn:aws:iam::${accountId}:role${role.path}${role.name}`;

export const userArn = (accountId: string, user: IamUser) =>
  `arn:aws:iam::${accountId}:user${user.path}${user.userName}`;

export const assumedRoleArn = (accountId: string, role: Role, sessionName: string) =>
  `arn:aws:sts::${accountId}:assumed-role/${role.name}/${sessionName}`;

export const federatedUserArn = (accountId: string, name: string) =>
  `arn:aws:sts::${accountId}:federated-user/${name}`;

export const oidcProviderArn = (accountId: string, providerUrl: string) =>
  `arn:aws:iam::${accountId}:oidc-provider/${providerUrl}`;

export const accountRootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;

export interface RoleArnParts {
  accountId: string;
  /** `/ci/` for `role/ci/Deployer`; `/` when the ARN gives no path. */
  path: string;
  name: string;
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/(?:[\x21-\x7e]+\/)?)([\w+=,.@-]{1,64})$/;

export function parseRoleArn(arn: string): RoleArnParts | undefined {
  const match = ROLE_ARN.exec(arn);
  if (!match) return undefined;
  const [, accountId = '', path = '/', name = ''] = match;
  return { accountId, path, name };
}

/**
 * Role names are unique within an account, so a role is found by account and name; a path, when
 * given, must be the role's own (inference: see docs/sts-conformance.md).
 */
export function findRole(world: World, arn: string): { account: Account; role: Role } | undefined {
  const parts = parseRoleArn(arn);
  if (!parts) return undefined;
  const account = world.accounts.find((candidate) => candidate.id === parts.accountId);
  const role = account?.roles.find((candidate) => candidate.name === parts.name);
  if (!account || !role) return undefined;
  if (parts.path !== '/' && parts.path !== role.path) return undefined;
  return { account, role };
}
