import { createServer, type IncomingMessage, type Server } from 'node:http';
import {
  Events,
  OAuth2Issuer,
  OAuth2Service,
  type MutableRedirectUri,
  type MutableResponse,
  type MutableToken,
  type TokenRequestIncomingMessage,
} from 'oauth2-mock-server';
import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures';
import {
  SECOND_CLIENT_ID,
  secondProviderIssuer,
  secondProviderPort,
  type IssuerKind,
} from './second-provider-issuers';

/** How the provider behaves for one test; each test starts from DEFAULT_SHAPE. */
export interface ProviderShape {
  /** Merged into every ID token; `undefined` removes a claim. */
  claims: Record<string, unknown>;
  idTokenTtlSeconds: number;
  refreshTokens: boolean;
  /** Whether discovery names an end_session_endpoint (Google's does not). */
  endSession: boolean;
  /** Refuse an authorization request without a nonce, as OpenID Connect allows. */
  requireNonce: boolean;
  /** What the person does at the provider. */
  answer: 'sign-in' | 'cancel';
  /** Put another nonce into the ID token than the one asked for. */
  forgeNonce: boolean;
  /** Refuse every refresh: the grant has ended. */
  refuseRefresh: boolean;
}

/** Alice, as the demo accounts' trust policies know her (sub user-alice). */
export const ALICE = {
  sub: 'user-alice',
  name: 'Alice Anders',
  email: 'alice@example.com',
  groups: ['developers'],
};

const DEFAULT_SHAPE: ProviderShape = {
  claims: ALICE,
  idTokenTtlSeconds: 3600,
  refreshTokens: true,
  endSession: true,
  requireNonce: false,
  answer: 'sign-in',
  forgeNonce: false,
  refuseRefresh: false,
};

/** oauth2-mock-server, unchanged, shaped through its own event hooks. */
export class SecondProvider {
  shape: ProviderShape = DEFAULT_SHAPE;
  readonly clientId = SECOND_CLIENT_ID;
  private readonly servers: Server[] = [];

  constructor(
    readonly issuer: string,
    readonly alg: 'RS256' | 'ES256',
    service: OAuth2Service,
  ) {
    service.on(Events.BeforeWellKnownOpenIdConfiguration, (response: MutableResponse) => {
      if (typeof response.body !== 'object') return;
      if (!this.shape.endSession) delete response.body.end_session_endpoint;
      response.body.id_token_signing_alg_values_supported = [alg];
    });
    service.on(
      Events.BeforeAuthorizeRedirect,
      (redirect: MutableRedirectUri, req: IncomingMessage) => {
        const asked = new URL(req.url ?? '/', 'http://localhost').searchParams;
        const refuse = (error: string, description: string) => {
          redirect.url.searchParams.delete('code');
          redirect.url.searchParams.set('error', error);
          redirect.url.searchParams.set('error_description', description);
        };
        if (this.shape.requireNonce && !asked.get('nonce'))
          refuse('invalid_request', 'nonce required');
        else if (this.shape.answer === 'cancel')
          refuse('access_denied', 'The user cancelled the sign-in.');
      },
    );
    service.on(Events.BeforeTokenSigning, (token: MutableToken) => {
      // The ID token is the one without a scope (the access token carries it).
      if ('scope' in token.payload) return;
      for (const [name, value] of Object.entries(this.shape.claims)) {
        if (value === undefined) delete token.payload[name];
        else token.payload[name] = value;
      }
      token.payload.exp = token.payload.iat + this.shape.idTokenTtlSeconds;
      if (this.shape.forgeNonce) token.payload.nonce = 'a-nonce-this-tab-never-sent';
    });
    service.on(
      Events.BeforeResponse,
      (response: MutableResponse, req: TokenRequestIncomingMessage) => {
        if (typeof response.body !== 'object') return;
        if (this.shape.refuseRefresh && req.body.grant_type === 'refresh_token') {
          response.statusCode = 400;
          response.body = { error: 'invalid_grant', error_description: 'The grant has ended.' };
          return;
        }
        if (!this.shape.refreshTokens) delete response.body.refresh_token;
        // The mock answers scope "dummy" when the request names none; a provider keeps the granted one.
        if (response.body.scope === 'dummy') delete response.body.scope;
      },
    );
  }

  /** Shapes this test's provider; what is not named stays as by default. */
  configure(shape: Partial<ProviderShape>): void {
    this.shape = { ...this.shape, ...shape, claims: { ...this.shape.claims, ...shape.claims } };
  }

  reset(): void {
    this.shape = DEFAULT_SHAPE;
  }

  static async start(
    issuer: string,
    port: number,
    alg: 'RS256' | 'ES256',
  ): Promise<SecondProvider> {
    const oauthIssuer = new OAuth2Issuer();
    oauthIssuer.url = issuer;
    await oauthIssuer.keys.generate(alg);
    const service = new OAuth2Service(oauthIssuer);
    const provider = new SecondProvider(issuer, alg, service);
    // Requests for an issuer with a path arrive with it; the mock's routes sit at the root.
    const prefix = new URL(issuer).pathname.replace(/\/+$/, '');
    const handle = (req: IncomingMessage, res: Parameters<typeof service.requestHandler>[1]) => {
      if (prefix && req.url?.startsWith(prefix)) req.url = req.url.slice(prefix.length) || '/';
      service.requestHandler(req, res);
    };
    // Loopback only, on both address families: browsers and Node may pick either for localhost.
    for (const host of ['127.0.0.1', '::1']) {
      const server = createServer(handle);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      }).then(
        () => provider.servers.push(server),
        (error: NodeJS.ErrnoException) => {
          if (host === '127.0.0.1' || error.code !== 'EADDRNOTAVAIL') throw error;
        },
      );
    }
    return provider;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  }
}

type Providers = Record<IssuerKind, SecondProvider>;

/** Playwright fixtures: this worker's three providers, and the page pointed at one of them. */
export const test = base.extend<
  { useProvider: (kind: IssuerKind) => Promise<SecondProvider> },
  { providers: Providers }
>({
  providers: [
    // Playwright requires the object pattern even when a fixture uses no other fixture.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const worker = workerInfo.parallelIndex;
      const start = (kind: IssuerKind, alg: 'RS256' | 'ES256') =>
        SecondProvider.start(
          secondProviderIssuer(worker, kind),
          secondProviderPort(worker, kind),
          alg,
        );
      // RS256 and ES256: the two algorithms AWS accepts that providers use most.
      const providers = {
        plain: await start('plain', 'RS256'),
        path: await start('path', 'ES256'),
        slash: await start('slash', 'RS256'),
      };
      await use(providers);
      await Promise.all(Object.values(providers).map((provider) => provider.stop()));
    },
    { scope: 'worker' },
  ],
  useProvider: async ({ page, providers }, use) => {
    let used: SecondProvider | undefined;
    await use(async (kind) => {
      used = providers[kind];
      await pointAppAt(page, used);
      return used;
    });
    used?.reset();
  },
});

/** The app's config.json names this provider instead of the demo one. */
async function pointAppAt(page: Page, provider: SecondProvider): Promise<void> {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { oidc: Record<string, string> };
    config.oidc = { ...config.oidc, authority: provider.issuer, clientId: provider.clientId };
    await route.fulfill({ response, json: config });
  });
}

/** Signs in at the second provider, which signs the person in without a page of its own. */
export async function signInThere(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText(/^Signed in as/)).toBeVisible();
}

export { expect };
