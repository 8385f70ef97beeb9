import { useCallback, useMemo } from 'react';
import { useAuth } from 'react-oidc-context';
import { stringClaim, type Claims } from '../../utils/claims';
import type { ExplainedError } from '../../utils/explained-error';
import { useAuthContext, type SignOutOutcome } from './auth-provider';
import { describeAuthError } from './describe-auth-error';
import { currentReturnTo, type SignInState } from './return-to';

export interface SignedInPerson {
  /** The `sub` claim: stable per person at this provider. */
  subject: string;
  issuer: string;
  name: string;
  email?: string;
  /** When the ID token expires, in epoch milliseconds. */
  idTokenExpiresAt?: number;
  claims: Claims;
}

export interface AuthSession {
  status: 'loading' | 'signed-out' | 'signed-in';
  person?: SignedInPerson;
  /** Why the last sign-in callback failed (a cancel at the provider included), explained. */
  error?: ExplainedError;
  /** Set once the person signed out in this tab: whether the provider's session ended too. */
  signedOut?: SignOutOutcome;
  /** Sends the browser to the provider. Rejects with an ExplainedError when it cannot. */
  signIn: () => Promise<void>;
  /**
   * Signs in again without leaving the page (a popup), so the sessions held in memory survive.
   * When someone else (another `sub`) signed in, runs `forgetAppState` so that nothing of the
   * previous person stays. Rejects with an ExplainedError (a blocked or closed popup, say).
   */
  signInAgain: (forgetAppState: () => void) => Promise<void>;
  /**
   * Forgets every token, runs `forgetAppState` (credentials, traces), then ends the provider
   * session when the provider lets apps do that. On the way to the provider's sign-out page it
   * does not resolve (the page leaves); when it resolves, the sign-out is complete locally only.
   */
  signOut: (forgetAppState: () => void) => Promise<SignOutOutcome>;
}

/** How long the provider's sign-out page may take to replace Rolecall's before it is said not to. */
export const PROVIDER_SIGN_OUT_PAGE_WAIT_MS = 8_000;

/**
 * The signed-in person and the sign-in operations. Each operation calls the UserManager itself:
 * react-oidc-context's wrappers catch every failure and resolve null, which would leave the person
 * with nothing on screen.
 */
export function useAuthSession(redirectPath: string): AuthSession {
  const auth = useAuth();
  const { userManager, signedOut, setSignedOut } = useAuthContext();
  const { user } = auth;
  const authority = userManager.settings.authority;

  const signIn = useCallback(async () => {
    setSignedOut(undefined);
    const state: SignInState = { returnTo: currentReturnTo(window.location, redirectPath) };
    try {
      await userManager.signinRedirect({ state });
    } catch (error) {
      throw describeAuthError(error, authority, 'signinRedirect');
    }
  }, [userManager, authority, redirectPath, setSignedOut]);

  const signInAgain = useCallback(
    async (forgetAppState: () => void) => {
      // Read before the popup opens; the popup must open straight from the click.
      const before = userManager.getUser();
      let after: string;
      try {
        after = (await userManager.signinPopup({ popupAbortOnClose: true })).profile.sub;
      } catch (error) {
        throw describeAuthError(error, authority, 'signinPopup');
      }
      if (after !== (await before)?.profile.sub) forgetAppState();
    },
    [userManager, authority],
  );

  const signOut = useCallback(
    async (forgetAppState: () => void) => {
      const endSession = await userManager.metadataService.getEndSessionEndpoint().then(
        (url) => (url ? 'supported' : 'unsupported'),
        () => 'unreachable' as const,
      );
      // Revoke the refresh token while it is still known (where the provider can), then forget
      // everything. No id_token_hint: it would put the ID token in the end-session URL and the
      // provider's logs; the client id identifies the app instead.
      await userManager.revokeTokens(['refresh_token']).catch(() => undefined);
      await userManager.removeUser();
      forgetSignInRequestState();
      forgetAppState();
      let outcome: SignOutOutcome =
        endSession === 'unsupported'
          ? 'local-only: provider has no sign-out'
          : 'local-only: provider unreachable';
      if (endSession === 'supported') {
        let wait: ReturnType<typeof setTimeout> | undefined;
        try {
          // A state, so that the provider's redirect back is recognised as the end of sign-out.
          // The promise settles only if this page is still here: the provider answered without a
          // page to go to (a 204, say), is too slow, or the person came back before it finished.
          await Promise.race([
            userManager.signoutRedirect({ state: { signedOut: true } }),
            new Promise((resolve) => (wait = setTimeout(resolve, PROVIDER_SIGN_OUT_PAGE_WAIT_MS))),
          ]);
          outcome = 'local-only: provider sign-out not confirmed';
        } catch {
          // The local sign-out stands.
        } finally {
          clearTimeout(wait);
        }
      }
      setSignedOut(outcome);
      return outcome;
    },
    [userManager, setSignedOut],
  );

  const callbackError = auth.error;
  const error = useMemo(
    () =>
      callbackError?.source === 'signinCallback' || callbackError?.source === 'signoutCallback'
        ? describeAuthError(callbackError, authority)
        : undefined,
    [callbackError, authority],
  );

  const operations = { signIn, signInAgain, signOut };
  if (auth.isLoading && !user) return { status: 'loading', ...operations };
  // Signed in for as long as an ID token is held, even an expired one: the sessions it made keep
  // counting down, and the person is asked to sign in again rather than dropped.
  if (!user?.id_token) return { status: 'signed-out', error, signedOut, ...operations };
  const claims = user.profile as Claims;
  return {
    status: 'signed-in',
    person: {
      subject: user.profile.sub,
      issuer: user.profile.iss,
      name: stringClaim(claims, 'name') ?? stringClaim(claims, 'email') ?? user.profile.sub,
      email: stringClaim(claims, 'email'),
      idTokenExpiresAt: typeof user.profile.exp === 'number' ? user.profile.exp * 1000 : undefined,
      claims,
    },
    ...operations,
  };
}

/** Removes every sign-in request state oidc-client-ts keeps (PKCE verifiers of abandoned attempts). */
function forgetSignInRequestState(): void {
  for (const key of Object.keys(window.sessionStorage)) {
    if (key.startsWith('oidc.')) window.sessionStorage.removeItem(key);
  }
}
