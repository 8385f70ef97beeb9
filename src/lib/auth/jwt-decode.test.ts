import * as original from '../../../node_modules/jwt-decode/build/esm/index.js';
import { describe, expect, it } from 'vitest';
import { InvalidTokenError, jwtDecode } from './jwt-decode';

const base64Url = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const part = (value: unknown) => base64Url(new TextEncoder().encode(JSON.stringify(value)));

const tokens = {
  plain: `${part({ alg: 'RS256', kid: 'k' })}.${part({ sub: 'alice', name: 'Zoë 東京 🚀' })}.sig`,
  padded: `${part({ alg: 'none' })}.${part({ a: 1 })}==.`,
  latin1: `${part({ alg: 'none' })}.${base64Url(new Uint8Array([0x22, 0xe9, 0x22]))}.`,
  missing: 'onlyonepart',
  badBase64: `${part({ alg: 'none' })}.a$b.`,
  badLength: `${part({ alg: 'none' })}.abcde.`,
  badJson: `${part({ alg: 'none' })}.${base64Url(new TextEncoder().encode('{nope'))}.`,
};

type Outcome = { value: unknown } | { error: string; message: string };
function outcome(decode: () => unknown): Outcome {
  try {
    return { value: decode() };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message.split(' (')[0] };
  }
}

describe('jwtDecode, in place of jwt-decode 4 for oidc-client-ts', () => {
  for (const [name, token] of Object.entries(tokens)) {
    it(`answers as jwt-decode 4 does for a ${name} token`, () => {
      for (const options of [undefined, { header: true }]) {
        expect(outcome(() => jwtDecode(token, options))).toEqual(
          outcome(() => original.jwtDecode(token, options)),
        );
      }
    });
  }

  it('refuses what is not a string with its own error type', () => {
    expect(() => jwtDecode(42 as unknown as string)).toThrow(InvalidTokenError);
  });

  it('decodes a token listing 5,000 roles in linear time', () => {
    const roles = Array.from({ length: 5000 }, (_, i) => `arn:aws:iam::1000000${i}:role/Role${i}`);
    const token = `${part({ alg: 'none' })}.${part({ roles })}.`;
    expect(jwtDecode<{ roles: string[] }>(token).roles).toHaveLength(5000);
  });
});
