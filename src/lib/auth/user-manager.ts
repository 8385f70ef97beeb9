import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AppConfig } from '../../config/schema';

/**
 * Creates the one OIDC client of the app. Tokens live in memory only: oidc-client-ts keeps the
 * signed-in user in sessionStorage by default, so `userStore` is replaced with an in-memory store.
 * Only the sign-in request state (PKCE code verifier, nonce) must survive the redirect to the
 * provider; it goes to sessionStorage and oidc-client-ts removes it when the callback is processed.
 */
export function createUserManager(
  config: AppConfig,
  origin: string = window.location.origin,
): UserManager {
  const { oidc } = config;
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    response_type: 'code',
    redirect_uri: `${origin}${oidc.redirectPath}`,
    silent_redirect_uri: `${origin}${oidc.redirectPath}`,
    popup_redirect_uri: `${origin}${oidc.redirectPath}`,
    popupWindowTarget: 'rolecall-signin',
    post_logout_redirect_uri: `${origin}${oidc.postLogoutRedirectPath}`,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    staleStateAgeInSeconds: 600,
    // Renewal happens in one place only (id-token-source.ts): two uncoordinated renewals would both
    // spend a rotating refresh token, and the provider then revokes the whole grant.
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    // The session-expiry UI needs the ID token's own claims, not userinfo's.
    filterProtocolClaims: false,
  });
}
