import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import {
  parsePolicyDocument,
  PolicySyntaxError,
  type PolicyKind,
} from './trust-policy/policy-document.ts';
import { expandTrustedIssuers, type TrustedIssuer } from './trusted-issuers.ts';

/**
 * The demo AWS world (demo/data/aws.json): accounts with their IAM OIDC providers, roles and IAM
 * users. `{{idp}}` and `{{clientId}}` in the file stand for each trusted issuer's IAM provider
 * name (also the prefix of its condition keys, `localhost:5180:sub`) and the app's client ids
 * there (trusted-issuers.ts).
 */
export const DEFAULT_DATA_FILE = fileURLToPath(new URL('../data/aws.json', import.meta.url));

const mfaDeviceSchema = z.object({ serialNumber: z.string(), totpSecretBase32: z.string() });

/** Parsed once at load time, so that a broken demo policy fails at start-up, not mid-class. */
const policySchema = (kind: PolicyKind) =>
  z.unknown().transform((policy, context) => {
    try {
      return parsePolicyDocument(policy, kind);
    } catch (error) {
      if (!(error instanceof PolicySyntaxError)) throw error;
      context.addIssue({ code: 'custom', message: `Invalid ${kind} policy: ${error.message}` });
      return z.NEVER;
    }
  });

/**
 * Identity-based policies of a user or role: what its sessions may do. The demo STS asks them
 * only about the actions it answers itself (sts:DecodeAuthorizationMessage, the EC2 stand-in).
 */
const permissionsPoliciesSchema = z.array(policySchema('identity')).default([]);

const userSchema = z.object({
  userName: z.string(),
  path: z.string().default('/'),
  userId: z.string(),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  mfaDevices: z.array(mfaDeviceSchema).default([]),
  permissionsPolicies: permissionsPoliciesSchema,
});

const roleSchema = z.object({
  name: z.string(),
  path: z.string().default('/'),
  roleId: z.string(),
  maxSessionDuration: z.number().int().min(3600).max(43200).default(3600),
  trustPolicy: policySchema('trust'),
  permissionsPolicies: permissionsPoliciesSchema,
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
 * Parses the world from the JSON text of a data file, or from an already parsed object (tests),
 * written out for the trusted issuers.
 */
export function parseWorld(source: string | object, issuers: readonly TrustedIssuer[]): World {
  const data: unknown = typeof source === 'string' ? JSON.parse(source) : source;
  const parsed = worldSchema.safeParse(expandTrustedIssuers(data, issuers));
  if (!parsed.success) {
    throw new Error(`The demo AWS data is not valid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export async function loadWorld(
  dataFile: string,
  issuers: readonly TrustedIssuer[],
): Promise<World> {
  return parseWorld(await readFile(dataFile, 'utf8'), issuers);
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
