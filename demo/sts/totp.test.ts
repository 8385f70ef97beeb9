import { describe, expect, it } from 'vitest';
import { decodeBase32, hotp, matchTotp, totp } from './totp.ts';

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (base32 below), last six digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('decodes base32', () => {
    expect(decodeBase32(RFC_SECRET).toString('ascii')).toBe('12345678901234567890');
    expect(decodeBase32('JBSWY3DPEHPK3PXP').toString('hex')).toBe('48656c6c6f21deadbeef');
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const secret = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 9].map((counter) => hotp(secret, counter))).toEqual([
      '755224',
      '287082',
      '359152',
      '520489',
    ]);
  });

  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches the RFC 6238 vector at T=%i', (seconds, code) => {
    expect(totp(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it('accepts the previous and next step, not further', () => {
    const now = 1111111109_000;
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, now), now)).toBe(37037036);
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, now - 30_000), now)).toBe(37037035);
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, now + 30_000), now)).toBe(37037037);
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, now - 90_000), now)).toBeUndefined();
  });
});
