import type { Caller } from './auth.ts';
import { callerContext, sessionMfa } from './caller-context.ts';
import { accessDenied } from './errors.ts';
import { permissionsPolicies, principalArn } from './principal.ts';
import { conditionContext } from './trust-policy/conditions.ts';
import { evaluatePermissions, type Decision } from './trust-policy/evaluate.ts';

/**
 * The caller's own permissions: its identity-based policies (demo/data/aws.json
 * `permissionsPolicies`), asked for the few actions the demo answers that need one. The denial
 * reads as AWS's does (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
 */
export function denialReason(decision: Decision, action: string): string {
  return decision === 'explicit-deny'
    ? 'with an explicit deny in an identity-based policy'
    : `because no identity-based policy allows the ${action} action`;
}

export function checkPermission(caller: Caller, action: string, resource: string) {
  const context = callerContext(caller, sessionMfa(caller));
  const request = { action, resource, context: conditionContext(context) };
  return { ...evaluatePermissions(permissionsPolicies(caller.principal), request), context };
}

/** AccessDenied unless the caller's policies allow `action` on every resource (`*`). */
export function requirePermission(caller: Caller, action: string): void {
  const { decision } = checkPermission(caller, action, '*');
  if (decision === 'allow') return;
  const who = principalArn(caller.principal);
  throw accessDenied(
    `User: ${who} is not authorized to perform: ${action} ${denialReason(decision, action)}`,
  );
}
