import { describe, expect, it } from 'vitest';
import { conditionContext, conditionsMatch, isConditionOperator } from './conditions.ts';

const context = conditionContext([
  ['idp.example.com:sub', 'user-alice'],
  ['idp.example.com:aud', 'rolecall'],
  ['idp.example.com:amr', ['pwd', 'mfa']],
  ['aws:MultiFactorAuthPresent', 'true'],
  ['aws:TokenIssueTime', '2026-01-01T10:00:00Z'],
  ['sts:DurationSeconds', '3600'],
  ['aws:PrincipalArn', 'arn:aws:iam::111111111111:role/Developer'],
  ['aws:TagKeys', []],
]);

const check = (operator: string, key: string, values: string | string[]) =>
  conditionsMatch({ [operator]: { [key]: Array.isArray(values) ? values : [values] } }, context);

describe('string operators', () => {
  it('StringEquals compares case-sensitively and ORs the values', () => {
    expect(check('StringEquals', 'idp.example.com:sub', 'user-alice')).toBe(true);
    expect(check('StringEquals', 'idp.example.com:sub', 'User-Alice')).toBe(false);
    expect(check('StringEquals', 'idp.example.com:sub', ['user-bob', 'user-alice'])).toBe(true);
  });

  it('treats condition keys case-insensitively', () => {
    expect(check('StringEquals', 'IDP.EXAMPLE.COM:SUB', 'user-alice')).toBe(true);
  });

  it('StringNotEquals passes when no value matches, and when the key is missing', () => {
    expect(check('StringNotEquals', 'idp.example.com:sub', 'user-bob')).toBe(true);
    expect(check('StringNotEquals', 'idp.example.com:sub', ['user-bob', 'user-alice'])).toBe(false);
    expect(check('StringNotEquals', 'idp.example.com:email', 'x')).toBe(true);
  });

  it('IgnoreCase operators fold case', () => {
    expect(check('StringEqualsIgnoreCase', 'idp.example.com:sub', 'USER-ALICE')).toBe(true);
    expect(check('StringNotEqualsIgnoreCase', 'idp.example.com:sub', 'USER-ALICE')).toBe(false);
  });

  it('StringLike supports * and ? and stays case-sensitive', () => {
    expect(check('StringLike', 'idp.example.com:sub', 'user-*')).toBe(true);
    expect(check('StringLike', 'idp.example.com:sub', 'user-alic?')).toBe(true);
    expect(check('StringLike', 'idp.example.com:sub', 'user-al?')).toBe(false);
    expect(check('StringLike', 'idp.example.com:sub', 'USER-*')).toBe(false);
    expect(check('StringLike', 'idp.example.com:sub', 'user.alice')).toBe(false);
  });

  it('StringNotLike is the negation, and passes for a missing key', () => {
    expect(check('StringNotLike', 'idp.example.com:sub', 'admin-*')).toBe(true);
    expect(check('StringNotLike', 'idp.example.com:sub', 'user-*')).toBe(false);
    expect(check('StringNotLike', 'idp.example.com:missing', 'user-*')).toBe(true);
  });

  it('positive operators fail for a missing key', () => {
    expect(check('StringEquals', 'idp.example.com:email', 'a@example.com')).toBe(false);
    expect(check('StringLike', 'idp.example.com:email', '*')).toBe(false);
  });
});

describe('IfExists', () => {
  it('passes when the key is missing and tests it when present', () => {
    expect(check('StringEqualsIfExists', 'idp.example.com:email', 'x')).toBe(true);
    expect(check('StringEqualsIfExists', 'idp.example.com:sub', 'user-bob')).toBe(false);
    expect(check('StringLikeIfExists', 'idp.example.com:sub', 'user-*')).toBe(true);
  });
});

