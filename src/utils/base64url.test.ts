import { describe, expect, it } from 'vitest';
import { base64UrlBytes } from './base64url';

const text = (bytes: Uint8Array | undefined) => bytes && new TextDecoder().decode(bytes);

describe('base64UrlBytes', () => {
  it('decodes base64url with and without padding, including - and _', () => {
    expect(text(base64UrlBytes('aGk'))).toBe('hi');
    expect(text(base64UrlBytes('aGk='))).toBe('hi');
    expect([...(base64UrlBytes('-_8') ?? [])]).toEqual([0xfb, 0xff]);
  });

  it('decodes multi-byte UTF-8 exactly', () => {
    const encoded = btoa(String.fromCharCode(...new TextEncoder().encode('Zoë → 東京')))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(text(base64UrlBytes(encoded))).toBe('Zoë → 東京');
  });

  it('refuses what is not base64url', () => {
    expect(base64UrlBytes('a')).toBeUndefined();
    expect(base64UrlBytes('a$b=')).toBeUndefined();
  });
});
