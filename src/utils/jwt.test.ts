import { describe, expect, it } from 'vitest';
import { decodeJwt } from './jwt';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const encode = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

const HEADER = { alg: 'RS256', kid: 'demo-key-1', typ: 'JWT' };
const PAYLOAD = {
  iss: 'http://localhost:5180',
  sub: 'user-alice',
  aud: 'rolecall',
  name: 'Zoë Çelik 山田 🚀',
  exp: 1767272400,
};

describe('decodeJwt', () => {
  it('reads the header and payload of a signed token, UTF-8 included', () => {
    const jwt = `${encode(HEADER)}.${encode(PAYLOAD)}.c2lnbmF0dXJl`;
    expect(decodeJwt(jwt)).toEqual({ header: HEADER, payload: PAYLOAD });
  });

  it('reads segments whose base64url needs - and _ (bytes 0xfb and 0xff)', () => {
    // "?>" and "?" in a string value encode to base64 with + and /.
    const payload = { sub: '>>>???', data: 'ÿûÿ' };
    const segment = encode(payload);
    expect(segment).toMatch(/[-_]/);
    expect(decodeJwt(`${encode(HEADER)}.${segment}.sig`)?.payload).toEqual(payload);
  });

  it('accepts an unsigned token (empty signature) and surrounding whitespace', () => {
    const jwt = `  ${encode({ alg: 'none' })}.${encode(PAYLOAD)}.\n`;
    expect(decodeJwt(jwt)?.header).toEqual({ alg: 'none' });
  });

  const bytes = (...values: number[]) => base64url(new Uint8Array(values));
  it.each([
    ['empty', ''],
    ['one segment', 'abc'],
    ['two segments', `${encode(HEADER)}.${encode(PAYLOAD)}`],
    ['four segments (a JWE has five)', `${encode(HEADER)}.${encode(PAYLOAD)}.a.b`],
    ['empty payload', `${encode(HEADER)}..sig`],
    ['standard base64 characters', `${encode(HEADER)}.${encode(PAYLOAD)}+/.sig`],
    ['padding', `${encode(HEADER)}=.${encode(PAYLOAD)}.sig`],
    ['not base64 at all', 'a.b.c'],
    ['impossible length (1 modulo 4)', `${encode(HEADER)}.eyJhb.sig`],
    ['JSON that is not an object', `${encode([1, 2])}.${encode('text')}.sig`],
    ['null payload', `${encode(HEADER)}.${encode(null)}.sig`],
    ['not JSON', `${encode(HEADER)}.${base64url(new TextEncoder().encode('{"sub":'))}.sig`],
    [
      'invalid UTF-8',
      `${encode(HEADER)}.${bytes(0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d)}.sig`,
    ],
  ])('gives undefined for %s', (_label, jwt) => {
    expect(decodeJwt(jwt)).toBeUndefined();
  });
});
