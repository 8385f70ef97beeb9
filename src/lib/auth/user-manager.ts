import {
  InMemoryWebStorage,
  UserManager,
  WebStorageStateStore,
  type SigninPopupArgs,
  type SigninRedirectArgs,
  type SigninSilentArgs,
} from 'oidc-client-ts';
import type { AppConfig } from '../../config/schema';

/** 32 random bytes, base64url: unguessable, and short enough for any provider's limits. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * oidc-client-ts sends a nonce only when asked to (and then checks it in the ID token). Some
 * providers refuse a code-flow request without one, as OpenID Connect allows: every authorization
 * request gets a fresh one here, whoever starts it. A refresh-token renewal sends none (it is not
 * an authorization request).
 */
class NonceUserManager extends UserManager {
  override signinRedirect(args: SigninRedirectArgs = {}): Promise<void> {
    return super.signinRedirect({ nonce: newNonce(), ...args });
  }

  override signinPopup(args: SigninPopupArgs = {}) {
    return super.signinPopup({ nonce: newNonce(), ...args });
  }

  override signinSilent(args: SigninSilentArgs = {}) {
    return super.signinSilent({ nonce: newNonce(), ...args });
  }
}

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
  return new NonceUserManager({
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

/**
 * Removes the sign-in request state (PKCE code verifier, nonce) of sign-ins abandoned more than
 * `staleStateAgeInSeconds` ago, at start-up. A sign-in begun within that time, whose callback this
 * very page may be processing, keeps its state.
 */
export function forgetAbandonedSignIns(userManager: UserManager): Promise<void> {
  return userManager.clearStaleState().catch(() => undefined);
}
