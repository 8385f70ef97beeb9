import { parseRoleArn } from '../../utils/arn';

export type Claims = Readonly<Record<string, unknown>>;

export const TAGS_CLAIM = 'https://aws.amazon.com/tags';
export const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

export function stringClaim(claims: Claims | undefined, name: string): string | undefined {
  const value = claims?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function numberClaim(claims: Claims | undefined, name: string): number | undefined {
  const value = claims?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export interface AwsAudience {
  /** One client id, or (an array `aud` without `azp`) the candidates AWS will try. */
  value: string | string[];
  from: 'azp' | 'aud';
}

/**
 * The value AWS checks against the IAM OIDC provider's client ids and puts in the `<provider>:aud`
 * condition key: `azp` when the token has one, else `aud`. IAM User Guide, "IAM and AWS STS
 * condition context keys" (reference_policies_iam-condition-keys), `aud`: "azp when the azp field
 * is set"; the same rule is in STS-FACTS.md and the demo STS (demo/sts/web-identity-token.ts).
 */
export function awsAudience(claims: Claims | undefined): AwsAudience | undefined {
  const azp = stringClaim(claims, 'azp');
  if (azp) return { value: azp, from: 'azp' };
  const aud = claims?.aud;
  if (typeof aud === 'string' && aud !== '') return { value: aud, from: 'aud' };
  if (Array.isArray(aud)) {
    const values = aud.filter((item): item is string => typeof item === 'string' && item !== '');
    if (values.length === 1) return { value: values[0], from: 'aud' };
    if (values.length > 1) return { value: values, from: 'aud' };
  }
  return undefined;
}

/**
 * The IAM name of the OIDC provider for an issuer, also the prefix of its condition keys: the
 * issuer without its scheme, path kept ("accounts.example.com/tenant"). A trailing slash stays:
 * AWS matches `iss` exactly, and issuers such as Auth0's end in one ("tenant.auth0.com/").
 */
export function providerName(issuer: string): string {
  return issuer.trim().replace(/^https?:\/\//i, '');
}

/** The discovery document URL of an issuer, without a doubled slash for issuers ending in "/". */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

export function providerArn(accountId: string, issuer: string, roleArn?: string): string {
  const partition = (roleArn && parseRoleArn(roleArn)?.partition) || 'aws';
  return `arn:${partition}:iam::${accountId}:oidc-provider/${providerName(issuer)}`;
}

interface TokenTags {
  tags: Record<string, string[]>;
  transitiveKeys: string[];
}

/** The session tags a token asks for, or undefined when it has no tags claim. */
export function tokenTags(claims: Claims | undefined): TokenTags | undefined {
  const claim = claims?.[TAGS_CLAIM];
  if (typeof claim !== 'object' || claim === null) return undefined;
  const { principal_tags: principal, transitive_tag_keys: transitive } = claim as {
    principal_tags?: unknown;
    transitive_tag_keys?: unknown;
  };
  const tags: Record<string, string[]> = {};
  if (typeof principal === 'object' && principal !== null) {
    for (const [key, values] of Object.entries(principal)) {
      tags[key] = (Array.isArray(values) ? values : [values]).map(String);
    }
  }
  const transitiveKeys = Array.isArray(transitive)
    ? transitive.filter((key): key is string => typeof key === 'string')
    : [];
  return { tags, transitiveKeys };
}

/** The issuer AWS will look up: the token's own `iss` when it has one. */
export function tokenIssuer(claims: Claims | undefined, fallback: string): string {
  return stringClaim(claims, 'iss') ?? fallback;
}
