import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { parsePolicyDocument, PolicySyntaxError } from './trust-policy/policy-document.ts';

/**
 * The demo AWS world (demo/data/aws.json): accounts with their IAM OIDC providers, roles and IAM
 * users. `{{idp}}` in the file stands for the demo issuer without its scheme, which is also the IAM
 * name of its OIDC provider and the prefix of its condition keys (`localhost:5180:sub`).
 */
export const DEFAULT_DATA_FILE = fileURLToPath(new URL('../data/aws.json', import.meta.url));

const mfaDeviceSchema = z.object({ serialNumber: z.string(), totpSecretBase32: z.string() });

const userSchema = z.object({
  userName: z.string(),
  path: z.string().default('/'),
  userId: z.string(),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  mfaDevices: z.array(mfaDeviceSchema).default([]),
});

const roleSchema = z.object({
  name: z.string(),
  path: z.string().default('/'),
  roleId: z.string(),
  maxSessionDuration: z.number().int().min(3600).max(43200).default(3600),
  // Parsed once at load time, so that a broken demo policy fails at start-up, not mid-class.
  trustPolicy: z.unknown().transform((policy, context) => {
    try {
      return parsePolicyDocument(policy, 'trust');
    } catch (error) {
      if (!(error instanceof PolicySyntaxError)) throw error;
      context.addIssue({ code: 'custom', message: `Invalid trust policy: ${error.message}` });
      return z.NEVER;
    }
  }),
});

const accountSchema = z.object({
  id: z.string().regex(/^\d{12}$/),
  alias: z.string().optional(),
  oidcProviders: z.array(z.object({ url: z.string(), clientIds: z.array(z.string()) })).default([]),
  roles: z.array(roleSchema).default([]),
  users: z.array(userSchema).default([]),
});

const worldSchema = z.object({ accounts: z.array(accountSchema) });

export type World = z.output<typeof worldSchema>;
export type Account = World['accounts'][number];
export type Role = Account['roles'][number];
export type IamUser = Account['users'][number];
export type OidcProvider = Account['oidcProviders'][number];
export type MfaDevice = IamUser['mfaDevices'][number];

/**
 * `http://localhost:5180` → `localhost:5180`; a path is kept, and so is a trailing slash: IAM
 * matches the token's `iss` exactly (Auth0 issuers end in "/", and so do their provider names).
 */
export function issuerHostAndPath(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '');
}

/**
 * Parses the world from the JSON text of a data file, or from an already parsed object (tests),
 * with `{{idp}}` replaced everywhere.
 */
export function parseWorld(source: string | object, issuer: string): World {
  const text = typeof source === 'string' ? source : JSON.stringify(source);
  const resolved = text.replaceAll('{{idp}}', issuerHostAndPath(issuer));
  const parsed = worldSchema.safeParse(JSON.parse(resolved));
  if (!parsed.success) {
    throw new Error(`The demo AWS data is not valid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export async function loadWorld(dataFile: string, issuer: string): Promise<World> {
  return parseWorld(await readFile(dataFile, 'utf8'), issuer);
}

export const findAccount = (world: World, accountId: string) =>
  world.accounts.find((account) => account.id === accountId);

export function findUserByAccessKey(world: World, accessKeyId: string) {
  for (const account of world.accounts) {
    const user = account.users.find((candidate) => candidate.accessKeyId === accessKeyId);
    if (user) return { account, user };
  }
  return undefined;
}
