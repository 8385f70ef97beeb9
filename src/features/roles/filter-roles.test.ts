import { describe, expect, it } from 'vitest';
import type { AccountRoles, RoleOption } from '../../types/role';
import { filterRoles, indexRoles } from './filter-roles';

function role(accountId: string, accountName: string, name: string, label = name): RoleOption {
  return {
    arn: `arn:aws:iam::${accountId}:role/${name}`,
    accountId,
    accountName,
    accountColor: '#000000',
    name,
    label,
    source: 'config',
    preferred: false,
  };
}

const accounts: AccountRoles[] = [
  {
    accountId: '111111111111',
    accountName: 'Sandbox',
    accountColor: '#000000',
    roles: [
      role('111111111111', 'Sandbox', 'Developer'),
      role('111111111111', 'Sandbox', 'Admin', 'Administrator'),
    ],
  },
  {
    accountId: '222222222222',
    accountName: 'Production',
    accountColor: '#000000',
    roles: [role('222222222222', 'Production', 'ReadOnly', 'Read-only')],
  },
];

const names = (result: AccountRoles[]) =>
  result.flatMap((a) => a.roles.map((r) => `${a.accountName}/${r.name}`));

describe('filterRoles', () => {
  it('keeps everything for an empty query', () => {
    expect(names(filterRoles(accounts, '  '))).toHaveLength(3);
  });

  it('matches label, name, account and id, ignoring case', () => {
    expect(names(filterRoles(accounts, 'administrator'))).toEqual(['Sandbox/Admin']);
    expect(names(filterRoles(accounts, 'PROD'))).toEqual(['Production/ReadOnly']);
    expect(names(filterRoles(accounts, '2222'))).toEqual(['Production/ReadOnly']);
  });

  it('needs every word to match', () => {
    expect(names(filterRoles(accounts, 'sand dev'))).toEqual(['Sandbox/Developer']);
    expect(names(filterRoles(accounts, 'prod dev'))).toEqual([]);
  });

  it('scales to hundreds of roles', () => {
    const many: AccountRoles[] = Array.from({ length: 20 }, (_, a) => {
      const id = String(100000000000 + a);
      return {
        accountId: id,
        accountName: `Account ${a}`,
        accountColor: '#000000',
        roles: Array.from({ length: 25 }, (_, r) => role(id, `Account ${a}`, `Role${r}`)),
      };
    });
    expect(names(filterRoles(many, 'account 13 role24'))).toEqual(['Account 13/Role24']);
  });

  it('answers keystroke after keystroke from one index, handing back untouched accounts as they are', () => {
    const index = indexRoles(accounts);
    expect(names(index.filter('sand'))).toEqual(['Sandbox/Developer', 'Sandbox/Admin']);
    expect(names(index.filter('sa dev'))).toEqual(['Sandbox/Developer']);
    expect(index.filter('sandbox')[0]).toBe(accounts[0]);
  });
});
