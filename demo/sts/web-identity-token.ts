import { oidcProviderArn } from './arn.ts';
import { expiredWebIdentityToken, invalidIdentityToken } from './errors.ts';
import {
  candidateKeys,
  decodeJws,
  isAcceptedAlgorithm,
  signatureVerifies,
  type DecodedJws,
} from './jws.ts';
import type { OidcKeyStore } from './oidc-keys.ts';
import { issuerHostAndPath } from './trusted-issuers.ts';
import type { Account, OidcProvider } from './world.ts';

/**
 * Verifies an OpenID Connect ID token as STS does for AssumeRoleWithWebIdentity
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html):
 * the issuer must be an IAM OIDC provider of the role's account, the signature must check out
 * with the provider's published keys, `aud` (or `azp`) must be one of the provider's client ids,
 * and `exp` must not have passed, give or take five minutes. The token is decoded once and its
 * signature checked once (twice only when its key is new and the JWKS is fetched again).
 */
export type Claims = Readonly<Record<string, unknown>>;

export interface WebIdentity {
  issuer: string;
  /** The provider's IAM name (issuer without scheme), the prefix of its condition keys. */
  providerName: string;
  providerArn: string;
  subject: string;
  /** The client id the token was issued to: `azp` when present, else the matching `aud`. */
  audience: string;
  claims: Claims;
}

const EXPIRY_LEEWAY_SECONDS = 300;

const NOT_A_JWT =
  'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)';
const NO_KEY =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";

function decode(token: string): DecodedJws {
  const jws = decodeJws(token);
  if (!jws) throw invalidIdentityToken(NOT_A_JWT);
  return jws;
}

/** AWS needs an https issuer; the local demo IdP speaks http, so both schemes are accepted here. */
function findProvider(account: Account, issuer: string): OidcProvider | undefined {
  if (!/^https?:\/\//.test(issuer)) return undefined;
  const name = issuerHostAndPath(issuer);
  return account.oidcProviders.find((provider) => provider.url === name);
}

/**
 * Checks the signature with the issuer's keys. A token without `kid`, from a provider publishing
 * several keys for its algorithm, may have been signed by any of them: each is tried.
 */
async function verifySignature(jws: DecodedJws, issuer: string, keys: OidcKeyStore) {
  let candidates = candidateKeys(await keys.keys(issuer), jws.header);
  if (candidates.length === 0) {
    // An unknown key id: the provider may have rotated its keys since we fetched them.
    candidates = candidateKeys(await keys.keys(issuer, true), jws.header);
  }
  if (candidates.length === 0) throw invalidIdentityToken(NO_KEY);
  if (!candidates.some((key) => signatureVerifies(jws, key))) {
    throw invalidIdentityToken('Token signature invalid');
  }
}

function integerClaim(claims: Claims, name: 'exp' | 'iat', required: boolean) {
  const value = claims[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidIdentityToken(`The token's ${name} claim must be an integer number of seconds.`);
  }
  return value;
}

function audienceCandidates(claims: Claims): unknown[] {
  if (typeof claims.azp === 'string') return [claims.azp];
  if (typeof claims.aud === 'string') return [claims.aud];
  return Array.isArray(claims.aud) ? claims.aud : [];
}

function matchAudience(claims: Claims, provider: OidcProvider): string {
  const audience = audienceCandidates(claims).find(
    (candidate): candidate is string =>
      typeof candidate === 'string' && provider.clientIds.includes(candidate),
  );
  if (audience === undefined) throw invalidIdentityToken('Incorrect token audience');
  return audience;
}

export async function verifyWebIdentityToken(
  token: string,
  account: Account,
  keys: OidcKeyStore,
  nowMs: number,
): Promise<WebIdentity> {
  const jws = decode(token);
  const claims = jws.payload;
  const issuer = typeof claims.iss === 'string' ? claims.iss : '';
  const provider = findProvider(account, issuer);
  if (!provider) {
    throw invalidIdentityToken(`No OpenIDConnect provider found in your account for ${issuer}`);
  }
  if (!isAcceptedAlgorithm(jws.header.alg)) throw invalidIdentityToken('Token signature invalid');
  await verifySignature(jws, issuer, keys);

  const exp = integerClaim(claims, 'exp', true) as number;
  integerClaim(claims, 'iat', false);
  const now = Math.floor(nowMs / 1000);
  if (now > exp + EXPIRY_LEEWAY_SECONDS) {
    throw expiredWebIdentityToken(
      `Token expired: current date/time ${now} must be before the expiration date/time ${exp}`,
    );
  }
  const audience = matchAudience(claims, provider);
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    throw invalidIdentityToken('The token has no sub claim.');
  }
  return {
    issuer,
    providerName: provider.url,
    providerArn: oidcProviderArn(account.id, provider.url),
    subject: claims.sub,
    audience,
    claims,
  };
}
