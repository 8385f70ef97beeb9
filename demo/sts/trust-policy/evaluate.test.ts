import { describe, expect, it } from 'vitest';
import { conditionContext } from './conditions.ts';
import { evaluateTrustPolicy, type RequestPrincipal, type TrustRequest } from './evaluate.ts';
import { parsePolicyDocument } from './policy-document.ts';

const PROVIDER = 'arn:aws:iam::111111111111:oidc-provider/idp.example.com';
const webIdentity: RequestPrincipal = { type: 'Federated', provider: PROVIDER };
const developerSession: RequestPrincipal = {
  type: 'AWS',
  accountId: '111111111111',
  arns: [
    'arn:aws:iam::111111111111:role/Developer',
    'arn:aws:sts::111111111111:assumed-role/Developer/alice',
  ],
};

const context = conditionContext([
  ['idp.example.com:sub', 'user-alice'],
  ['idp.example.com:aud', 'rolecall'],
]);

const policy = (...statements: object[]) =>
  parsePolicyDocument({ Version: '2012-10-17', Statement: statements }, 'trust');

const request = (overrides: Partial<TrustRequest> = {}): TrustRequest => ({
  action: 'sts:AssumeRoleWithWebIdentity',
  principal: webIdentity,
  context,
  ...overrides,
});

const allowWeb = {
  Effect: 'Allow',
  Principal: { Federated: PROVIDER },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: { StringEquals: { 'idp.example.com:aud': 'rolecall' } },
};

describe('evaluateTrustPolicy', () => {
  it('allows when a statement matches principal, action and conditions', () => {
    expect(evaluateTrustPolicy(policy(allowWeb), request())).toBe('allow');
  });

  it('denies implicitly when the conditions do not hold', () => {
    const wrongAud = { ...allowWeb, Condition: { StringEquals: { 'idp.example.com:aud': 'x' } } };
    expect(evaluateTrustPolicy(policy(wrongAud), request())).toBe('implicit-deny');
  });

  it('denies implicitly for another provider or another action', () => {
    const other = { ...allowWeb, Principal: { Federated: `${PROVIDER}x` } };
    expect(evaluateTrustPolicy(policy(other), request())).toBe('implicit-deny');
    expect(evaluateTrustPolicy(policy(allowWeb), request({ action: 'sts:TagSession' }))).toBe(
      'implicit-deny',
    );
  });

  it('lets an explicit Deny win over an Allow, whatever the order', () => {
    const deny = {
      ...allowWeb,
      Effect: 'Deny',
      Condition: { StringLike: { 'idp.example.com:sub': 'user-a*' } },
    };
    expect(evaluateTrustPolicy(policy(allowWeb, deny), request())).toBe('explicit-deny');
    expect(evaluateTrustPolicy(policy(deny, allowWeb), request())).toBe('explicit-deny');
  });

  it('ignores a Deny whose conditions do not hold', () => {
    const deny = {
      ...allowWeb,
      Effect: 'Deny',
      Condition: { StringEquals: { 'idp.example.com:sub': 'user-bob' } },
    };
    expect(evaluateTrustPolicy(policy(allowWeb, deny), request())).toBe('allow');
  });

  it('matches actions case-insensitively with wildcards', () => {
    for (const action of ['sts:*', 'sts:AssumeRole*', 'STS:assumerolewithwebidentity', '*']) {
      expect(evaluateTrustPolicy(policy({ ...allowWeb, Action: action }), request()), action).toBe(
        'allow',
      );
    }
    expect(evaluateTrustPolicy(policy({ ...allowWeb, Action: 'sts:AssumeRole' }), request())).toBe(
      'implicit-deny',
    );
    expect(evaluateTrustPolicy(policy({ ...allowWeb, Action: 's3:*' }), request())).toBe(
      'implicit-deny',
    );
  });

  it('supports NotAction', () => {
    const notTag = { ...allowWeb, Action: undefined, NotAction: 'sts:TagSession' };
    expect(evaluateTrustPolicy(policy(notTag), request())).toBe('allow');
    expect(evaluateTrustPolicy(policy(notTag), request({ action: 'sts:TagSession' }))).toBe(
      'implicit-deny',
    );
  });

  it('matches a Principal of "*" for anyone', () => {
    expect(evaluateTrustPolicy(policy({ ...allowWeb, Principal: '*' }), request())).toBe('allow');
  });

  describe('AWS principals', () => {
    const allowAws = (principal: string) =>
      policy({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' });
    const assumeRole = request({
      action: 'sts:AssumeRole',
      principal: developerSession,
      context: new Map(),
    });

    it('matches the role ARN, the session ARN, the account id, the root ARN and *', () => {
      for (const principal of [
        'arn:aws:iam::111111111111:role/Developer',
        'arn:aws:sts::111111111111:assumed-role/Developer/alice',
        '111111111111',
        'arn:aws:iam::111111111111:root',
        '*',
      ]) {
        expect(evaluateTrustPolicy(allowAws(principal), assumeRole), principal).toBe('allow');
      }
    });

    it('does not match another role, another account or a web identity', () => {
      for (const principal of [
        'arn:aws:iam::111111111111:role/Admin',
        '222222222222',
        'arn:aws:iam::222222222222:root',
      ]) {
        expect(evaluateTrustPolicy(allowAws(principal), assumeRole), principal).toBe(
          'implicit-deny',
        );
      }
      const web = request({ action: 'sts:AssumeRole' });
      expect(evaluateTrustPolicy(allowAws('*'), web)).toBe('implicit-deny');
    });

    it('does not let a Federated principal match an AWS caller', () => {
      const federated = policy({ ...allowWeb, Action: 'sts:AssumeRole' });
      expect(evaluateTrustPolicy(federated, assumeRole)).toBe('implicit-deny');
    });

    it('supports NotPrincipal in a Deny', () => {
      const document = policy(
        { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' },
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: 'arn:aws:iam::111111111111:role/Admin' },
          Action: 'sts:AssumeRole',
        },
      );
      expect(evaluateTrustPolicy(document, assumeRole)).toBe('explicit-deny');
    });

    it('evaluates sts:ExternalId conditions', () => {
      const document = policy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:role/Developer' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'rolecall-demo' } },
      });
      const withId = (externalId?: string) =>
        evaluateTrustPolicy(document, {
          ...assumeRole,
          context: conditionContext([['sts:ExternalId', externalId]]),
        });
      expect(withId('rolecall-demo')).toBe('allow');
      expect(withId('other')).toBe('implicit-deny');
      expect(withId(undefined)).toBe('implicit-deny');
    });
  });

  it('needs an Allow for each action separately (TagSession, SetSourceIdentity)', () => {
    const both = policy({
      ...allowWeb,
      Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
    });
    expect(evaluateTrustPolicy(both, request({ action: 'sts:TagSession' }))).toBe('allow');
    expect(evaluateTrustPolicy(both, request({ action: 'sts:SetSourceIdentity' }))).toBe(
      'implicit-deny',
    );
  });
});
