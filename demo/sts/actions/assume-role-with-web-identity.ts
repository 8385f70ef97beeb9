import type { ActionInput, ActionOutput } from '../action-context.ts';
import { parseRoleArn } from '../arn.ts';
import { accessDenied, invalidIdentityToken, validationError } from '../errors.ts';
import { checkPackedSize, checkSessionPolicy } from '../session-policy.ts';
import {
  requestTagContext,
  tagsFromToken,
  TOKEN_SOURCE_IDENTITY_CLAIM,
  TOKEN_TAGS_CLAIM,
  type SessionTags,
} from '../session-tags.ts';
import { conditionContext, type ConditionContext } from '../trust-policy/conditions.ts';
import type { TrustRequest } from '../trust-policy/evaluate.ts';
import { PATTERNS, Validator } from '../validation.ts';
import { verifyWebIdentityToken, type WebIdentity } from '../web-identity-token.ts';
import { findAccount, type Account } from '../world.ts';
import { el, optional } from '../xml.ts';
import { lookupRole, validateRoleParams } from './common.ts';
import { roleSessionSeconds } from './credentials.ts';
import { authorizeRoleSession, issueRoleSession } from './role-session.ts';

/**
 * AssumeRoleWithWebIdentity: an OIDC ID token in, a role session out, no AWS credentials needed.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
const NOT_AUTHORIZED = (action: string) => accessDenied(`Not authorized to perform ${action}`);
const NO_ACCOUNT: Account = { id: '', oidcProviders: [], roles: [], users: [] };

function validate(input: ActionInput) {
  const validator = new Validator();
  const request = validateRoleParams(validator, input.params);
  const token = validator.string('webIdentityToken', input.params.get('WebIdentityToken'), {
    required: true,
    minLength: 4,
    maxLength: 20000,
    sensitive: true,
  });
  const providerId = validator.string('providerId', input.params.get('ProviderId'), {
    minLength: 4,
    maxLength: 2048,
  });
  validator.check();
  if (providerId !== undefined) {
    // ProviderId is only for the OAuth 2.0 providers www.amazon.com and graph.facebook.com.
    throw validationError('ProviderId must not be specified for OpenID Connect ID tokens.');
  }
  checkSessionPolicy(request.policy);
  return { ...request, token: token ?? '' };
}

function sourceIdentityFrom(identity: WebIdentity): string | undefined {
  const value = identity.claims[TOKEN_SOURCE_IDENTITY_CLAIM];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw invalidIdentityToken(
      `The token's ${TOKEN_SOURCE_IDENTITY_CLAIM} claim must be a string.`,
    );
  }
  const validator = new Validator();
  validator.string('sourceIdentity', value, {
    minLength: 2,
    maxLength: 64,
    pattern: PATTERNS.roleSessionName,
  });
  validator.check();
  return value;
}

/** Condition keys of a web identity request: `<provider>:aud/sub/azp/amr` and the tag keys. */
function requestContext(
  identity: WebIdentity,
  sessionTags: SessionTags,
  sessionName: string,
  sourceIdentity: string | undefined,
): ConditionContext {
  const { providerName: name, claims } = identity;
  const amr = typeof claims.amr === 'string' ? [claims.amr] : claims.amr;
  return conditionContext([
    [`${name}:aud`, identity.audience],
    [`${name}:sub`, identity.subject],
    [`${name}:azp`, typeof claims.azp === 'string' ? claims.azp : undefined],
    [`${name}:amr`, Array.isArray(amr) ? amr.map(String) : undefined],
    ['sts:RoleSessionName', sessionName],
    ['sts:SourceIdentity', sourceIdentity],
    ...requestTagContext(sessionTags),
  ]);
}

export async function assumeRoleWithWebIdentity(input: ActionInput): Promise<ActionOutput> {
  const { state, now } = input;
  const request = validate(input);
  const found = lookupRole(state.world, request.roleArn);
  const accountId = parseRoleArn(request.roleArn)?.accountId;
  // An account unknown here has no OIDC providers, so it cannot vouch for any token.
  const account = (accountId && findAccount(state.world, accountId)) || NO_ACCOUNT;
  const identity = await verifyWebIdentityToken(request.token, account, state.keys, now);
  if (!found) throw NOT_AUTHORIZED('sts:AssumeRoleWithWebIdentity');
  const { role } = found;

  const sessionTags = tagsFromToken(identity.claims[TOKEN_TAGS_CLAIM]);
  const sourceIdentity = sourceIdentityFrom(identity);
  const trust: TrustRequest = {
    action: 'sts:AssumeRoleWithWebIdentity',
    principal: { type: 'Federated', provider: identity.providerArn },
    context: requestContext(identity, sessionTags, request.roleSessionName, sourceIdentity),
  };
  authorizeRoleSession(
    role,
    trust,
    { tags: sessionTags.tags.length > 0, sourceIdentity: sourceIdentity !== undefined },
    NOT_AUTHORIZED,
  );

  const durationSeconds = roleSessionSeconds(request.durationSeconds, role);
  const packedPolicySize = checkPackedSize({ ...request, tags: sessionTags.tags });
  const { credentials, assumedRoleUser } = issueRoleSession(input, {
    account: found.account,
    role,
    sessionName: request.roleSessionName,
    durationSeconds,
    ...sessionTags,
    sourceIdentity,
  });
  return {
    result: [
      el('SubjectFromWebIdentityToken', identity.subject),
      el('Audience', identity.audience),
      assumedRoleUser,
      credentials,
      optional('PackedPolicySize', packedPolicySize),
      optional('SourceIdentity', sourceIdentity),
      // AWS documents `iss` here, but answers with the IAM OIDC provider's ARN for OIDC tokens.
      el('Provider', identity.providerArn),
    ],
  };
}
