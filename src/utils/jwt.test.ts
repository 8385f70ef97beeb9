import { describe, expect, it } from 'vitest';
import { decodeJwt } from './jwt';

const encode = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('decodeJwt', () => {
  it('reads header and payload, UTF-8 included', () => {
    const jwt = `${encode({ alg: 'RS256', kid: 'k1' })}.${encode({ sub: 'user-josé', aud: 'rolecall' })}.sig`;
    expect(decodeJwt(jwt)).toEqual({
      header: { alg: 'RS256', kid: 'k1' },
      payload: { sub: 'user-josé', aud: 'rolecall' },
    });
  });

  it.each(['', 'abc', 'a.b.c', `${encode([1])}.${encode(2)}.x`])(
    'gives undefined for %j',
    (jwt) => {
      expect(decodeJwt(jwt)).toBeUndefined();
    },
  );
});
