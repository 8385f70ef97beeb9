import type { ActionOutput, SignedActionInput } from '../action-context.ts';
import { principalArn, principalUserId, type Principal } from '../principal.ts';
import { tagList } from '../query.ts';
import { checkPackedSize, checkSessionPolicy } from '../session-policy.ts';
import { assertConsistentTags, validateTagParameters } from '../session-tags.ts';
import { PATTERNS, Validator } from '../validation.ts';
import { el, optional } from '../xml.ts';
import { requireLongTermKeys, validatePolicyParams } from './common.ts';
import { issueCredentials, userSessionSeconds } from './credentials.ts';

/**
 * GetFederationToken: credentials for a federated user named by the caller, an IAM user with
 * long-term keys. 15 minutes to 36 hours, 12 hours by default.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
export async function getFederationToken(input: SignedActionInput): Promise<ActionOutput> {
  const { params, caller } = input;
  const validator = new Validator();
  const name = validator.string('name', params.get('Name'), {
    required: true,
    minLength: 2,
    maxLength: 32,
    pattern: PATTERNS.roleSessionName,
  });
  const policies = validatePolicyParams(validator, params);
  const durationSeconds = userSessionSeconds(validator, params);
  const tags = tagList(params, 'Tags');
  validateTagParameters(validator, tags, []);
  validator.check();
  checkSessionPolicy(policies.policy);

  const signer = requireLongTermKeys(caller, 'GetFederationToken');
  assertConsistentTags({ tags, transitiveTagKeys: [] });
  const packedPolicySize = checkPackedSize({ ...policies, tags });
  const principal: Principal = {
    kind: 'federated-user',
    account: signer.account,
    user: signer.user,
    name: name ?? '',
  };
  return {
    result: [
      issueCredentials(input, { principal, durationSeconds, tags }),
      el('FederatedUser', [
        el('FederatedUserId', principalUserId(principal)),
        el('Arn', principalArn(principal)),
      ]),
      optional('PackedPolicySize', packedPolicySize),
    ],
  };
}
