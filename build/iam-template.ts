import { Document, isScalar, visit } from 'yaml';
import type { AccountConfig, AppConfig, RoleConfig } from '../src/config/schema.ts';
import { providerName } from '../src/utils/oidc-provider.ts';
import { buildRoleArn, parseRoleArn } from '../src/utils/arn.ts';

/**
 * The IAM side of a Rolecall deployment, generated from its config.json so that the app's role
 * list and IAM cannot drift: per account, the IAM OIDC provider for the issuer and the roles the
 * config names, with trust policies that admit the provider's tokens for Rolecall's client id;
 * chained (hub-and-spoke) roles trust their hub role and its ExternalId.
 *
 * One CloudFormation template for every account: conditions on AWS::AccountId pick each
 * account's resources, so it deploys as a StackSet across an organisation, or account by account.
 * Intrinsic functions are written in their long form (`Fn::If`, `Ref`), which every YAML tool reads.
 */
export type Template = Record<string, unknown>;

export interface GeneratedTemplate {
  template: Template;
  /** What an administrator should know before deploying it. */
  warnings: string[];
}

const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';

const logicalName = (text: string) => text.replace(/[^A-Za-z0-9]/g, '');
const accountCondition = (account: string) => `InAccount${account}`;
const providerCondition = (account: string) => `CreateOidcProviderIn${account}`;
const providerResource = (account: string) => `OidcProvider${account}`;

export function iamTemplate(config: AppConfig): GeneratedTemplate {
  const { partition } = config.sts;
  const issuer = config.oidc.authority;
  const name = providerName(issuer);
  const warnings: string[] = [];
  const roleArn = (account: AccountConfig, role: RoleConfig) =>
    buildRoleArn(account.id, role.name, role.path, partition);
  const providerArn = (account: string) => `arn:${partition}:iam::${account}:oidc-provider/${name}`;

  const url = new URL(issuer);
  if (url.protocol !== 'https:')
    warnings.push(`oidc.authority ${issuer}: AWS needs an https issuer.`);
  if (url.port)
    warnings.push(`oidc.authority ${issuer}: AWS does not accept a port in an OIDC provider URL.`);

  // Chained roles by the hub that reaches them: the hub's permissions must allow the AssumeRole.
  const spokesOf = new Map<string, string[]>();
  for (const account of config.accounts) {
    for (const role of account.roles) {
      if (role.chainFrom)
        spokesOf.set(role.chainFrom, [
          ...(spokesOf.get(role.chainFrom) ?? []),
          roleArn(account, role),
        ]);
    }
  }

  const sessionActions = [
    ...(config.iam.sessionTags ? ['sts:TagSession'] : []),
    ...(config.iam.sourceIdentity ? ['sts:SetSourceIdentity'] : []),
  ];
  const conditions: Record<string, unknown> = {
    CreateOidcProviders: { 'Fn::Equals': [{ Ref: 'CreateOidcProvider' }, 'true'] },
  };
  const resources: Record<string, unknown> = {};
  const accountsWithResources: string[] = [];

  for (const account of config.accounts) {
    if (account.roles.length === 0) continue;
    accountsWithResources.push(account.id);
    conditions[accountCondition(account.id)] = {
      'Fn::Equals': [{ Ref: 'AWS::AccountId' }, account.id],
    };
    const trustsProvider = account.roles.some((role) => !role.chainFrom);
    if (trustsProvider) {
      conditions[providerCondition(account.id)] = {
        'Fn::And': [
          { Condition: accountCondition(account.id) },
          { Condition: 'CreateOidcProviders' },
        ],
      };
      resources[providerResource(account.id)] = {
        Type: 'AWS::IAM::OIDCProvider',
        Condition: providerCondition(account.id),
        Properties: { Url: issuer, ClientIdList: [config.oidc.clientId] },
      };
    }

    for (const role of account.roles) {
      const arn = roleArn(account, role);
      const spokes = spokesOf.get(arn) ?? [];
      const trust = role.chainFrom
        ? chainedTrust(role, sessionActions)
        : webIdentityTrust({
            provider: {
              'Fn::If': [
                providerCondition(account.id),
                { Ref: providerResource(account.id) },
                providerArn(account.id),
              ],
            },
            name,
            clientId: config.oidc.clientId,
            subjects: role.subjects,
            actions: sessionActions,
          });
      if (!role.chainFrom && !role.subjects?.length) {
        warnings.push(
          `${arn}: no "subjects", so everyone your provider signs in to client "${config.oidc.clientId}" can assume it. roles[].groups only hides a role in the app; list the "sub" values (wildcards allowed) that may assume it.`,
        );
      }
      const maxSession = Math.min(
        43200,
        Math.max(3600, role.maxDurationSeconds ?? config.session.durationSeconds),
      );
      resources[roleResourceName(account.id, role.name, resources)] = {
        Type: 'AWS::IAM::Role',
        Condition: accountCondition(account.id),
        Properties: {
          RoleName: role.name,
          Path: role.path,
          Description: iamDescription(`Rolecall: ${role.label ?? role.name} in ${account.name}`),
          MaxSessionDuration: maxSession,
          AssumeRolePolicyDocument: trust,
          ...(role.policyArns?.length ? { ManagedPolicyArns: role.policyArns } : {}),
          ...(spokes.length
            ? {
                Policies: [
                  {
                    PolicyName: 'rolecall-chain-to-spokes',
                    PolicyDocument: {
                      Version: '2012-10-17',
                      Statement: [
                        {
                          Effect: 'Allow',
                          Action: ['sts:AssumeRole', ...sessionActions],
                          Resource: spokes,
                        },
                      ],
                    },
                  },
                ],
              }
            : {}),
        },
      };
      if (!role.policyArns?.length && !spokes.length) {
        warnings.push(
          `${arn}: no "policyArns", so the role can do nothing until you attach a policy.`,
        );
      }
    }
  }

  // A stack must create something: accounts the config does not name get only this.
  conditions.NotARolecallAccount = {
    'Fn::Not': [
      anyOf(accountsWithResources.map((account) => ({ Condition: accountCondition(account) }))),
    ],
  };
  resources.NothingInThisAccount = {
    Type: 'AWS::CloudFormation::WaitConditionHandle',
    Condition: 'NotARolecallAccount',
  };

  return {
    warnings,
    template: {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: `Rolecall IAM side for ${issuer} (client ${config.oidc.clientId}), generated from config.json by npm run iam-template: regenerate instead of editing.`,
      Parameters: {
        CreateOidcProvider: {
          Type: 'String',
          AllowedValues: ['true', 'false'],
          Default: 'true',
          Description: `"false" when the account already has an IAM OIDC provider for ${name}: the roles then trust that one (add client id "${config.oidc.clientId}" to its audiences).`,
        },
      },
      Conditions: conditions,
      Resources: resources,
    },
  };
}

