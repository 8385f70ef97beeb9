import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { candidateKeys, decodeJws, importJwks, signatureVerifies } from './jws.ts';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function token(header: object, key: KeyObject, hash: string, ec = false) {
  const input = `${b64(header)}.${b64({ sub: 'x' })}`;
  const options = ec ? { key, dsaEncoding: 'ieee-p1363' as const } : key;
  return `${input}.${sign(hash, Buffer.from(input), options).toString('base64url')}`;
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = (key: KeyObject, extra: object = {}) => ({
  ...key.export({ format: 'jwk' }),
  ...extra,
});
const keys = importJwks({
  keys: [jwk(rsa.publicKey, { kid: 'r1' }), jwk(ec.publicKey, { kid: 'e1', alg: 'ES256' })],
});

function verifies(compact: string) {
  const jws = decodeJws(compact);
  if (!jws) return 'not a JWS';
  return candidateKeys(keys, jws.header).some((key) => signatureVerifies(jws, key));
}

describe('compact JWS verification', () => {
  it('verifies RS256 and ES256 signatures with the matching key', () => {
    expect(verifies(token({ alg: 'RS256', kid: 'r1' }, rsa.privateKey, 'sha256'))).toBe(true);
    expect(verifies(token({ alg: 'ES256', kid: 'e1' }, ec.privateKey, 'sha256', true))).toBe(true);
    expect(verifies(token({ alg: 'RS256' }, rsa.privateKey, 'sha256'))).toBe(true);
  });

  it('refuses another key, another algorithm for the key, crit, none and HMAC', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(verifies(token({ alg: 'RS256', kid: 'r1' }, other, 'sha256'))).toBe(false);
    expect(verifies(token({ alg: 'RS384', kid: 'e1' }, rsa.privateKey, 'sha384'))).toBe(false);
    expect(verifies(token({ alg: 'ES384', kid: 'e1' }, ec.privateKey, 'sha384', true))).toBe(false);
    const crit = { alg: 'RS256', kid: 'r1', crit: ['exp'], exp: 1 };
    expect(verifies(token(crit, rsa.privateKey, 'sha256'))).toBe(false);
    expect(verifies(`${b64({ alg: 'none' })}.${b64({ sub: 'x' })}.AA`)).toBe(false);
    expect(verifies(`${b64({ alg: 'HS256' })}.${b64({ sub: 'x' })}.AA`)).toBe(false);
  });

  it('refuses an ECDSA signature in DER form (JWS wants r and s side by side)', () => {
    const input = `${b64({ alg: 'ES256', kid: 'e1' })}.${b64({ sub: 'x' })}`;
    const der = sign('sha256', Buffer.from(input), ec.privateKey).toString('base64url');
    expect(verifies(`${input}.${der}`)).toBe(false);
  });

  it('imports only public signing keys of at least 2048 bits', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const imported = importJwks({
      keys: [
        jwk(rsa.publicKey, { kid: 'enc', use: 'enc' }),
        jwk(rsa.privateKey, { kid: 'private' }),
        jwk(rsa.publicKey, { kid: 'ops', key_ops: ['encrypt'] }),
        { kty: 'oct', k: 'c2VjcmV0', kid: 'secret' },
        { kty: 'RSA', kid: 'broken', n: 'AA', e: 'AQAB' },
        jwk(small.publicKey, { kid: 'small' }),
      ],
    });
    expect(imported).toEqual([]);
  });

  it('decodes only three base64url parts with JSON objects', () => {
    expect(decodeJws('a.b')).toBeUndefined();
    expect(decodeJws(`${b64({ alg: 'RS256' })}.${b64({ sub: 'x' })}.a+b`)).toBeUndefined();
    expect(
      decodeJws(`${b64({ alg: 'RS256' })}.${Buffer.from('[1]').toString('base64url')}.AA`),
    ).toBeUndefined();
  });
});
