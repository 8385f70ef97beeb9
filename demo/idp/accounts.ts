import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Account } from 'oidc-provider';
import { z } from 'zod';

const demoUserSchema = z.object({
  username: z.string().min(1),
  description: z.string(),
  claims: z.looseObject({
    sub: z.string().min(1),
    name: z.string(),
    email: z.string(),
  }),
});

const usersFileSchema = z.object({ users: z.array(demoUserSchema).min(1) });

export type DemoUser = z.infer<typeof demoUserSchema>;

export const defaultUsersFile = fileURLToPath(new URL('../data/users.json', import.meta.url));

export function loadDemoUsers(file: string = defaultUsersFile): DemoUser[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new Error(`Cannot read the demo users from ${file}`, { cause });
  }
  const result = usersFileSchema.safeParse(parsed);
  if (!result.success) {
    throw new Error(`The demo users in ${file} are invalid:\n${z.prettifyError(result.error)}`);
  }
  return result.data.users;
}

export interface Accounts {
  users: DemoUser[];
  /** Every claim name any demo user has, so the provider can announce and release them all. */
  claimNames: string[];
  findByUsername(username: string): DemoUser | undefined;
  findBySubject(sub: string | undefined): DemoUser | undefined;
  findAccount(ctx: unknown, sub: string): Promise<Account | undefined>;
}

export function createAccounts(users: DemoUser[]): Accounts {
  const claimNames = [...new Set(users.flatMap((user) => Object.keys(user.claims)))];

  return {
    users,
    claimNames,
    findByUsername: (username) => users.find((user) => user.username === username),
    findBySubject: (sub) => users.find((user) => user.claims.sub === sub),
    async findAccount(_ctx, sub) {
      const user = users.find((candidate) => candidate.claims.sub === sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => structuredClone(user.claims) };
    },
  };
}
