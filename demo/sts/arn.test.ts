import { describe, expect, it } from 'vitest';
import { parseRoleArn } from './arn.ts';

describe('parseRoleArn', () => {
  it('reads account, path and name', () => {
    expect(parseRoleArn('arn:aws:iam::111111111111:role/Developer')).toEqual({
      accountId: '111111111111',
      path: '/',
      name: 'Developer',
    });
    expect(parseRoleArn('arn:aws:iam::222222222222:role/ci/deploy/Deployer')).toEqual({
      accountId: '222222222222',
      path: '/ci/deploy/',
      name: 'Deployer',
    });
  });

  it('refuses what is not a role ARN', () => {
    for (const arn of [
      'arn:aws:iam::111111111111:user/trainer',
      'arn:aws:iam::111111111111:roleDeveloper',
      'arn:aws:iam::11111:role/Developer',
      'arn:aws:sts::111111111111:assumed-role/Developer/alice',
      'arn:aws:iam::111111111111:role/',
    ]) {
      expect(parseRoleArn(arn), arn).toBeUndefined();
    }
  });
});
