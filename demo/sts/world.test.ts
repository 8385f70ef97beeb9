import { describe, expect, it } from 'vitest';
import { findRole } from './arn.ts';
import {
  DEFAULT_DATA_FILE,
  findUserByAccessKey,
  issuerHostAndPath,
  loadWorld,
  parseWorld,
} from './world.ts';

describe('issuerHostAndPath', () => {
  it('drops the scheme, keeps port, path and a trailing slash (IAM matches iss exactly)', () => {
    expect(issuerHostAndPath('http://localhost:5180')).toBe('localhost:5180');
    expect(issuerHostAndPath('https://idp.example.com/realms/demo/')).toBe(
      'idp.example.com/realms/demo/',
    );
  });
});

describe('the demo data file', () => {
  it('loads with {{idp}} replaced by the issuer', async () => {
    const world = await loadWorld(DEFAULT_DATA_FILE, 'http://localhost:5180');
    const sandbox = world.accounts.find((account) => account.id === '111111111111');
    expect(sandbox?.oidcProviders).toEqual([{ url: 'localhost:5180', clientIds: ['rolecall'] }]);
    const developer = findRole(world, 'arn:aws:iam::111111111111:role/Developer');
    expect(developer?.role.trustPolicy.statements[0]?.condition).toEqual({
      StringEquals: { 'localhost:5180:aud': ['rolecall'] },
      StringLike: { 'localhost:5180:sub': ['user-alice'] },
    });
    expect(findRole(world, 'arn:aws:iam::222222222222:role/ci/Deployer')?.role.path).toBe('/ci/');
    expect(findUserByAccessKey(world, 'AKIAQSANDBOXTRAINER1')?.user.userName).toBe('trainer');
  });

  it('refuses data with an invalid trust policy, naming the problem', () => {
    const data = {
      accounts: [
        {
          id: '123456789012',
          roles: [
            { name: 'R', roleId: 'AROAX', trustPolicy: { Statement: [{ Effect: 'Maybe' }] } },
          ],
        },
      ],
    };
    expect(() => parseWorld(data, 'http://localhost:1')).toThrow(/Invalid trust policy: Effect/);
  });
});
