import { decodeJwt } from './jwt';

/**
 * Reading an ID token's claims: the one place that knows their shapes, so the identity card, the
 * support summary and the training view always agree about the same token.
 */
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

/** The issuer AWS will look up: the token's own `iss` when it has one. */
export function tokenIssuer(claims: Claims | undefined, fallback: string): string {
  return stringClaim(claims, 'iss') ?? fallback;
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

export interface SessionTags {
  /** Each key with all its values as the token gives them (AWS's own form is a list of one). */
  tags: Record<string, string[]>;
  transitiveKeys: string[];
}

/**
 * The session tags a token asks AWS for, or undefined when it has no tags claim:
 * `{"principal_tags": {"Team": ["platform"]}, "transitive_tag_keys": ["Team"]}`. A value may also
 * come as a bare string; every value is kept, so a token AWS would refuse for it still shows why.
 */
export function sessionTags(claims: Claims | undefined): SessionTags | undefined {
  const claim = claims?.[TAGS_CLAIM];
  if (typeof claim !== 'object' || claim === null) return undefined;
  const { principal_tags: principal, transitive_tag_keys: transitive } = claim as {
    principal_tags?: unknown;
    transitive_tag_keys?: unknown;
  };
  const tags: Record<string, string[]> = {};
  if (typeof principal === 'object' && principal !== null) {
    for (const [key, values] of Object.entries(principal)) {
      tags[key] = (Array.isArray(values) ? (values as unknown[]) : [values]).map(asText);
    }
  }
  const transitiveKeys = Array.isArray(transitive)
    ? transitive.filter((key): key is string => typeof key === 'string')
    : [];
  return { tags, transitiveKeys };
}

/** "Team=platform", one a tag; several values joined by commas. */
export function formatTags(tags: Readonly<Record<string, readonly string[]>>): string[] {
  return Object.entries(tags).map(([key, values]) => `${key}=${values.join(',')}`);
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What support needs to know about the ID token a session was made with: never the token itself. */
export interface TokenFacts {
  issuer?: string;
  subject?: string;
  /** `aud` as the token has it, several values separated by spaces. */
  audience?: string;
  issuedAt?: number;
  expiresAt?: number;
  /** Session tags the token asks AWS for. */
  tags: Record<string, string[]>;
  transitiveTagKeys: string[];
}

export function tokenFacts(idToken: string): TokenFacts {
  const claims: Claims = decodeJwt(idToken)?.payload ?? {};
  const seconds = (name: string) => {
    const value = numberClaim(claims, name);
    return value === undefined ? undefined : value * 1000;
  };
  const audience = Array.isArray(claims.aud)
    ? claims.aud.filter((value) => typeof value === 'string').join(' ')
    : stringClaim(claims, 'aud');
  const tags = sessionTags(claims);
  return {
    issuer: stringClaim(claims, 'iss'),
    subject: stringClaim(claims, 'sub'),
    audience,
    issuedAt: seconds('iat'),
    expiresAt: seconds('exp'),
    tags: tags?.tags ?? {},
    transitiveTagKeys: tags?.transitiveKeys ?? [],
  };
}

/** A chained session keeps only the tags its hub marked transitive (IAM: role chaining and tags). */
export function chainedTokenFacts(hub: TokenFacts): TokenFacts {
  return {
    ...hub,
    tags: Object.fromEntries(
      Object.entries(hub.tags).filter(([key]) => hub.transitiveTagKeys.includes(key)),
    ),
  };
}
