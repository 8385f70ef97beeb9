import { describe, expect, it } from 'vitest';
import demoConfig from '../../../public/config.json';
import { parseConfig } from '../../config/parse-config';
import type { AppConfig } from '../../config/schema';
import { allRoles, readGroups, readRoleArns, rolesForPerson } from './role-catalog';

function config(): AppConfig {
  const result = parseConfig(demoConfig);
  if (!result.ok) throw new Error('demo config is invalid');
  return result.config;
}

const labels = (accounts: ReturnType<typeof rolesForPerson>) =>
  accounts.map((a) => [a.accountName, a.roles.map((r) => r.label)]);

describe('rolesForPerson', () => {
  it('offers configured roles by group, grouped by account in config order', () => {
    const accounts = rolesForPerson(config(), { groups: ['support'] });
    expect(labels(accounts)).toEqual([['Production', ['Read-only']]]);
    expect(accounts[0].roles[0]).toMatchObject({
      arn: 'arn:aws:iam::222222222222:role/ReadOnly',
      source: 'config',
      accountColor: '#e11d48',
    });
  });

  it('builds role ARNs in the configured partition, chained roles included', () => {
    const china = config();
    china.sts = { region: 'cn-north-1', partition: 'aws-cn', requestTimeoutSeconds: 15 };
    china.accounts[2].roles[0].chainFrom = 'arn:aws-cn:iam::111111111111:role/Developer';
    const arns = rolesForPerson(china, { groups: ['developers'] }).flatMap((account) =>
      account.roles.map((role) => role.arn),
    );
    expect(arns).toContain('arn:aws-cn:iam::111111111111:role/Developer');
    expect(arns).toContain('arn:aws-cn:iam::333333333333:role/Auditor');
    expect(arns.every((arn) => arn.startsWith('arn:aws-cn:'))).toBe(true);
  });

  it('offers nothing to a person without matching groups or role claims', () => {
    expect(rolesForPerson(config(), { groups: [] })).toEqual([]);
    expect(rolesForPerson(config(), {})).toEqual([]);
  });

  it('offers a role without a groups restriction to everyone', () => {
    const open = config();
    open.accounts[0].roles = [{ name: 'Open', path: '/' }];
    expect(labels(rolesForPerson(open, {}))).toEqual([['Sandbox', ['Open']]]);
  });

  it('adds roles listed in a configured claim, naming the account from config', () => {
    const withClaim = { ...config(), roleClaims: ['https://rolecall.example/roles'] };
    const accounts = rolesForPerson(withClaim, {
      groups: ['support'],
      'https://rolecall.example/roles': ['arn:aws:iam::222222222222:role/ci/Deployer'],
    });
    expect(labels(accounts)).toEqual([['Production', ['Read-only', 'Deployer']]]);
    expect(accounts[0].roles[1]).toMatchObject({ source: 'token', name: 'Deployer' });
  });

  it('ignores claims the config does not list', () => {
    const accounts = rolesForPerson(
      { ...config(), roleClaims: [] },
      {
        'https://rolecall.example/roles': ['arn:aws:iam::222222222222:role/ci/Deployer'],
      },
    );
    expect(accounts).toEqual([]);
  });

  it("reads Cognito's roles, shows an unknown account by its id, and offers the preferred role first", () => {
    const accounts = rolesForPerson(config(), {
      groups: ['support'],
      'cognito:roles': [
        'arn:aws:iam::444444444444:role/Guest',
        'arn:aws:iam::111111111111:role/Developer',
      ],
      'cognito:preferred_role': 'arn:aws:iam::111111111111:role/Developer',
    });
    expect(labels(accounts)).toEqual([
      ['Sandbox', ['Developer']],
      ['Production', ['Read-only']],
      ['444444444444', ['Guest']],
    ]);
    expect(accounts[0].roles[0]).toMatchObject({ preferred: true, source: 'config' });
  });

  it('de-duplicates a role that is both configured and in the token', () => {
    const accounts = rolesForPerson(config(), {
      groups: ['developers'],
      'cognito:roles': ['arn:aws:iam::111111111111:role/Developer'],
    });
    const arns = allRoles(accounts).map((r) => r.arn);
    expect(new Set(arns).size).toBe(arns.length);
  });

  it('offers a chained role only with the role it chains from', () => {
    const chained = config();
    chained.accounts = chained.accounts.filter((account) => account.id !== '333333333333');
    chained.accounts.push({
      id: '333333333333',
      name: 'Audit',
      color: '#16a34a',
      roles: [
        {
          name: 'Auditor',
          path: '/',
          chainFrom: 'arn:aws:iam::111111111111:role/Developer',
          externalId: 'rolecall-demo',
        },
      ],
    });
    expect(labels(rolesForPerson(chained, { groups: ['developers'] })).at(-1)).toEqual([
      'Audit',
      ['Auditor'],
    ]);
    expect(allRoles(rolesForPerson(chained, { groups: ['support'] })).map((r) => r.name)).toEqual([
      'ReadOnly',
    ]);
  });
});

describe('readRoleArns', () => {
  it('groups thousands of token roles by account, configured accounts first, unknown ones by id', () => {
    const withClaim = { ...config(), roleClaims: ['https://rolecall.example/roles'] };
    const arns = Array.from({ length: 5000 }, (_, index) => {
      const account = index % 500 === 499 ? '222222222222' : String(100000000000 + (index % 500));
      return `arn:aws:iam::${account}:role/Bench-${index}`;
    });
    const accounts = rolesForPerson(withClaim, { [withClaim.roleClaims[0]]: arns });

    expect(accounts).toHaveLength(500);
    expect(accounts[0]).toMatchObject({ accountName: 'Production' });
    expect(accounts[0].roles).toHaveLength(10);
    expect(accounts.slice(1).map((account) => account.accountId)).toEqual(
      [...new Set(arns.map((arn) => arn.split(':')[4]))]
        .filter((id) => id !== '222222222222')
        .sort(),
    );
    expect(allRoles(accounts)).toHaveLength(5000);
  });

  it('keeps role ARNs and drops anything else', () => {
    expect(
      readRoleArns([
        'arn:aws:iam::111111111111:role/A',
        'arn:aws:iam::111111111111:user/B',
        'admin',
        7,
      ]),
    ).toEqual(['arn:aws:iam::111111111111:role/A']);
    expect(
      readRoleArns('arn:aws:iam::111111111111:role/A,arn:aws:iam::111111111111:role/B'),
    ).toHaveLength(2);
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
