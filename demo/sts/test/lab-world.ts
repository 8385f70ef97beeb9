import { readFileSync } from 'node:fs';
import { DEFAULT_DATA_FILE } from '../world.ts';

/**
 * The demo world plus a "lab" account whose roles exercise trust-policy features the demo roles do
 * not use: Deny statements, amr set conditions, missing TagSession/SetSourceIdentity, an IAM-user
 * role that needs MFA.
 */
export const LAB_ACCOUNT = '444444444444';
export const labRole = (name: string) => `arn:aws:iam::${LAB_ACCOUNT}:role/${name}`;

const PROVIDER = `arn:aws:iam::${LAB_ACCOUNT}:oidc-provider/{{idp}}`;

const webStatement = (extra: object) => ({
  Effect: 'Allow',
  Principal: { Federated: PROVIDER },
  Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity'],
  ...extra,
});

const role = (name: string, statements: object[], maxSessionDuration = 3600) => ({
  name,
  roleId: `AROALAB${name.toUpperCase().padEnd(13, 'X').slice(0, 13)}`,
  maxSessionDuration,
  trustPolicy: { Version: '2012-10-17', Statement: statements },
});

const labAccount = {
  id: LAB_ACCOUNT,
  alias: 'lab',
  oidcProviders: [{ url: '{{idp}}', clientIds: ['rolecall', 'second-app'] }],
  roles: [
    role('DenyBob', [
      webStatement({}),
      {
        Effect: 'Deny',
        Principal: { Federated: PROVIDER },
        Action: 'sts:*',
        Condition: { StringEquals: { '{{idp}}:sub': 'user-bob' } },
      },
    ]),
    role('NeedsMfaAmr', [
      webStatement({ Condition: { 'ForAnyValue:StringEquals': { '{{idp}}:amr': 'mfa' } } }),
    ]),
    role('NoTagSession', [
      { ...webStatement({}), Action: ['sts:AssumeRoleWithWebIdentity', 'sts:SetSourceIdentity'] },
    ]),
    role('NoSourceIdentity', [
      { ...webStatement({}), Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] },
    ]),
    role('TeamPlatformOnly', [
      webStatement({ Condition: { StringEquals: { 'aws:RequestTag/Team': 'platform' } } }),
    ]),
    role(
      'TrainerWithMfa',
      [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
      7200,
    ),
    role(
      'AnyoneInSandbox',
      [
        {
          Effect: 'Allow',
          Principal: { AWS: '111111111111' },
          Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        },
      ],
      43200,
    ),
  ],
  users: [],
};

export function labWorld(): object {
  const demo = JSON.parse(readFileSync(DEFAULT_DATA_FILE, 'utf8')) as { accounts: object[] };
  return { ...demo, accounts: [...demo.accounts, labAccount] };
}
