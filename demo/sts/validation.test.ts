import { describe, expect, it } from 'vitest';
import { StsError } from './errors.ts';
import { PATTERNS, Validator } from './validation.ts';

function messageOf(run: (validator: Validator) => void): string | undefined {
  const validator = new Validator();
  run(validator);
  try {
    validator.check();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(StsError);
    expect(error).toMatchObject({ code: 'ValidationError', status: 400 });
    return (error as StsError).message;
  }
}

describe('Validator', () => {
  it('passes valid values', () => {
    expect(
      messageOf((v) => {
        v.string('roleSessionName', 'alice@example.com', {
          required: true,
          minLength: 2,
          maxLength: 64,
          pattern: PATTERNS.roleSessionName,
        });
        v.integer('durationSeconds', '3600', { min: 900, max: 43200 });
      }),
    ).toBeUndefined();
  });

  it('reports a missing required member as null', () => {
    expect(messageOf((v) => v.string('roleArn', undefined, { required: true }))).toBe(
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports length, pattern and range in AWS words', () => {
    expect(messageOf((v) => v.string('name', 'x', { minLength: 2 }))).toContain(
      "Value 'x' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
    expect(messageOf((v) => v.string('name', 'xyz', { maxLength: 2 }))).toContain(
      'Member must have length less than or equal to 2',
    );
    expect(messageOf((v) => v.string('tokenCode', '12a456', { pattern: PATTERNS.tokenCode }))).toBe(
      "1 validation error detected: Value '12a456' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*",
    );
    expect(messageOf((v) => v.integer('durationSeconds', '50000', { min: 900, max: 43200 }))).toBe(
      "1 validation error detected: Value '50000' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
    expect(messageOf((v) => v.integer('durationSeconds', 'ten', { min: 1, max: 2 }))).toContain(
      'Member must be a valid integer',
    );
  });

  it('counts every broken constraint, one value possibly breaking two', () => {
    const message = messageOf((v) => {
      v.string('roleSessionName', 'a b', { minLength: 4, pattern: PATTERNS.roleSessionName });
      v.string('roleArn', undefined, { required: true });
    });
    expect(message).toMatch(
      /^3 validation errors detected: Value 'a b' .*; Value 'a b' .*; Value null at 'roleArn'/,
    );
  });

  it('never echoes sensitive values', () => {
    const message = messageOf((v) =>
      v.string('webIdentityToken', 'abc', { minLength: 4, sensitive: true }),
    );
    expect(message).toBe(
      "1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4",
    );
  });

  it('checks list lengths', () => {
    expect(messageOf((v) => v.listLength('policyArns', ['a', 'b', 'c'], 2))).toBe(
      "1 validation error detected: Value '[a, b, c]' at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 2",
    );
  });

  it('knows the model patterns', () => {
    expect(PATTERNS.roleSessionName.regex.test('a_b+c=d,e.f@g-h')).toBe(true);
    expect(PATTERNS.roleSessionName.regex.test('a/b')).toBe(false);
    expect(PATTERNS.externalId.regex.test('a:b/c')).toBe(true);
    expect(PATTERNS.policy.regex.test('{"a": 1}\n')).toBe(true);
    expect(PATTERNS.policy.regex.test('€')).toBe(false);
    expect(PATTERNS.tagKey.regex.test('Cost Center:é')).toBe(true);
    expect(PATTERNS.tagKey.regex.test('a*b')).toBe(false);
  });
});
