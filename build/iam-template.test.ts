import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { conditionContext } from '../demo/sts/trust-policy/conditions.ts';
import { evaluateTrustPolicy, type TrustRequest } from '../demo/sts/trust-policy/evaluate.ts';
import { parsePolicyDocument } from '../demo/sts/trust-policy/policy-document.ts';
import { parseConfig } from '../src/config/parse-config.ts';
import type { AppConfig } from '../src/config/schema.ts';
import { buildRoleArn } from '../src/utils/arn.ts';
import { iamTemplate, templateYaml } from './iam-template.ts';
import {
  checkTemplate,
  deployedResources,
  parseTemplate,
  type Template,
} from './test/cloudformation.ts';

const example = JSON.parse(
  readFileSync(new URL('../deploy/examples/config.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function config(change: (raw: Record<string, unknown>) => void = () => undefined): AppConfig {
  const raw = structuredClone(example);
  change(raw);
  const result = parseConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

/** The template as CloudFormation reads it: generated, written as YAML, parsed back. */
const templateOf = (c: AppConfig) => parseTemplate(templateYaml(iamTemplate(c).template, 'test'));

type Role = {
  RoleName: string;
  Path: string;
  MaxSessionDuration: number;
  AssumeRolePolicyDocument: unknown;
  Policies?: unknown;
};

function rolesIn(template: Template, accountId: string, createProvider = 'true') {
  const resources = deployedResources(template, {
    accountId,
    parameters: { CreateOidcProvider: createProvider },
    // Ref of an AWS::IAM::OIDCProvider is its ARN.
    resourceRef: (name) => `<arn of ${name}>`,
  });
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Role')
    .map((resource) => resource.Properties as unknown as Role);
}

const PROVIDER = 'idp.example.com/realms/staff';

function webIdentityRequest(
  providerArn: string,
  claims: { aud: string; sub: string },
  action = 'sts:AssumeRoleWithWebIdentity',
): TrustRequest {
  return {
    action,
    principal: { type: 'Federated', provider: providerArn },
    context: conditionContext([
      [`${PROVIDER}:aud`, claims.aud],
      [`${PROVIDER}:sub`, claims.sub],
    ]),
  };
}

const decide = (role: Role, request: TrustRequest) =>
  evaluateTrustPolicy(parsePolicyDocument(role.AssumeRolePolicyDocument, 'trust'), request);

describe('the IAM template', () => {
  it('parses, and names only what it defines', () => {
    expect(checkTemplate(templateOf(config()))).toEqual([]);
  });

  it('creates in each account exactly the roles the config lists there', () => {
    const template = templateOf(config());
    for (const account of config().accounts) {
      expect(
        rolesIn(template, account.id).map((role) =>
          buildRoleArn(account.id, role.RoleName, role.Path),
        ),
      ).toEqual(account.roles.map((role) => buildRoleArn(account.id, role.name, role.path)));
    }
  });

  it('creates nothing but a placeholder in an account the config does not name (a StackSet target)', () => {
    const resources = deployedResources(templateOf(config()), { accountId: '999999999999' });
    expect(Object.values(resources).map((resource) => resource.Type)).toEqual([
      'AWS::CloudFormation::WaitConditionHandle',
    ]);
  });

  it("admits the provider's token for Rolecall's client id, and refuses another audience or subject", () => {
    const template = templateOf(config());
    const [developer, readOnly] = rolesIn(template, '111122223333');
    const provider = '<arn of OidcProvider111122223333>';
    expect(
      decide(developer, webIdentityRequest(provider, { aud: 'rolecall', sub: 'employee-42' })),
    ).toBe('allow');
    expect(
      decide(developer, webIdentityRequest(provider, { aud: 'another-app', sub: 'employee-42' })),
    ).toBe('implicit-deny');
    expect(
      decide(developer, webIdentityRequest(provider, { aud: 'rolecall', sub: 'contractor-7' })),
    ).toBe('implicit-deny');
    expect(
      decide(readOnly, webIdentityRequest(provider, { aud: 'rolecall', sub: 'contractor-7' })),
    ).toBe('allow');
    // iam.sessionTags: the token's tags need sts:TagSession; sourceIdentity is off.
    expect(
      decide(
        developer,
        webIdentityRequest(provider, { aud: 'rolecall', sub: 'employee-1' }, 'sts:TagSession'),
      ),
    ).toBe('allow');
    expect(
      decide(
        developer,
        webIdentityRequest(
          provider,
          { aud: 'rolecall', sub: 'employee-1' },
          'sts:SetSourceIdentity',
        ),
      ),
    ).toBe('implicit-deny');
  });

  it('trusts an OIDC provider that already exists when told not to create one', () => {
    const [developer] = rolesIn(templateOf(config()), '111122223333', 'false');
    const existing = `arn:aws:iam::111122223333:oidc-provider/${PROVIDER}`;
    expect(
      decide(developer, webIdentityRequest(existing, { aud: 'rolecall', sub: 'employee-1' })),
    ).toBe('allow');
  });

  it('lets a chained role be assumed by its hub role with the ExternalId only', () => {
    const template = templateOf(config());
    const [spoke] = rolesIn(template, '444455556666');
    const hub = 'arn:aws:iam::111122223333:role/RolecallDeveloper';
    const request = (callerRole: string, externalId?: string): TrustRequest => ({
      action: 'sts:AssumeRole',
      principal: {
        type: 'AWS',
        accountId: '111122223333',
        arns: [
          callerRole,
          `arn:aws:sts::111122223333:assumed-role/${callerRole.split('/').pop()}/alice`,
        ],
      },
      context: conditionContext([
        ['aws:PrincipalArn', callerRole],
        ['sts:ExternalId', externalId],
      ]),
    });
    expect(decide(spoke, request(hub, 'rolecall-production'))).toBe('allow');
    expect(decide(spoke, request(hub, 'guessed'))).toBe('implicit-deny');
    expect(decide(spoke, request(hub))).toBe('implicit-deny');
    expect(
      decide(
        spoke,
        request('arn:aws:iam::111122223333:role/RolecallReadOnly', 'rolecall-production'),
      ),
    ).toBe('implicit-deny');
    // The hub itself may call AssumeRole on its spoke.
    expect(JSON.stringify(rolesIn(template, '111122223333')[0].Policies)).toContain(
      'arn:aws:iam::444455556666:role/RolecallProductionReader',
    );
  });

  it('takes MaxSessionDuration from the config, within what IAM accepts', () => {
    const [developer, readOnly] = rolesIn(templateOf(config()), '111122223333');
    expect(developer.MaxSessionDuration).toBe(14400);
    expect(readOnly.MaxSessionDuration).toBe(3600);
  });

  it('follows the partition', () => {
    const china = config((raw) => {
      raw.sts = { region: 'cn-north-1', partition: 'aws-cn' };
      const accounts = raw.accounts as { roles: { chainFrom?: string; policyArns?: string[] }[] }[];
      accounts[1].roles[0].chainFrom = 'arn:aws-cn:iam::111122223333:role/RolecallDeveloper';
      for (const role of accounts.flatMap((account) => account.roles)) {
        role.policyArns = role.policyArns?.map((arn) => arn.replace('arn:aws:', 'arn:aws-cn:'));
      }
    });
    const template = templateOf(china);
    expect(checkTemplate(template)).toEqual([]);
    const [developer] = rolesIn(template, '111122223333', 'false');
    const provider = `arn:aws-cn:iam::111122223333:oidc-provider/${PROVIDER}`;
    expect(
      decide(developer, webIdentityRequest(provider, { aud: 'rolecall', sub: 'employee-1' })),
    ).toBe('allow');
    expect(
      decide(
        developer,
        webIdentityRequest(provider.replace('aws-cn', 'aws'), {
          aud: 'rolecall',
          sub: 'employee-1',
        }),
      ),
    ).toBe('implicit-deny');
    expect(JSON.stringify(template)).not.toContain('arn:aws:');
  });

  it('warns about roles anyone signed in could assume, and roles with no permissions', () => {
    const { warnings } = iamTemplate(
      config((raw) => {
        const accounts = raw.accounts as { roles: Record<string, unknown>[] }[];
        delete accounts[0].roles[1].subjects;
        delete accounts[0].roles[1].policyArns;
      }),
    );
    expect(warnings).toEqual([
      expect.stringMatching(/RolecallReadOnly: no "subjects", so everyone your provider signs in/),
      expect.stringMatching(/RolecallReadOnly: no "policyArns"/),
    ]);
  });

  it('generates a valid template for the demo config too, with many accounts nested in Fn::Or', () => {
    const many = config((raw) => {
      raw.accounts = Array.from({ length: 23 }, (_, i) => ({
        id: String(100000000000 + i),
        name: `Account ${i}`,
        roles: [{ name: 'Reader', subjects: ['*'] }],
      }));
    });
    const template = templateOf(many);
    expect(checkTemplate(template)).toEqual([]);
    expect(rolesIn(template, '100000000017')).toHaveLength(1);
    expect(Object.keys(deployedResources(template, { accountId: '999999999999' }))).toEqual([
      'NothingInThisAccount',
    ]);
  });
});

describe('npm run iam-template', () => {
  it('writes the template as YAML and warns on stderr', async () => {
    const file = new URL('../deploy/examples/config.json', import.meta.url).pathname;
    const { stdout, stderr } = await promisify(execFile)('npx', [
      'tsx',
      'scripts/iam-template.ts',
      '--config',
      file,
    ]);
    expect(checkTemplate(parseTemplate(stdout))).toEqual([]);
    expect(stdout).toMatch(/^# Generated from .*config\.json by npm run iam-template/);
    expect(stderr).toBe('');
  });
});
