import type { ActionInput, ActionOutput } from '../action-context.ts';
import type { Caller } from '../auth.ts';
import { accessDenied } from '../errors.ts';
import { Validator } from '../validation.ts';
import { credentialsXml, validateMfaParams } from './common.ts';

/**
 * GetSessionToken: temporary credentials for an IAM user, optionally proving MFA. Only long-term
 * keys may call it; 15 minutes to 36 hours, 12 hours by default.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
const DEFAULT_SECONDS = 43200;

export async function getSessionToken({
  params,
  state,
  now,
  caller,
}: ActionInput): Promise<ActionOutput> {
  const validator = new Validator();
  const durationSeconds = validator.integer('durationSeconds', params.get('DurationSeconds'), {
    min: 900,
    max: 129600,
  });
  const { serialNumber, tokenCode } = validateMfaParams(validator, params);
  validator.check();
  const { principal, session } = caller as Caller;
  if (session || principal.kind !== 'user') {
    throw accessDenied('Cannot call GetSessionToken with session credentials');
  }
  const mfaAuthenticated = state.mfa.verify(principal.user, serialNumber, tokenCode, now);
  const issued = state.sessions.issue(
    {
      principal,
      expiresAt: now + (durationSeconds ?? DEFAULT_SECONDS) * 1000,
      tags: [],
      transitiveTagKeys: [],
      roleSession: false,
      mfaAuthenticated,
    },
    now,
  );
  return { result: [credentialsXml(issued)] };
}