describe('set operators on multi-valued keys', () => {
  it('ForAnyValue needs one request value to match one policy value', () => {
    expect(check('ForAnyValue:StringEquals', 'idp.example.com:amr', 'mfa')).toBe(true);
    expect(check('ForAnyValue:StringEquals', 'idp.example.com:amr', ['otp', 'hwk'])).toBe(false);
    expect(check('ForAnyValue:StringLike', 'idp.example.com:amr', 'm*')).toBe(true);
  });

  it('ForAnyValue fails for a missing or empty key', () => {
    expect(check('ForAnyValue:StringEquals', 'idp.example.com:groups', 'x')).toBe(false);
    expect(check('ForAnyValue:StringEquals', 'aws:TagKeys', 'x')).toBe(false);
  });

  it('ForAllValues needs every request value to be among the policy values', () => {
    expect(check('ForAllValues:StringEquals', 'idp.example.com:amr', ['pwd', 'mfa', 'otp'])).toBe(
      true,
    );
    expect(check('ForAllValues:StringEquals', 'idp.example.com:amr', ['pwd'])).toBe(false);
  });

  it('ForAllValues passes for a missing or empty key', () => {
    expect(check('ForAllValues:StringEquals', 'idp.example.com:groups', 'x')).toBe(true);
    expect(check('ForAllValues:StringEquals', 'aws:TagKeys', 'x')).toBe(true);
  });

  it('negated set operators test each request value against all policy values', () => {
    expect(check('ForAllValues:StringNotEquals', 'idp.example.com:amr', ['otp'])).toBe(true);
    expect(check('ForAllValues:StringNotEquals', 'idp.example.com:amr', ['mfa'])).toBe(false);
    expect(check('ForAnyValue:StringNotEquals', 'idp.example.com:amr', ['mfa'])).toBe(true);
    expect(check('ForAnyValue:StringNotEquals', 'idp.example.com:amr', ['mfa', 'pwd'])).toBe(false);
  });

  it('a plain operator on a multi-valued key matches any value', () => {
    expect(check('StringEquals', 'idp.example.com:amr', 'mfa')).toBe(true);
    expect(check('StringNotEquals', 'idp.example.com:amr', 'mfa')).toBe(false);
  });
});

describe('other operators', () => {
  it('Bool compares true/false case-insensitively', () => {
    expect(check('Bool', 'aws:MultiFactorAuthPresent', 'true')).toBe(true);
    expect(check('Bool', 'aws:MultiFactorAuthPresent', 'false')).toBe(false);
    expect(check('BoolIfExists', 'aws:ViaAWSService', 'false')).toBe(true);
  });

  it('Null tests whether the key is present', () => {
    expect(check('Null', 'idp.example.com:email', 'true')).toBe(true);
    expect(check('Null', 'idp.example.com:sub', 'true')).toBe(false);
    expect(check('Null', 'idp.example.com:sub', 'false')).toBe(true);
  });

  it('Numeric operators compare numbers', () => {
    expect(check('NumericLessThanEquals', 'sts:DurationSeconds', '3600')).toBe(true);
    expect(check('NumericLessThan', 'sts:DurationSeconds', '3600')).toBe(false);
    expect(check('NumericGreaterThan', 'sts:DurationSeconds', '900')).toBe(true);
    expect(check('NumericEquals', 'sts:DurationSeconds', 'not-a-number')).toBe(false);
    expect(check('NumericNotEquals', 'sts:DurationSeconds', '7200')).toBe(true);
  });

  it('Date operators compare ISO 8601 dates and epoch seconds', () => {
    expect(check('DateGreaterThan', 'aws:TokenIssueTime', '2025-12-31T00:00:00Z')).toBe(true);
    expect(check('DateLessThan', 'aws:TokenIssueTime', '1767225600')).toBe(false);
    expect(check('DateEquals', 'aws:TokenIssueTime', '2026-01-01T10:00:00Z')).toBe(true);
  });

  it('ARN operators match with wildcards', () => {
    expect(check('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::111111111111:role/*')).toBe(true);
    expect(check('ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/Admin')).toBe(true);
    expect(check('ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::222222222222:role/*')).toBe(false);
  });
});

describe('combining', () => {
  it('ANDs keys within an operator and operators within a block', () => {
    const sub = { 'idp.example.com:sub': ['user-alice'] };
    const aud = { 'idp.example.com:aud': ['rolecall'] };
    expect(conditionsMatch({ StringEquals: { ...sub, ...aud } }, context)).toBe(true);
    expect(
      conditionsMatch(
        { StringEquals: { ...sub, 'idp.example.com:aud': ['other'] }, StringLike: aud },
        context,
      ),
    ).toBe(false);
    expect(conditionsMatch({ StringEquals: sub, StringLike: aud }, context)).toBe(true);
  });

  it('an empty block matches', () => {
    expect(conditionsMatch({}, context)).toBe(true);
  });
});

describe('isConditionOperator', () => {
  it('knows operators, qualifiers and IfExists, and rejects anything else', () => {
    for (const operator of [
      'StringEquals',
      'ForAnyValue:StringLike',
      'ForAllValues:StringNotEqualsIfExists',
      'Null',
      'BoolIfExists',
    ]) {
      expect(isConditionOperator(operator), operator).toBe(true);
    }
    for (const operator of ['StringEqual', 'ForSomeValue:StringLike', 'NullIfExists', '']) {
      expect(isConditionOperator(operator), operator).toBe(false);
    }
  });
});
