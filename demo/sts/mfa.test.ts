import { describe, expect, it } from 'vitest';
import { MfaVerifier } from './mfa.ts';
import { totp } from './totp.ts';
import type { IamUser } from './world.ts';

const user: IamUser = {
  userName: 'trainer',
  path: '/',
  userId: 'AIDAEXAMPLE',
  accessKeyId: 'AKIAEXAMPLE',
  secretAccessKey: 'secret',
  mfaDevices: [
    { serialNumber: 'arn:aws:iam::1:mfa/trainer', totpSecretBase32: 'JBSWY3DPEHPK3PXP' },
  ],
  permissionsPolicies: [],
};
const serial = 'arn:aws:iam::1:mfa/trainer';
const now = Date.parse('2026-01-01T10:00:00Z');

describe('MfaVerifier', () => {
  it('is not used when no MFA parameter is given', () => {
    expect(new MfaVerifier().verify(user, undefined, undefined, now)).toBe(false);
  });

  it('accepts the current code once', () => {
    const mfa = new MfaVerifier();
    const code = totp('JBSWY3DPEHPK3PXP', now);
    expect(mfa.verify(user, serial, code, now)).toBe(true);
    expect(() => mfa.verify(user, serial, code, now + 1000)).toThrow(
      'MultiFactorAuthentication failed with invalid MFA one time pass code. ',
    );
  });

  it('refuses an unknown device, a missing code and a wrong code', () => {
    const mfa = new MfaVerifier();
    expect(() => mfa.verify(user, 'arn:aws:iam::1:mfa/other', '123456', now)).toThrow(
      /unable to validate MFA code/,
    );
    expect(() => mfa.verify(user, serial, undefined, now)).toThrow(/unable to validate MFA code/);
    expect(() => mfa.verify(undefined, serial, '123456', now)).toThrow(/unable to validate/);
    const wrong = totp('JBSWY3DPEHPK3PXP', now + 300_000);
    expect(() => mfa.verify(user, serial, wrong, now)).toThrow(/invalid MFA one time pass code/);
  });
});
