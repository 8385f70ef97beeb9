import type { ActionInput, ActionOutput } from '../action-context.ts';
import { roleArn as formatRoleArn } from '../arn.ts';
import type { Caller } from '../auth.ts';
import { accessDenied, validationError } from '../errors.ts';
import { principalArn, principalUserId, trustPrincipal, type Principal } from '../principal.ts';
import { stringList, tagList } from '../query.ts';
import { checkPackedSize, checkSessionPolicy } from '../session-policy.ts';
import {
  mergeSessionTags,
  principalTagContext,
  requestTagContext,
  transitiveTags,
  validateTagParameters,
  type SessionTags,
} from '../session-tags.ts';
import { conditionContext } from '../trust-policy/conditions.ts';
import { evaluateTrustPolicy, type TrustRequest } from '../trust-policy/evaluate.ts';
import { PATTERNS, Validator } from '../validation.ts';
import { optional } from '../xml.ts';
import {
  assumedRoleUserXml,
  credentialsXml,
  DEFAULT_ROLE_SESSION_SECONDS,
  lookupRole,
  MAX_SESSION_DURATION_MESSAGE,
  validateRoleParams,
  validateMfaParams,
} from './common.ts';

/**
 * AssumeRole, signed with an IAM user's keys or a session's credentials. With role credentials it
 * is role chaining: at most one hour, and transitive tags and the source identity carry over.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
const CHAINING_LIMIT_SECONDS = 3600;
const CHAINING_MESSAGE =
  'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';

function validate({ params }: ActionInput) {
  const validator = new Validator();
  const request = validateRoleParams(validator, params);
  const passedTags: SessionTags = {
    tags: tagList(params, 'Tags'),
    transitiveTagKeys: stringList(params, 'TransitiveTagKeys'),
  };
  validateTagParameters(validator, passedTags.tags, passedTags.transitiveTagKeys);
  const externalId = validator.string('externalId', params.get('ExternalId'), {
    minLength: 2,
    maxLength: 1224,
    pattern: PATTERNS.externalId,
  });
  const { serialNumber, tokenCode } = validateMfaParams(validator, params);
  const sourceIdentity = validator.string('sourceIdentity', params.get('SourceIdentity'), {
    minLength: 2,
    maxLength: 64,
    pattern: PATTERNS.roleSessionName,
  });
  validator.check();
  checkSessionPolicy(request.policy);
  return { ...request, passedTags, externalId, serialNumber, tokenCode, sourceIdentity };
}

/** Once set, a source identity stays for every session chained from it. */
function effectiveSourceIdentity(caller: Caller, requested: string | undefined) {
  const inherited = caller.session?.sourceIdentity;
  if (inherited !== undefined && requested !== undefined && requested !== inherited) {
    throw validationError(
      `The source identity ${inherited} of this session cannot be changed to ${requested}.`,
    );
  }
  return inherited ?? requested;
}

export async function assumeRole(input: ActionInput): Promise<ActionOutput> {
  const { state, now } = input;
  const caller = input.caller as Caller;
  const request = validate(input);
  const callerArn = principalArn(caller.principal);
  const notAuthorized = (action: string) =>
    accessDenied(
      `User: ${callerArn} is not authorized to perform: ${action} on resource: ${request.roleArn}`,
    );

  // Federated users may call no STS action but GetCallerIdentity.
  const found = lookupRole(state.world, request.roleArn);
  if (!found || caller.principal.kind === 'federated-user') throw notAuthorized('sts:AssumeRole');
  const { role, account } = found;

  const mfaUser = caller.principal.kind === 'user' ? caller.principal.user : undefined;
  const mfaNow = state.mfa.verify(mfaUser, request.serialNumber, request.tokenCode, now);
  const mfaAuthenticated = mfaNow || (caller.session?.mfaAuthenticated ?? false);
  const inherited = caller.session
    ? transitiveTags(caller.session.tags, caller.session.transitiveTagKeys)
    : { tags: [], transitiveTagKeys: [] };
  const sessionTags = mergeSessionTags(inherited, request.passedTags);
  const sourceIdentity = effectiveSourceIdentity(caller, request.sourceIdentity);

  const trust: Omit<TrustRequest, 'action'> = {
    principal: trustPrincipal(caller.principal),
    context: conditionContext([
      ['sts:ExternalId', request.externalId],
      ['sts:RoleSessionName', request.roleSessionName],
      ['sts:SourceIdentity', sourceIdentity],
      ['aws:SourceIdentity', caller.session?.sourceIdentity],
      ['aws:PrincipalAccount', caller.principal.account.id],
      ['aws:PrincipalArn', principalArnForConditions(caller.principal)],
      ['aws:MultiFactorAuthPresent', mfaPresentKey(caller, mfaAuthenticated)],
      ...principalTagContext(caller.session?.tags ?? []),
      ...requestTagContext(request.passedTags),
    ]),
  };
  const allows = (action: string) =>
    evaluateTrustPolicy(role.trustPolicy, { ...trust, action }) === 'allow';
  if (!allows('sts:AssumeRole')) throw notAuthorized('sts:AssumeRole');
  if (request.passedTags.tags.length > 0 && !allows('sts:TagSession')) {
    throw notAuthorized('sts:TagSession');
  }
  if (sourceIdentity !== undefined && !allows('sts:SetSourceIdentity')) {
    throw notAuthorized('sts:SetSourceIdentity');
  }

  const chained = caller.session?.roleSession ?? false;
  const durationSeconds = request.durationSeconds ?? DEFAULT_ROLE_SESSION_SECONDS;
  if (chained && durationSeconds > CHAINING_LIMIT_SECONDS) throw validationError(CHAINING_MESSAGE);
  if (durationSeconds > role.maxSessionDuration) {
    throw validationError(MAX_SESSION_DURATION_MESSAGE);
  }
  const packedPolicySize = checkPackedSize({ ...request, tags: sessionTags.tags });

  const principal: Principal = {
    kind: 'assumed-role',
    account,
    role,
    sessionName: request.roleSessionName,
  };
  const session = state.sessions.issue(
    {
      principal,
      expiresAt: now + durationSeconds * 1000,
      ...sessionTags,
      sourceIdentity,
      roleSession: true,
      mfaAuthenticated,
    },
    now,
  );
  return {
    result: [
      credentialsXml(session),
      assumedRoleUserXml(principalUserId(principal), principalArn(principal)),
      optional('PackedPolicySize', packedPolicySize),
      optional('SourceIdentity', sourceIdentity),
    ],
  };
}

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
    ? formatRoleArn(principal.account.id, principal.role)
    : principalArn(principal);
}
