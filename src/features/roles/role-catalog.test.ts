import { describe, expect, it } from 'vitest';
import demoConfig from '../../../public/config.json';
import { parseConfig } from '../../config/parse-config';
import type { AppConfig } from '../../config/schema';
import { readGroups, rolesForPerson } from './role-catalog';

function config(): AppConfig {
  const result = parseConfig(demoConfig);
  if (!result.ok) throw new Error('demo config is invalid');
  return result.config;
}

describe('rolesForPerson', () => {
  it('offers a developer the developer roles in both accounts', () => {
    const accounts = rolesForPerson(config(), { groups: ['developers'] });
    expect(accounts.map((a) => [a.accountName, a.roles.map((r) => r.label)])).toEqual([
      ['Sandbox', ['Developer', 'Misconfigured trust (training)']],
      ['Production', ['Read-only']],
    ]);
    expect(accounts[0]?.roles[0]?.arn).toBe('arn:aws:iam::111111111111:role/Developer');
  });

  it('leaves out accounts where the person has no role', () => {
    const accounts = rolesForPerson(config(), { groups: ['support'] });
    expect(accounts.map((a) => a.accountName)).toEqual(['Production']);
  });

  it('offers nothing to a person without matching groups', () => {
    expect(rolesForPerson(config(), { groups: [] })).toEqual([]);
    expect(rolesForPerson(config(), {})).toEqual([]);
  });

  it('offers a role without a groups restriction to everyone', () => {
    const open = config();
    open.accounts[0].roles[0].groups = undefined;
    expect(rolesForPerson(open, {})[0]?.roles.map((r) => r.name)).toEqual(['Developer']);
  });
});

describe('readGroups', () => {
  it.each([
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    ['a b,c', ['a', 'b', 'c']],
    [['a', 3, null], ['a']],
    [undefined, []],
    [{ a: 1 }, []],
  ])('reads %j', (claim, expected) => {
    expect(readGroups(claim)).toEqual(expected);
  });
});
