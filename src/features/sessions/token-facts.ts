import { decodeJwt } from '../../utils/jwt';

/** What support needs to know about the ID token a session was made with: never the token itself. */
export interface TokenFacts {
  issuer?: string;
  subject?: string;
  audience?: string;
  issuedAt?: number;
  expiresAt?: number;
  /** Session tags the token asks AWS for (`https://aws.amazon.com/tags`). */
  tags: Record<string, string>;
  transitiveTagKeys: string[];
}

const TAGS_CLAIM = 'https://aws.amazon.com/tags';

export function tokenFacts(idToken: string): TokenFacts {
  const payload = decodeJwt(idToken)?.payload ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const seconds = (value: unknown) => (typeof value === 'number' ? value * 1000 : undefined);
  const tagsClaim = payload[TAGS_CLAIM] as
    { principal_tags?: Record<string, unknown>; transitive_tag_keys?: unknown } | undefined;
  const tags = Object.fromEntries(
    Object.entries(tagsClaim?.principal_tags ?? {}).flatMap(([key, values]) =>
      Array.isArray(values) && typeof values[0] === 'string' ? [[key, values[0]]] : [],
    ),
  );
  const transitive = tagsClaim?.transitive_tag_keys;
  return {
    issuer: text(payload.iss),
    subject: text(payload.sub),
    audience: Array.isArray(payload.aud) ? payload.aud.join(' ') : text(payload.aud),
    issuedAt: seconds(payload.iat),
    expiresAt: seconds(payload.exp),
    tags,
    transitiveTagKeys: Array.isArray(transitive)
      ? transitive.filter((key): key is string => typeof key === 'string')
      : [],
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