function webIdentityTrust(input: {
  provider: unknown;
  name: string;
  clientId: string;
  subjects?: string[];
  actions: string[];
}) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: input.provider },
        Action: [WEB_IDENTITY, ...input.actions],
        Condition: {
          StringEquals: { [`${input.name}:aud`]: input.clientId },
          ...(input.subjects?.length
            ? { StringLike: { [`${input.name}:sub`]: input.subjects } }
            : {}),
        },
      },
    ],
  };
}

// The hub account as principal, narrowed to the hub role by aws:PrincipalArn: IAM refuses a role
// ARN principal that does not exist yet, and a StackSet creates the accounts' stacks in no order.
function chainedTrust(role: RoleConfig, actions: string[]) {
  const hub = role.chainFrom!;
  const hubAccount = parseRoleArn(hub)!.accountId;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: hubAccount },
        Action: ['sts:AssumeRole', ...actions],
        Condition: {
          ArnEquals: { 'aws:PrincipalArn': hub },
          ...(role.externalId ? { StringEquals: { 'sts:ExternalId': role.externalId } } : {}),
        },
      },
    ],
  };
}

/** Fn::Or takes 2 to 10 conditions: fewer or more are nested, so any number of accounts works. */
function anyOf(conditions: unknown[]): unknown {
  if (conditions.length === 0) return { 'Fn::Equals': ['no', 'accounts'] };
  if (conditions.length === 1) return { 'Fn::Or': [conditions[0], conditions[0]] };
  if (conditions.length <= 10) return { 'Fn::Or': conditions };
  const chunks: unknown[] = [];
  for (let i = 0; i < conditions.length; i += 10) chunks.push(anyOf(conditions.slice(i, i + 10)));
  return anyOf(chunks);
}

function roleResourceName(account: string, name: string, taken: Record<string, unknown>): string {
  const base = `Role${account}${logicalName(name)}`;
  let candidate = base;
  for (let n = 2; candidate in taken; n += 1) candidate = `${base}${n}`;
  return candidate;
}

// IAM descriptions take Latin-1 printable characters only, up to 1000 of them.
function iamDescription(text: string): string {
  return text.replace(/[^\t\n\r\x20-\x7e\xa1-\xff]/g, '-').slice(0, 1000);
}

/** The template as CloudFormation YAML; values that YAML could read as dates stay strings. */
export function templateYaml(template: Template, header: string): string {
  const document = new Document(template);
  visit(document, {
    Scalar(_key, node) {
      if (
        isScalar(node) &&
        typeof node.value === 'string' &&
        /^\d{4}-\d\d-\d\d$/.test(node.value)
      ) {
        node.type = 'QUOTE_SINGLE';
      }
    },
  });
  return `# ${header}\n${document.toString({ lineWidth: 0 })}`;
}
