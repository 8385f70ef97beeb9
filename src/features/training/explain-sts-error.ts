import type { RoleOption } from '../roles/role-catalog';
import { EXPLAINERS, explainUnknown } from './sts-error-explainers';
import {
  awsAudience,
  providerArn,
  providerName,
  stringClaim,
  tokenIssuer,
  type Claims,
} from './token-claims';

export interface StsErrorExplanation {
  meaning: string;
  likelyCause: string;
  fix: string;
}

export interface ExplainInput {
  code: string;
  awsMessage?: string;
  /** The STS action that failed (AssumeRoleWithWebIdentity, AssumeRole, GetCallerIdentity). */
  action?: string;
  /** The decoded ID token's payload. */
  claims?: Claims;
  /** The configured issuer; the token's own `iss` wins when there is one. */
  issuer: string;
  role?: Pick<
    RoleOption,
    'arn' | 'accountId' | 'name' | 'maxDurationSeconds' | 'chainFrom' | 'externalId'
  >;
  /** The STS endpoint the request went to. */
  endpoint?: string;
  now: number;
}

/**
 * Says what an STS error means for this person, from what the browser knows: the token's claims,
 * the issuer and the role. The trust policy and the IAM OIDC provider are not readable from here,
 * so causes are named as the likely ones, never as certainties.
 */
export function explainStsError(input: ExplainInput): StsErrorExplanation {
  const facts = factsOf(input);
  const explain = EXPLAINERS[input.code] ?? explainUnknown;
  return explain(input, facts);
}

export interface Facts {
  issuer: string;
  provider: string;
  providerArn: string;
  account: string;
  roleName: string;
  /** The audience AWS uses, quoted: "rolecall". */
  aud: string;
  /** "aud", or "azp" when AWS takes the audience from the token's azp. */
  audClaim: 'aud' | 'azp';
  sub: string;
  /** `AWS said: "…"`, or nothing when AWS gave no message. */
  said: string;
}

function factsOf(input: ExplainInput): Facts {
  const issuer = tokenIssuer(input.claims, input.issuer);
  const account = input.role?.accountId ?? "the role's account";
  const audience = awsAudience(input.claims);
  return {
    issuer,
    provider: providerName(issuer),
    providerArn: providerArn(input.role?.accountId ?? '<account>', issuer, input.role?.arn),
    account,
    roleName: input.role?.name ?? 'the role',
    aud: quoted(audience ? [audience.value].flat() : []),
    audClaim: audience?.from ?? 'aud',
    sub: quoted([stringClaim(input.claims, 'sub')].filter((sub) => sub !== undefined)),
    said: input.awsMessage ? ` AWS said: "${input.awsMessage}"` : '',
  };
}

function quoted(values: string[]): string {
  return values.length > 0 ? values.map((value) => `"${value}"`).join(' or ') : '(none)';
}
