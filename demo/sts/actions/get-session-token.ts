import type { ActionOutput, SignedActionInput } from '../action-context.ts';
import { Validator } from '../validation.ts';
import { requireLongTermKeys, validateMfaParams } from './common.ts';
import { issueCredentials, userSessionSeconds } from './credentials.ts';

/**
 * GetSessionToken: temporary credentials for an IAM user, optionally proving MFA. Only long-term
 * keys may call it; 15 minutes to 36 hours, 12 hours by default.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
export async function getSessionToken(input: SignedActionInput): Promise<ActionOutput> {
  const { params, state, now, caller } = input;
  const validator = new Validator();
  const durationSeconds = userSessionSeconds(validator, params);
  const { serialNumber, tokenCode } = validateMfaParams(validator, params);
  validator.check();
  const principal = requireLongTermKeys(caller, 'GetSessionToken');
  const mfaAuthenticated = state.mfa.verify(principal.user, serialNumber, tokenCode, now);
  return {
    result: [issueCredentials(input, { principal, durationSeconds, mfaAuthenticated })],
  };
}
