import { describe, expect, it } from 'vitest';
import { buildRoleArn, parseAssumedRoleArn, parseRoleArn } from './arn';

describe('parseRoleArn', () => {
  it('reads account, path and name', () => {
    expect(parseRoleArn('arn:aws:iam::222222222222:role/ci/Deployer')).toEqual({
      partition: 'aws',
      accountId: '222222222222',
      path: '/ci/',
      name: 'Deployer',
    });
  });

  it('gives "/" as the path of a role without one', () => {
    expect(parseRoleArn('arn:aws:iam::111111111111:role/Developer')?.path).toBe('/');
  });

  it('understands other partitions', () => {
    expect(parseRoleArn('arn:aws-us-gov:iam::111111111111:role/X')?.partition).toBe('aws-us-gov');
  });

  it.each([
    'arn:aws:iam::1111:role/Short',
    'arn:aws:sts::111111111111:assumed-role/Developer/alice',
    'arn:aws:iam::111111111111:user/alice',
    'not an arn',
    'arn:aws:iam::111111111111:role/',
  ])('refuses %s', (arn) => {
    expect(parseRoleArn(arn)).toBeUndefined();
  });
});

describe('parseAssumedRoleArn', () => {
  it('reads role and session name', () => {
    expect(
      parseAssumedRoleArn('arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com'),
    ).toEqual({
      partition: 'aws',
      accountId: '111111111111',
      roleName: 'Developer',
      sessionName: 'alice@example.com',
    });
  });

  it('refuses a role ARN', () => {
    expect(parseAssumedRoleArn('arn:aws:iam::111111111111:role/Developer')).toBeUndefined();
  });
});

describe('buildRoleArn', () => {
  it('builds the ARN of a role without a path', () => {
    expect(buildRoleArn('111111111111', 'Developer')).toBe(
      'arn:aws:iam::111111111111:role/Developer',
    );
  });

  it('keeps the path', () => {
    expect(buildRoleArn('222222222222', 'Deployer', '/ci/')).toBe(
      'arn:aws:iam::222222222222:role/ci/Deployer',
    );
    expect(buildRoleArn('222222222222', 'Deployer', 'ci')).toBe(
      'arn:aws:iam::222222222222:role/ci/Deployer',
    );
  });

  it('round-trips through parseRoleArn', () => {
    const arn = buildRoleArn('333333333333', 'Auditor', '/team/audit/');
    expect(parseRoleArn(arn)).toMatchObject({ path: '/team/audit/', name: 'Auditor' });
  });
});
