import { assumedRoleArn, federatedUserArn, roleArn, userArn } from './arn.ts';
import type { RequestPrincipal } from './trust-policy/evaluate.ts';
import type { PolicyDocument } from './trust-policy/policy-document.ts';
import type { Account, IamUser, Role } from './world.ts';

/**
 * Who a set of credentials belongs to: an IAM user (long-term keys, or GetSessionToken
 * credentials), a role session, or a federated user (GetFederationToken). GetCallerIdentity
 * answers from this (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
 */
export type Principal =
  | { kind: 'user'; account: Account; user: IamUser }
  | { kind: 'assumed-role'; account: Account; role: Role; sessionName: string }
  | { kind: 'federated-user'; account: Account; user: IamUser; name: string };

export function principalArn(principal: Principal): string {
  const accountId = principal.account.id;
  switch (principal.kind) {
    case 'user':
      return userArn(accountId, principal.user);
    case 'assumed-role':
      return assumedRoleArn(accountId, principal.role, principal.sessionName);
    case 'federated-user':
      return federatedUserArn(accountId, principal.name);
  }
}

export function principalUserId(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return principal.user.userId;
    case 'assumed-role':
      return `${principal.role.roleId}:${principal.sessionName}`;
    case 'federated-user':
      return `${principal.account.id}:${principal.name}`;
  }
}

/** The caller as a trust policy sees it: every ARN a `Principal.AWS` entry may name. */
export function trustPrincipal(principal: Principal): RequestPrincipal {
  const accountId = principal.account.id;
  const arns =
    principal.kind === 'assumed-role'
      ? [roleArn(accountId, principal.role), principalArn(principal)]
      : [principalArn(principal)];
  return { type: 'AWS', accountId, arns };
}

/**
 * The permissions policies that apply to the principal's calls. A federated user's are the
 * session policy passed to GetFederationToken, which the demo does not apply: without one, AWS
 * gives the federated user no permissions (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html).
 */
export function permissionsPolicies(principal: Principal): readonly PolicyDocument[] {
  switch (principal.kind) {
    case 'user':
      return principal.user.permissionsPolicies;
    case 'assumed-role':
      return principal.role.permissionsPolicies;
    case 'federated-user':
      return [];
  }
}
