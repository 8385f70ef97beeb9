import {
  awsAudience,
  providerArn,
  providerName,
  SOURCE_IDENTITY_CLAIM,
  stringClaim,
  TAGS_CLAIM,
  tokenTags,
  type AwsAudience,
  type Claims,
} from './token-claims';

export interface TrustPolicyInput {
  /** The token's issuer (`iss`). */
  issuer: string;
  claims: Claims;
  roleArn: string;
  accountId: string;
}

export interface GeneratedTrustPolicy {
  /** Pretty JSON, 2-space indent: ready to paste as the role's trust policy. */
  json: string;
  providerName: string;
  providerArn: string;
  audience: AwsAudience;
  subject: string;
  actions: string[];
  /** Why this policy would not work unchanged with real AWS, in plain words. */
  warnings: string[];
}

/**
 * The narrowest trust policy that admits this very token: it trusts the issuer's IAM OIDC provider
 * and pins both `aud` and `sub` (pinning `aud` alone would admit everyone the provider signs in).
 * Undefined when the token has no usable `aud`/`azp` or `sub`, which STS would refuse anyway.
 */
export function webIdentityTrustPolicy(input: TrustPolicyInput): GeneratedTrustPolicy | undefined {
  const audience = awsAudience(input.claims);
  const subject = stringClaim(input.claims, 'sub');
  if (!audience || !subject) return undefined;
  const name = providerName(input.issuer);
  const arn = providerArn(input.accountId, input.issuer, input.roleArn);
  const actions = [
    'sts:AssumeRoleWithWebIdentity',
    ...(input.claims[TAGS_CLAIM] !== undefined ? ['sts:TagSession'] : []),
    ...(input.claims[SOURCE_IDENTITY_CLAIM] !== undefined ? ['sts:SetSourceIdentity'] : []),
  ];
  // `amr` is left out on purpose: requiring today's sign-in method would lock the person out the
  // day they sign in another way, and AWS does not need it to admit the token.
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: arn },
        Action: actions.length === 1 ? actions[0] : actions,
        Condition: {
          // A list in StringEquals matches any one of its values. Which of several `aud` values
          // AWS compares is not documented (our inference: the one that is a client id of the
          // provider), so all of them are listed.
          StringEquals: { [`${name}:aud`]: audience.value, [`${name}:sub`]: subject },
        },
      },
    ],
  };
  return {
    json: JSON.stringify(policy, null, 2),
    providerName: name,
    providerArn: arn,
    audience,
    subject,
    actions,
    warnings: issuerWarnings(input.issuer),
  };
}

function issuerWarnings(issuer: string): string[] {
  const warnings: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(issuer);
  } catch {
    return [`The issuer "${issuer}" is not a URL; AWS needs an https URL here.`];
  }
  if (url.protocol !== 'https:') {
    warnings.push(
      `The issuer uses ${url.protocol}//, which this policy strips as the demo STS does. Real AWS requires an https issuer, so this policy works only with the demo STS.`,
    );
  }
  if (url.port) {
    warnings.push(
      `The issuer has a port (${url.port}); real AWS does not accept a port in an OIDC provider URL.`,
    );
  }
  return warnings;
}

export interface ChainedTrustPolicyInput {
  /** The role whose session makes the AssumeRole call. */
  hubRoleArn: string;
  externalId?: string;
  claims?: Claims;
}

/**
 * A chained role is never shown the ID token: it trusts the hub role, which calls AssumeRole with
 * its own credentials. Session tags carry over only when marked transitive, so TagSession is
 * needed only then.
 */
export function chainedTrustPolicy(input: ChainedTrustPolicyInput): { json: string } {
  const transitive = (tokenTags(input.claims)?.transitiveKeys.length ?? 0) > 0;
  const actions = ['sts:AssumeRole', ...(transitive ? ['sts:TagSession'] : [])];
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: input.hubRoleArn },
        Action: actions.length === 1 ? actions[0] : actions,
        ...(input.externalId
          ? { Condition: { StringEquals: { 'sts:ExternalId': input.externalId } } }
          : {}),
      },
    ],
  };
  return { json: JSON.stringify(policy, null, 2) };
}
