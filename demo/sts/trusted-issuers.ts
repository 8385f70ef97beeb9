import { listSetting, SettingError, type Env } from '../shared/env.ts';

/**
 * The OpenID Connect issuers the demo accounts trust, and how the data file names them. In
 * demo/data/aws.json `{{idp}}` stands for a trusted issuer's IAM provider name (the issuer without
 * its scheme, e.g. `localhost:5180`) and `{{clientId}}`, as a whole value, for the client ids the
 * app uses there. Every OIDC provider entry and trust-policy statement that uses them is repeated
 * once per trusted issuer, as an IAM administrator registers each provider in the account and
 * names it in each role's trust policy. The demo IdP comes first; more can be added with
 * `extraIssuers` (DEMO_EXTRA_ISSUERS), for a second provider in tests or a classroom's own.
 */
export interface TrustedIssuer {
  issuer: string;
  /** The `aud` (or `azp`) values its tokens may carry: the app's client ids at that provider. */
  clientIds: readonly string[];
}

/** The app's client id at the demo IdP, and the default for an extra issuer. */
export const DEMO_CLIENT_ID = 'rolecall';

const IDP = '{{idp}}';
const CLIENT_ID = '{{clientId}}';

/**
 * `http://localhost:5180` → `localhost:5180`; a path is kept, and so is a trailing slash: IAM
 * matches the token's `iss` exactly, and Auth0 issuers end in "/" (an observed provider
 * `auth-dev.mozilla.auth0.com/` with condition key `auth-dev.mozilla.auth0.com/:aud`:
 * https://gist.github.com/gene1wood/54611c45a3298504f8e33d95e317ae5c).
 */
export function issuerHostAndPath(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const usesPlaceholder = (value: unknown): boolean => {
  const text = JSON.stringify(value);
  return text.includes(IDP) || text.includes(CLIENT_ID);
};

function substitute(value: unknown, trusted: TrustedIssuer): unknown {
  const name = issuerHostAndPath(trusted.issuer);
  const resolve = (item: unknown): unknown =>
    item === CLIENT_ID ? [...trusted.clientIds] : substitute(item, trusted);
  if (typeof value === 'string') return value.replaceAll(IDP, name);
  if (Array.isArray(value)) {
    return value.flatMap((item): unknown[] =>
      item === CLIENT_ID ? [...trusted.clientIds] : [resolve(item)],
    );
  }
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key.replaceAll(IDP, name), resolve(item)]),
  );
}

const perIssuer = (items: unknown[], issuers: readonly TrustedIssuer[]) =>
  items.flatMap((item) =>
    usesPlaceholder(item) ? issuers.map((trusted) => substitute(item, trusted)) : [item],
  );

function expandRole(role: unknown, issuers: readonly TrustedIssuer[]): unknown {
  if (!isRecord(role) || !isRecord(role.trustPolicy)) return role;
  const { Statement } = role.trustPolicy;
  if (Statement === undefined) return role;
  const statements = Array.isArray(Statement) ? Statement : [Statement];
  return {
    ...role,
    trustPolicy: { ...role.trustPolicy, Statement: perIssuer(statements, issuers) },
  };
}

function expandAccount(account: unknown, issuers: readonly TrustedIssuer[]): unknown {
  if (!isRecord(account)) return account;
  const { oidcProviders, roles } = account;
  return {
    ...account,
    ...(Array.isArray(oidcProviders) && { oidcProviders: perIssuer(oidcProviders, issuers) }),
    ...(Array.isArray(roles) && { roles: roles.map((role) => expandRole(role, issuers)) }),
  };
}

/** The raw data file with its providers and statements written out for every trusted issuer. */
export function expandTrustedIssuers(data: unknown, issuers: readonly TrustedIssuer[]): unknown {
  if (!isRecord(data) || !Array.isArray(data.accounts)) return data;
  return { ...data, accounts: data.accounts.map((account) => expandAccount(account, issuers)) };
}

/** One entry per IAM provider name, client ids merged, in the order first given. */
export function mergeTrustedIssuers(issuers: readonly TrustedIssuer[]): TrustedIssuer[] {
  const merged = new Map<string, TrustedIssuer>();
  for (const { issuer, clientIds } of issuers) {
    const name = issuerHostAndPath(issuer);
    const known = merged.get(name);
    const ids = [...new Set([...(known?.clientIds ?? []), ...clientIds])];
    merged.set(name, { issuer: known?.issuer ?? issuer, clientIds: ids });
  }
  return [...merged.values()];
}

function checkIssuerUrl(issuer: string, variable: string): void {
  const url = URL.parse(issuer);
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new SettingError(
      `${variable}: "${issuer}" is not an issuer URL (http or https, no query or fragment).`,
    );
  }
}

/**
 * DEMO_EXTRA_ISSUERS: comma-separated `<issuer>` or `<issuer>=<client id>` entries; the client id
 * defaults to `rolecall`, and an issuer given twice with two client ids accepts both, e.g.
 * `DEMO_EXTRA_ISSUERS=http://localhost:5300/=rolecall,https://idp.example.com/realms/x=rolecall`.
 */
export function extraIssuersFromEnv(env: Env, variable = 'DEMO_EXTRA_ISSUERS'): TrustedIssuer[] {
  const issuers = (listSetting(env, variable) ?? []).map((entry) => {
    const separator = entry.indexOf('=');
    const issuer = separator < 0 ? entry : entry.slice(0, separator).trim();
    const clientId = separator < 0 ? DEMO_CLIENT_ID : entry.slice(separator + 1).trim();
    checkIssuerUrl(issuer, variable);
    if (clientId === '') throw new SettingError(`${variable}: "${entry}" names no client id.`);
    return { issuer, clientIds: [clientId] };
  });
  return mergeTrustedIssuers(issuers);
}
