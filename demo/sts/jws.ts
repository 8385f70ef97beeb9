import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * Compact JWS (RFC 7515) as AssumeRoleWithWebIdentity needs it: the token is split and decoded
 * once, and its signature is checked with node:crypto against keys imported once per JWKS fetch.
 * Only the algorithms STS accepts (RS256/384/512, ES256/384/512), each with a key of its own type
 * and curve; a key's `alg`, `use` and `key_ops`, when given, must allow the use; RSA keys need at
 * least 2048 bits; a header with `crit` extensions is refused, since none is understood
 * (RFC 7515 §4.1.11).
 */
export interface DecodedJws {
  header: Readonly<Record<string, unknown>>;
  payload: Readonly<Record<string, unknown>>;
  signingInput: Buffer;
  signature: Buffer;
}

/** A JWKS member, imported. */
export interface VerificationKey {
  kid?: string;
  alg?: string;
  kty: string;
  crv?: string;
  key: KeyObject;
}

interface Algorithm {
  hash: string;
  kty: 'RSA' | 'EC';
  crv?: string;
  /** JWS signatures for ECDSA are r ‖ s, each of this many bytes. */
  ecSignatureBytes?: number;
}

const ALGORITHMS: Readonly<Record<string, Algorithm>> = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
  ES256: { hash: 'sha256', kty: 'EC', crv: 'P-256', ecSignatureBytes: 64 },
  ES384: { hash: 'sha384', kty: 'EC', crv: 'P-384', ecSignatureBytes: 96 },
  ES512: { hash: 'sha512', kty: 'EC', crv: 'P-521', ecSignatureBytes: 132 },
};

export const isAcceptedAlgorithm = (alg: unknown): alg is string =>
  typeof alg === 'string' && Object.hasOwn(ALGORITHMS, alg);

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MIN_RSA_BITS = 2048;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The token's parts, or undefined when it is no compact JWS with a JSON object payload. */
export function decodeJws(token: string): DecodedJws | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const decodedHeader = decodeJson(header);
  const decodedPayload = decodeJson(payload);
  if (!decodedHeader || !decodedPayload) return undefined;
  return {
    header: decodedHeader,
    payload: decodedPayload,
    signingInput: Buffer.from(`${header}.${payload}`, 'ascii'),
    signature: Buffer.from(signature, 'base64url'),
  };
}

/**
 * Imports the usable signing keys of a JWKS: public RSA (at least 2048 bits) and EC keys whose
 * `use` and `key_ops` allow verifying. Other members, or ones that fail to import, are left out.
 */
export function importJwks(jwks: { keys: unknown[] }): VerificationKey[] {
  return jwks.keys.flatMap((jwk): VerificationKey[] => {
    if (!isRecord(jwk) || (jwk.kty !== 'RSA' && jwk.kty !== 'EC')) return [];
    if (jwk.use !== undefined && jwk.use !== 'sig') return [];
    if (jwk.key_ops !== undefined) {
      if (!Array.isArray(jwk.key_ops) || !jwk.key_ops.includes('verify')) return [];
    }
    if ('d' in jwk) return []; // a private key has no business in a published JWKS
    try {
      const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
      if (jwk.kty === 'RSA' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) {
        return [];
      }
      return [
        {
          kty: jwk.kty,
          key,
          ...(typeof jwk.kid === 'string' && { kid: jwk.kid }),
          ...(typeof jwk.alg === 'string' && { alg: jwk.alg }),
          ...(typeof jwk.crv === 'string' && { crv: jwk.crv }),
        },
      ];
    } catch {
      return [];
    }
  });
}

/** The keys that may have signed a token with this header: matching kid, type, curve and alg. */
export function candidateKeys(
  keys: readonly VerificationKey[],
  header: DecodedJws['header'],
): VerificationKey[] {
  const { alg, kid } = header;
  if (!isAcceptedAlgorithm(alg)) return [];
  const algorithm = ALGORITHMS[alg];
  return keys.filter(
    (key) =>
      key.kty === algorithm.kty &&
      (algorithm.crv === undefined || key.crv === algorithm.crv) &&
      (key.alg === undefined || key.alg === alg) &&
      (kid === undefined || key.kid === kid),
  );
}

/** Whether `key` signed the token. The header's `alg` must be one STS accepts. */
export function signatureVerifies(jws: DecodedJws, key: VerificationKey): boolean {
  const { alg, crit } = jws.header;
  if (!isAcceptedAlgorithm(alg) || crit !== undefined) return false;
  const algorithm = ALGORITHMS[alg];
  if (algorithm.kty === 'RSA') {
    return verify(algorithm.hash, jws.signingInput, key.key, jws.signature);
  }
  if (jws.signature.length !== algorithm.ecSignatureBytes) return false;
  const ecKey = { key: key.key, dsaEncoding: 'ieee-p1363' as const };
  return verify(algorithm.hash, jws.signingInput, ecKey, jws.signature);
}
