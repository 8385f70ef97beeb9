import { roleArn } from './arn.ts';
import type { Caller } from './auth.ts';
import { principalArn, type Principal } from './principal.ts';
import { principalTagContext } from './session-tags.ts';

/**
 * The condition keys that describe the caller of a signed request, for trust policies (AssumeRole)
 * and the caller's own permissions policies alike
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
 */
export function callerContext(caller: Caller, mfaAuthenticated: boolean) {
  return [
    ['aws:SourceIdentity', caller.session?.sourceIdentity],
    ['aws:PrincipalAccount', caller.principal.account.id],
    ['aws:PrincipalArn', principalArnForConditions(caller.principal)],
    ['aws:MultiFactorAuthPresent', mfaPresentKey(caller, mfaAuthenticated)],
    ...principalTagContext(caller.session?.tags ?? []),
  ] as const;
}

/** Whether the caller's session proved MFA, now or when it was made. */
export const sessionMfa = (caller: Caller) => caller.session?.mfaAuthenticated ?? false;

/**
 * aws:MultiFactorAuthPresent is absent for long-term keys used without MFA
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent).
 */
function mfaPresentKey(caller: Caller, mfaAuthenticated: boolean): string | undefined {
  return mfaAuthenticated || caller.session ? String(mfaAuthenticated) : undefined;
}

/** aws:PrincipalArn names the role, not the session, for role sessions. */
function principalArnForConditions(principal: Principal): string {
  return principal.kind === 'assumed-role'
    ? roleArn(principal.account.id, principal.role)
    : principalArn(principal);
}
