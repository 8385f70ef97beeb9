import { describe, expect, it } from 'vitest';
import type { RoleOption } from '../../types/role';
import { configuredAccountName, linkForRole, linkRequest, roleFromLink } from './deep-link';

const roles: RoleOption[] = [
  ['111111111111', 'Sandbox', 'Developer'],
  ['222222222222', 'Production', 'Developer'],
  ['222222222222', 'Production', 'ReadOnly'],
].map(([accountId, accountName, name]) => ({
  arn: `arn:aws:iam::${accountId}:role/${name}`,
  accountId,
  accountName,
  accountColor: '#000000',
  name,
  label: name === 'ReadOnly' ? 'Read-only' : name,
  source: 'config' as const,
  preferred: false,
}));

describe('roleFromLink', () => {
  it('finds a role by account id and name', () => {
    expect(roleFromLink('?account=222222222222&role=Developer', roles)?.arn).toBe(
      'arn:aws:iam::222222222222:role/Developer',
    );
  });

  it('accepts the account name and the role label, ignoring case', () => {
    expect(roleFromLink('?account=production&role=read-only', roles)?.name).toBe('ReadOnly');
  });

  it('accepts a full role ARN', () => {
    expect(
      roleFromLink(`?role=${encodeURIComponent('arn:aws:iam::111111111111:role/Developer')}`, roles)
        ?.accountId,
    ).toBe('111111111111');
  });

  it('finds nothing for a role the person does not have, or no link', () => {
    expect(roleFromLink('?account=111111111111&role=ReadOnly', roles)).toBeUndefined();
    expect(roleFromLink('', roles)).toBeUndefined();
  });
});

describe('linkForRole', () => {
  it('writes the account id and role name, keeping other parameters', () => {
    expect(linkForRole(roles[2], '?lang=en')).toBe('?lang=en&account=222222222222&role=ReadOnly');
  });

  it('removes the role when none is selected', () => {
    expect(linkForRole(undefined, '?account=1&role=x')).toBe('');
  });
});

describe('configuredAccountName', () => {
  const accounts = [{ id: '111111111111', name: 'Sandbox' }];
  it('finds the account by id or by name', () => {
    expect(configuredAccountName(accounts, '111111111111')).toBe('Sandbox');
    expect(configuredAccountName(accounts, 'sandbox')).toBe('Sandbox');
    expect(configuredAccountName(accounts, '999999999999')).toBeUndefined();
    expect(configuredAccountName(accounts, null)).toBeUndefined();
  });
});

describe('linkRequest', () => {
  it('reads the role and account a link asks for', () => {
    expect(linkRequest('?account=111111111111&role=Developer')).toEqual({
      role: 'Developer',
      account: '111111111111',
    });
    expect(linkRequest('?x=1')).toBeUndefined();
  });
});
