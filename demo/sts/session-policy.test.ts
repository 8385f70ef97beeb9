import { describe, expect, it } from 'vitest';
import { checkPackedSize, checkSessionPolicy, packedPolicySize } from './session-policy.ts';

const policy = (actions: string[]) =>
  JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] },
    null,
    2,
  );

describe('checkSessionPolicy', () => {
  it('accepts a valid policy and nothing', () => {
    expect(() => checkSessionPolicy(policy(['s3:GetObject']))).not.toThrow();
    expect(() => checkSessionPolicy(undefined)).not.toThrow();
  });

  it('answers MalformedPolicyDocument in AWS words', () => {
    expect(() => checkSessionPolicy('{')).toThrow('Syntax errors in policy.');
    expect(() =>
      checkSessionPolicy(
        '{"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}',
      ),
    ).toThrow('Policy document should not specify a principal.');
  });
});

describe('packed size', () => {
  it('ignores formatting and grows with policy, policy ARNs and tags', () => {
    const small = policy(['s3:GetObject']);
    expect(packedPolicySize({ policy: small, policyArns: [], tags: [] })).toBe(
      packedPolicySize({ policy: JSON.stringify(JSON.parse(small)), policyArns: [], tags: [] }),
    );
    const base = packedPolicySize({ policy: small, policyArns: [], tags: [] });
    const more = packedPolicySize({
      policy: small,
      policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      tags: [{ key: 'Team', value: 'platform' }],
    });
    expect(more).toBeGreaterThan(base);
  });

  it('is calibrated near the published figures (157% at 1,690 characters)', () => {
    const padded = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 'x'.repeat(1640), Resource: '*' }],
    });
    expect(padded.length).toBeGreaterThan(1680);
    expect(packedPolicySize({ policy: padded, policyArns: [], tags: [] })).toBeGreaterThanOrEqual(
      150,
    );
  });

  it('is reported only when something was packed, and fails above 100%', () => {
    expect(checkPackedSize({ policyArns: [], tags: [] })).toBeUndefined();
    expect(checkPackedSize({ policyArns: [], tags: [{ key: 'a', value: 'b' }] })).toBe(1);
    const big = policy(Array.from({ length: 80 }, (_, i) => `svc:Action${i}`));
    expect(() => checkPackedSize({ policy: big, policyArns: [], tags: [] })).toThrow(
      /^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/,
    );
  });
});
