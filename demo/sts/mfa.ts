import { accessDenied } from './errors.ts';
import { matchTotp } from './totp.ts';
import type { IamUser } from './world.ts';

/**
 * MFA for GetSessionToken and AssumeRole: SerialNumber names one of the IAM user's virtual MFA
 * devices and TokenCode is its current TOTP code. A code is good once: AWS refuses a code that was
 * already used, so two calls within one 30-second window need two codes.
 */
const INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';
const UNKNOWN_DEVICE =
  'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';

export class MfaVerifier {
  /** `serial#counter` of codes already used, with the time after which they can be forgotten. */
  private readonly used = new Map<string, number>();

  /**
   * Checks the MFA parameters, if given. Returns whether MFA was used; throws AccessDenied with
   * AWS's messages when it fails.
   */
  verify(
    user: IamUser | undefined,
    serialNumber: string | undefined,
    tokenCode: string | undefined,
    now: number,
  ): boolean {
    if (serialNumber === undefined && tokenCode === undefined) return false;
    const device = user?.mfaDevices.find((candidate) => candidate.serialNumber === serialNumber);
    if (!device || tokenCode === undefined) throw accessDenied(UNKNOWN_DEVICE);
    const counter = matchTotp(device.totpSecretBase32, tokenCode, now);
    const usedKey = `${device.serialNumber}#${counter}`;
    if (counter === undefined || this.used.has(usedKey)) throw accessDenied(INVALID_CODE);
    this.forgetOldCodes(now);
    this.used.set(usedKey, now + 2 * 60 * 1000);
    return true;
  }

  private forgetOldCodes(now: number): void {
    for (const [key, forgetAfter] of this.used) {
      if (forgetAfter < now) this.used.delete(key);
    }
  }
}
