import type { DemoUser } from '../demo/idp/accounts.ts';

// The people the benchmark signs in as, beside the demo's own: one with thousands of roles listed
// in an ID token claim (the demo STS needs none of them to list roles), and one with enough
// assumable roles to hold fifty sessions at once.

/** The claim public/config.json reads role ARNs from (`roleClaims`). */
const ROLES_CLAIM = 'https://rolecall.example/roles';

export interface RoleSpread {
  accounts: number;
  rolesPerAccount: number;
}

export const accountId = (base: number, index: number) => String(base + index).padStart(12, '0');
export const roleName = (index: number) => `Bench-${String(index).padStart(4, '0')}`;

function roleArns(base: number, spread: RoleSpread): string[] {
  const arns: string[] = [];
  for (let account = 0; account < spread.accounts; account++) {
    for (let role = 0; role < spread.rolesPerAccount; role++) {
      arns.push(`arn:aws:iam::${accountId(base, account)}:role/${roleName(role)}`);
    }
  }
  return arns;
}

function person(username: string, description: string, arns: string[]): DemoUser {
  return {
    username,
    description,
    claims: {
      sub: `user-${username}`,
      name: `Bench ${username}`,
      email: `${username}@example.com`,
      email_verified: true,
      groups: [],
      [ROLES_CLAIM]: arns,
    },
  };
}

/** Account ids of the person with many roles start here; those of the sessions person after. */
const MANY_BASE = 100_000_000_000;
const SESSIONS_BASE = 900_000_000_000;

export function benchPeople(many: RoleSpread, sessions: RoleSpread) {
  return {
    many: person('many', 'Benchmark: many roles in the ID token', roleArns(MANY_BASE, many)),
    sessions: person(
      'sessions',
      'Benchmark: many assumable roles',
      roleArns(SESSIONS_BASE, sessions),
    ),
    /** The demo AWS world's extra accounts, whose roles trust the sessions person. */
    accounts: (issuerPlaceholder = '{{idp}}') =>
      Array.from({ length: sessions.accounts }, (_, account) => {
        const id = accountId(SESSIONS_BASE, account);
        return {
          id,
          oidcProviders: [{ url: issuerPlaceholder, clientIds: ['rolecall'] }],
          roles: Array.from({ length: sessions.rolesPerAccount }, (_, role) => ({
            name: roleName(role),
            roleId: `AROABENCH${String(account).padStart(4, '0')}${String(role).padStart(8, '0')}`,
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: {
                    Federated: `arn:aws:iam::${id}:oidc-provider/${issuerPlaceholder}`,
                  },
                  Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
                  Condition: {
                    StringEquals: {
                      [`${issuerPlaceholder}:aud`]: 'rolecall',
                      [`${issuerPlaceholder}:sub`]: 'user-sessions',
                    },
                  },
                },
              ],
            },
          })),
        };
      }),
  };
}
