import { findRole, parseRoleArn } from '../arn.ts';
import type { Caller } from '../auth.ts';
import { accessDenied, validationError } from '../errors.ts';
import { fieldList, type Params } from '../query.ts';
import { PATTERNS, type Validator } from '../validation.ts';
import type { World } from '../world.ts';

/** Parameters shared by AssumeRole and AssumeRoleWithWebIdentity, with the model's constraints. */
export interface RoleRequest {
  roleArn: string;
  roleSessionName: string;
  policy?: string;
  policyArns: string[];
  durationSeconds?: number;
}

export function validatePolicyParams(validator: Validator, params: Params) {
  const policy = validator.string('policy', params.get('Policy'), {
    minLength: 1,
    maxLength: 2048,
    pattern: PATTERNS.policy,
  });
  const policyArns = fieldList(params, 'PolicyArns', 'arn');
  validator.listLength('policyArns', policyArns, 10);
  policyArns.forEach((arn, i) =>
    validator.string(`policyArns.${i + 1}.member.arn`, arn, {
      minLength: 20,
      maxLength: 2048,
      pattern: PATTERNS.arn,
    }),
  );
  return { policy, policyArns };
}

/** SerialNumber and TokenCode: an MFA device and its current 6-digit code (both optional). */
export function validateMfaParams(validator: Validator, params: Params) {
  const serialNumber = validator.string('serialNumber', params.get('SerialNumber'), {
    minLength: 9,
    maxLength: 256,
    pattern: PATTERNS.serialNumber,
  });
  const tokenCode = validator.string('tokenCode', params.get('TokenCode'), {
    minLength: 6,
    maxLength: 6,
    pattern: PATTERNS.tokenCode,
  });
  return { serialNumber, tokenCode };
}

export function validateRoleParams(validator: Validator, params: Params): RoleRequest {
  const roleArn = validator.string('roleArn', params.get('RoleArn'), {
    required: true,
    minLength: 20,
    maxLength: 2048,
    pattern: PATTERNS.arn,
  });
  const roleSessionName = validator.string('roleSessionName', params.get('RoleSessionName'), {
    required: true,
    minLength: 2,
    maxLength: 64,
    pattern: PATTERNS.roleSessionName,
  });
  const durationSeconds = validator.integer('durationSeconds', params.get('DurationSeconds'), {
    min: 900,
    max: 43200,
  });
  return {
    roleArn: roleArn ?? '',
    roleSessionName: roleSessionName ?? '',
    durationSeconds,
    ...validatePolicyParams(validator, params),
  };
}

const ANY_ARN = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/;

/**
 * The role a RoleArn names, or undefined when there is none (callers answer AccessDenied, as AWS
 * does for a misspelt ARN). A well-formed ARN of something else (a SAML provider, a user) is a
 * ValidationError "Request ARN is invalid", as observed in
 * https://github.com/physera/onelogin-aws-cli/issues/12.
 */
export function lookupRole(world: World, arn: string) {
  if (!parseRoleArn(arn) && ANY_ARN.test(arn)) throw validationError('Request ARN is invalid');
  return findRole(world, arn);
}

/** GetSessionToken and GetFederationToken take an IAM user's long-term keys only. */
export function requireLongTermKeys({ principal, session }: Caller, action: string) {
  if (session || principal.kind !== 'user') {
    throw accessDenied(`Cannot call ${action} with session credentials`);
  }
  return principal;
}
