import type { ActionInput, ActionOutput } from '../action-context.ts';
import type { Caller } from '../auth.ts';
import { accessDenied } from '../errors.ts';
import { principalArn, principalUserId, type Principal } from '../principal.ts';
import { tagList } from '../query.ts';
import { checkPackedSize, checkSessionPolicy } from '../session-policy.ts';
import { assertConsistentTags, validateTagParameters } from '../session-tags.ts';
import { PATTERNS, Validator } from '../validation.ts';
import { el, optional } from '../xml.ts';
import { credentialsXml, validatePolicyParams } from './common.ts';

/**
 * GetFederationToken: credentials for a federated user named by the caller, an IAM user with
 * long-term keys. 15 minutes to 36 hours, 12 hours by default.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
const DEFAULT_SECONDS = 43200;

export async function getFederationToken({
  params,
  state,
  now,
  caller,
}: ActionInput): Promise<ActionOutput> {
  const validator = new Validator();
  const name = validator.string('name', params.get('Name'), {
    required: true,
    minLength: 2,
    maxLength: 32,
    pattern: PATTERNS.roleSessionName,
  });
  const policies = validatePolicyParams(validator, params);
  const durationSeconds = validator.integer('durationSeconds', params.get('DurationSeconds'), {
    min: 900,
    max: 129600,
  });
  const tags = tagList(params, 'Tags');
  validateTagParameters(validator, tags, []);
  validator.check();
  checkSessionPolicy(policies.policy);

  const { principal: signer, session } = caller as Caller;
  if (session || signer.kind !== 'user') {
    throw accessDenied('Cannot call GetFederationToken with session credentials');
  }
  assertConsistentTags({ tags, transitiveTagKeys: [] });
  const packedPolicySize = checkPackedSize({ ...policies, tags });
  const principal: Principal = {
    kind: 'federated-user',
    account: signer.account,
    user: signer.user,
    name: name ?? '',
  };
  const issued = state.sessions.issue(
    {
      principal,
      expiresAt: now + (durationSeconds ?? DEFAULT_SECONDS) * 1000,
      tags,
      transitiveTagKeys: [],
      roleSession: false,
      mfaAuthenticated: false,
    },
    now,
  );
  return {
    result: [
      credentialsXml(issued),
      el('FederatedUser', [
        el('FederatedUserId', principalUserId(principal)),
        el('Arn', principalArn(principal)),
      ]),
      optional('PackedPolicySize', packedPolicySize),
    ],
  };
}
