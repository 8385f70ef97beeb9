import { describe, expect, it } from 'vitest';
import { findRole } from './arn.ts';
import { DEFAULT_DATA_FILE, findUserByAccessKey, loadWorld, parseWorld } from './world.ts';

const DEMO_IDP = [{ issuer: 'http://localhost:5180', clientIds: ['rolecall'] }];

describe('the demo data file', () => {
  it('loads with {{idp}} and {{clientId}} replaced for the demo issuer', async () => {
    const world = await loadWorld(DEFAULT_DATA_FILE, DEMO_IDP);
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

  it('names a second trusted issuer in every provider list and trust policy', async () => {
    const world = await loadWorld(DEFAULT_DATA_FILE, [
      ...DEMO_IDP,
      { issuer: 'https://idp.example.com/realms/x', clientIds: ['app-a', 'app-b'] },
    ]);
    const production = world.accounts.find((account) => account.id === '222222222222');
    expect(production?.oidcProviders).toEqual([
      { url: 'localhost:5180', clientIds: ['rolecall'] },
      { url: 'idp.example.com/realms/x', clientIds: ['app-a', 'app-b'] },
    ]);
    const readOnly = findRole(world, 'arn:aws:iam::222222222222:role/ReadOnly')?.role;
    expect(readOnly?.trustPolicy.statements.map((statement) => statement.condition)).toEqual([
      {
        StringEquals: { 'localhost:5180:aud': ['rolecall'] },
        StringLike: { 'localhost:5180:sub': ['user-alice', 'user-bob'] },
      },
      {
        StringEquals: { 'idp.example.com/realms/x:aud': ['app-a', 'app-b'] },
        StringLike: { 'idp.example.com/realms/x:sub': ['user-alice', 'user-bob'] },
      },
    ]);
    // The audit account trusts no provider, and its chained role names none: nothing to repeat.
    const audit = world.accounts.find((account) => account.id === '333333333333');
    expect(audit?.oidcProviders).toEqual([]);
    expect(audit?.roles[0]?.trustPolicy.statements).toHaveLength(1);
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
    expect(() => parseWorld(data, DEMO_IDP)).toThrow(/Invalid trust policy: Effect/);
  });
});
