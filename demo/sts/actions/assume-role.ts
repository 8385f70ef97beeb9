import type { ActionOutput, SignedActionInput } from '../action-context.ts';
import type { Caller } from '../auth.ts';
import { callerContext } from '../caller-context.ts';
import { accessDenied, validationError } from '../errors.ts';
import { principalArn, trustPrincipal } from '../principal.ts';
import { stringList, tagList } from '../query.ts';
import { checkPackedSize, checkSessionPolicy } from '../session-policy.ts';
import {
  mergeSessionTags,
  requestTagContext,
  transitiveTags,
  validateTagParameters,
  type SessionTags,
} from '../session-tags.ts';
import { conditionContext } from '../trust-policy/conditions.ts';
import type { TrustRequest } from '../trust-policy/evaluate.ts';
import { PATTERNS, Validator } from '../validation.ts';
import { optional } from '../xml.ts';
import { lookupRole, validateRoleParams, validateMfaParams } from './common.ts';
import { roleSessionSeconds } from './credentials.ts';
import { authorizeRoleSession, issueRoleSession } from './role-session.ts';

/**
 * AssumeRole, signed with an IAM user's keys or a session's credentials. With role credentials it
 * is role chaining: at most one hour, and transitive tags and the source identity carry over.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
function validate({ params }: SignedActionInput) {
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

export async function assumeRole(input: SignedActionInput): Promise<ActionOutput> {
  const { state, now, caller } = input;
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

  const trust: TrustRequest = {
    action: 'sts:AssumeRole',
    principal: trustPrincipal(caller.principal),
    context: conditionContext([
      ['sts:ExternalId', request.externalId],
      ['sts:RoleSessionName', request.roleSessionName],
      ['sts:SourceIdentity', sourceIdentity],
      ...callerContext(caller, mfaAuthenticated),
      ...requestTagContext(request.passedTags),
    ]),
  };
  authorizeRoleSession(
    role,
    trust,
    { tags: request.passedTags.tags.length > 0, sourceIdentity: sourceIdentity !== undefined },
    notAuthorized,
  );

  // Assuming a role with role credentials is role chaining.
  const chained = caller.principal.kind === 'assumed-role';
  const durationSeconds = roleSessionSeconds(request.durationSeconds, role, { chained });
  const packedPolicySize = checkPackedSize({ ...request, tags: sessionTags.tags });

  const { credentials, assumedRoleUser } = issueRoleSession(input, {
    account,
    role,
    sessionName: request.roleSessionName,
    durationSeconds,
    ...sessionTags,
    sourceIdentity,
    mfaAuthenticated,
  });
  return {
    result: [
      credentials,
      assumedRoleUser,
      optional('PackedPolicySize', packedPolicySize),
      optional('SourceIdentity', sourceIdentity),
    ],
  };
}
