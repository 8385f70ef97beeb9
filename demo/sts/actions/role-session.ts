import type { ActionInput } from '../action-context.ts';
import type { StsError } from '../errors.ts';
import { principalArn, principalUserId, type Principal } from '../principal.ts';
import type { Tag } from '../query.ts';
import { evaluateTrustPolicy, type TrustRequest } from '../trust-policy/evaluate.ts';
import type { Account, Role } from '../world.ts';
import { el, type XmlElement } from '../xml.ts';
import { issueCredentials } from './credentials.ts';

/**
 * What AssumeRole and AssumeRoleWithWebIdentity share once the caller is known. The trust policy must allow the action itself, `sts:TagSession` when tags are passed and
 * `sts:SetSourceIdentity` when a source identity is set.
 */
export function authorizeRoleSession(
  role: Role,
  request: TrustRequest,
  needs: { tags: boolean; sourceIdentity: boolean },
  notAuthorized: (action: string) => StsError,
): void {
  const allows = (action: string) =>
    evaluateTrustPolicy(role.trustPolicy, { ...request, action }) === 'allow';
  if (!allows(request.action)) throw notAuthorized(request.action);
  if (needs.tags && !allows('sts:TagSession')) throw notAuthorized('sts:TagSession');
  if (needs.sourceIdentity && !allows('sts:SetSourceIdentity')) {
    throw notAuthorized('sts:SetSourceIdentity');
  }
}

export interface RoleSessionGrant {
  account: Account;
  role: Role;
  sessionName: string;
  durationSeconds: number;
  tags: readonly Tag[];
  transitiveTagKeys: readonly string[];
  sourceIdentity?: string;
  mfaAuthenticated?: boolean;
}

/** Issues the session: its `Credentials` and `AssumedRoleUser` elements. */
export function issueRoleSession(
  input: ActionInput,
  { account, role, sessionName, ...grant }: RoleSessionGrant,
): { credentials: XmlElement; assumedRoleUser: XmlElement } {
  const principal: Principal = { kind: 'assumed-role', account, role, sessionName };
  return {
    credentials: issueCredentials(input, { principal, ...grant }),
    assumedRoleUser: el('AssumedRoleUser', [
      el('AssumedRoleId', principalUserId(principal)),
      el('Arn', principalArn(principal)),
    ]),
  };
}
