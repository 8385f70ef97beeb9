import { describe, expect, it } from 'vitest';
import { parsePolicyDocument, PolicySyntaxError } from './policy-document.ts';

const sessionPolicy = (statement: object) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statement });

describe('parsePolicyDocument', () => {
  it('normalises single values into lists', () => {
    const document = parsePolicyDocument(
      {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/idp' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'idp:aud': 'rolecall' }, NumericLessThan: { k: 5 } },
        },
      },
      'trust',
    );
    expect(document.statements).toEqual([
      {
        sid: undefined,
        effect: 'Allow',
        principal: { Federated: ['arn:aws:iam::111111111111:oidc-provider/idp'] },
        notPrincipal: undefined,
        action: ['sts:AssumeRoleWithWebIdentity'],
        notAction: undefined,
        resource: undefined,
        notResource: undefined,
        condition: { StringEquals: { 'idp:aud': ['rolecall'] }, NumericLessThan: { k: ['5'] } },
      },
    ]);
  });

  it('accepts a valid session policy', () => {
    const text = sessionPolicy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
    expect(parsePolicyDocument(text, 'session').statements).toHaveLength(1);
  });

  it.each([
    ['invalid JSON', '{"Version": ', 'Syntax errors in policy.'],
    ['a JSON array', '[]', 'A policy must be a JSON object'],
    ['a wrong version', '{"Version":"2020-01-01","Statement":[]}', 'valid version'],
    ['no statement', '{"Version":"2012-10-17"}', 'at least one Statement'],
    ['a bad Effect', sessionPolicy({ Effect: 'allow', Action: '*', Resource: '*' }), 'Effect'],
    ['no Action', sessionPolicy({ Effect: 'Allow', Resource: '*' }), 'Action and NotAction'],
    [
      'a principal in a session policy',
      sessionPolicy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
      'Policy document should not specify a principal.',
    ],
    ['no Resource', sessionPolicy({ Effect: 'Allow', Action: '*' }), 'Resource'],
    [
      'an unknown operator',
      sessionPolicy({
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { StringEqual: { k: 'v' } },
      }),
      'Invalid Condition type : StringEqual',
    ],
    [
      'an unknown field',
      sessionPolicy({ Effect: 'Allow', Action: '*', Resource: '*', Extra: 1 }),
      'unknown field Extra',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parsePolicyDocument(text, 'session')).toThrow(PolicySyntaxError);
    expect(() => parsePolicyDocument(text, 'session')).toThrow(message);
  });

  it('requires a principal in a trust policy', () => {
    const trust = { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] };
    expect(() => parsePolicyDocument(trust, 'trust')).toThrow('Principal');
  });
});
