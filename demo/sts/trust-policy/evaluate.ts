import { conditionsMatch, type ConditionContext } from './conditions.ts';
import type { PolicyDocument, PrincipalBlock, Statement } from './policy-document.ts';
import { matchesWildcard } from './wildcard.ts';

/**
 * Trust-policy evaluation: a statement applies when its principal, action and conditions all
 * match; an applicable Deny wins over any Allow, and without an applicable Allow the answer is an
 * implicit deny (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */

/** Who is asking: a web identity (through an IAM OIDC provider) or an AWS principal. */
export type RequestPrincipal =
  | { type: 'Federated'; provider: string }
  | {
      type: 'AWS';
      accountId: string;
      /** Every ARN that names the caller: the role ARN and the session ARN, or the user ARN. */
      arns: readonly string[];
    };

export interface TrustRequest {
  action: string;
  principal: RequestPrincipal;
  context: ConditionContext;
}

/** A request checked against the caller's own (identity-based) policies: on a resource. */
export interface PermissionRequest {
  action: string;
  resource: string;
  context: ConditionContext;
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:aws:iam::(\d{12}):root$/;

function awsPrincipalMatches(value: string, principal: RequestPrincipal): boolean {
  if (principal.type !== 'AWS') return false;
  if (value === '*') return true;
  if (ACCOUNT_ID.test(value)) return value === principal.accountId;
  const root = ROOT_ARN.exec(value);
  if (root) return root[1] === principal.accountId;
  return principal.arns.includes(value);
}

function principalMatches(block: PrincipalBlock, principal: RequestPrincipal): boolean {
  if (block === '*') return true;
  return Object.entries(block).some(([type, values]) =>
    values.some((value) => {
      if (type === 'AWS') return awsPrincipalMatches(value, principal);
      if (type === 'Federated') {
        return principal.type === 'Federated' && (value === '*' || value === principal.provider);
      }
      return false;
    }),
  );
}

const actionMatches = (patterns: readonly string[], action: string) =>
  patterns.some((pattern) => matchesWildcard(pattern, action, true));

/** Resource ARNs match with wildcards, case-sensitively. */
const resourceMatches = (patterns: readonly string[], resource: string) =>
  patterns.some((pattern) => matchesWildcard(pattern, resource));

export function statementApplies(
  statement: Statement,
  request: TrustRequest | PermissionRequest,
): boolean {
  const { principal, notPrincipal, action, notAction, resource, notResource } = statement;
  if ('principal' in request) {
    if (principal && !principalMatches(principal, request.principal)) return false;
    if (notPrincipal && principalMatches(notPrincipal, request.principal)) return false;
  }
  if ('resource' in request) {
    if (resource && !resourceMatches(resource, request.resource)) return false;
    if (notResource && resourceMatches(notResource, request.resource)) return false;
  }
  if (action && !actionMatches(action, request.action)) return false;
  if (notAction && actionMatches(notAction, request.action)) return false;
  return conditionsMatch(statement.condition, request.context);
}

function decide(applicable: readonly Statement[]): Decision {
  if (applicable.some((statement) => statement.effect === 'Deny')) return 'explicit-deny';
  if (applicable.some((statement) => statement.effect === 'Allow')) return 'allow';
  return 'implicit-deny';
}

export function evaluateTrustPolicy(policy: PolicyDocument, request: TrustRequest): Decision {
  return decide(policy.statements.filter((statement) => statementApplies(statement, request)));
}

/**
 * The caller's permissions policies together: the decision, and the statements that decided it
 * (the Deny statements for an explicit deny), as a decoded authorization message reports them.
 */
export function evaluatePermissions(
  policies: readonly PolicyDocument[],
  request: PermissionRequest,
): { decision: Decision; matched: Statement[] } {
  const applicable = policies.flatMap((policy) =>
    policy.statements.filter((statement) => statementApplies(statement, request)),
  );
  const decision = decide(applicable);
  const effect = decision === 'explicit-deny' ? 'Deny' : 'Allow';
  return { decision, matched: applicable.filter((statement) => statement.effect === effect) };
}
