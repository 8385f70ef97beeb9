// Where the second OpenID Connect provider (oauth2-mock-server, e2e/second-provider.ts) listens.
// Each Playwright worker runs its own three instances, so that one test's shaping never reaches
// another's; the demo STS is told to trust all of them (playwright.config.ts, DEMO_EXTRA_ISSUERS).

/** The app's client id at the second provider: not "rolecall", so nothing may assume it. */
export const SECOND_CLIENT_ID = 'rolecall-e2e';

export const E2E_WORKERS = 2;

/** Three issuer shapes: a bare origin, a path (Keycloak's form) and a trailing slash (Auth0's). */
export const ISSUER_KINDS = ['plain', 'path', 'slash'] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];

const basePort = () =>
  Number(process.env.SECOND_IDP_PORT || Number(process.env.IDP_PORT || 5180) + 20);

export function secondProviderPort(worker: number, kind: IssuerKind): number {
  return basePort() + worker * ISSUER_KINDS.length + ISSUER_KINDS.indexOf(kind);
}

export function secondProviderIssuer(worker: number, kind: IssuerKind): string {
  const origin = `http://localhost:${secondProviderPort(worker, kind)}`;
  return kind === 'path' ? `${origin}/realms/x` : kind === 'slash' ? `${origin}/` : origin;
}

/** DEMO_EXTRA_ISSUERS for the demo STS: every worker's issuers, with the client id. */
export function extraIssuersSetting(): string {
  return Array.from({ length: E2E_WORKERS }, (_, worker) =>
    ISSUER_KINDS.map((kind) => `${secondProviderIssuer(worker, kind)}=${SECOND_CLIENT_ID}`),
  )
    .flat()
    .join(',');
}
