import type { JWK } from 'jose';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { Accounts } from './accounts.ts';
import type { Page } from './html.ts';
import { createMemoryAdapter } from './memory-adapter.ts';
import { renderErrorPage } from './error-page.ts';
import { renderSignedOutPage, renderSignOutPage } from './sign-out-pages.ts';

export const clientId = 'rolecall';

const day = 24 * 60 * 60;

export interface ConfigurationOptions {
  accounts: Accounts;
  /** Origins of the app, e.g. `http://localhost:5173`; each gets `/callback` and `/`. */
  appOrigins: string[];
  signingKey: JWK;
  cookieKeys: string[];
  idTokenTtlSeconds: number;
  accessTokenTtlSeconds: number;
}

function send(ctx: KoaContextWithOIDC, page: Page): void {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', page.contentSecurityPolicy);
  ctx.body = page.html;
}

export function createConfiguration(options: ConfigurationOptions): Configuration {
  const { accounts, appOrigins } = options;
  const appUrl = `${appOrigins[0]}/`;

  return {
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: clientId,
        client_name: 'Rolecall',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: appOrigins.map((origin) => `${origin}/callback`),
        post_logout_redirect_uris: appOrigins.map((origin) => `${origin}/`),
      },
    ],
    jwks: { keys: [options.signingKey] },
    cookies: {
      // Cookies ignore ports: names of our own keep clear of other apps on localhost.
      names: {
        session: 'rolecall_idp_session',
        interaction: 'rolecall_idp_interaction',
        resume: 'rolecall_idp_resume',
      },
      keys: options.cookieKeys,
    },
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    // The demo releases every claim of the user in the ID token and userinfo, whatever the
    // scope: `openid` carries them all, the other scopes exist for apps that ask for them.
    claims: {
      openid: accounts.claimNames,
      profile: ['name'],
      email: ['email', 'email_verified'],
    },
    conformIdTokenClaims: false,
    findAccount: (ctx, sub) => accounts.findAccount(ctx, sub),
    // oidc-provider honours offline_access only with prompt=consent, which would mean a consent
    // screen. The demo client always gets a (rotating) refresh token instead, which dies with
    // the provider session: at sign-out, or after a day.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, origin, client) =>
      (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          const accountId = ctx.oidc.session?.accountId;
          const hint = ctx.oidc.entities.IdTokenHint?.payload;
          const page = renderSignOutPage({
            form,
            person: accounts.findBySubject(accountId),
            // oidc-provider has checked the hint's signature; it must also name this person.
            hintedBySession: hint !== undefined && hint.sub === accountId,
            appUrl,
          });
          send(ctx, page);
        },
        postLogoutSuccessSource: (ctx) => send(ctx, renderSignedOutPage(appUrl)),
      },
      userinfo: { enabled: true },
    },
    renderError(ctx, out) {
      const description = out.error_description ?? 'The request could not be processed.';
      send(ctx, renderErrorPage({ error: out.error, description, appUrl }));
    },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: options.idTokenTtlSeconds,
      Interaction: 10 * 60,
      RefreshToken: day,
      Session: day,
      Grant: day,
    },
  };
}
