import { useCallback } from 'react';
import { useAuth } from 'react-oidc-context';
import { useUserManager } from './auth-provider';
import { currentReturnTo, type SignInState } from './return-to';

export interface SignedInPerson {
  /** The `sub` claim: stable per person at this provider. */
  subject: string;
  issuer: string;
  name: string;
  email?: string;
  /** When the ID token expires, in epoch milliseconds. */
  idTokenExpiresAt?: number;
  claims: Readonly<Record<string, unknown>>;
}

export interface AuthSession {
  status: 'loading' | 'signed-out' | 'signed-in';
  person?: SignedInPerson;
  /** What went wrong during the last sign-in attempt or callback, if anything. */
  error?: unknown;
  signIn: () => Promise<void>;
  /**
   * Signs in again without leaving the page (a popup), so the sessions held in memory survive.
   * When someone else (another `sub`) signed in, runs `forgetAppState` so that nothing of the
   * previous person stays. Rejects with a readable message when the popup is blocked or closed.
   */
  signInAgain: (forgetAppState: () => void) => Promise<void>;
  /** Forgets every token, runs `forgetAppState` (credentials, traces), then ends the provider session. */
  /** Resolves true while the browser is on its way to the provider's sign-out page. */
  signOut: (forgetAppState: () => void) => Promise<boolean>;
}

export function useAuthSession(redirectPath: string): AuthSession {
  const auth = useAuth();
  const userManager = useUserManager();
  const { user } = auth;

  const signIn = useCallback(async () => {
    const state: SignInState = { returnTo: currentReturnTo(window.location, redirectPath) };
    await auth.signinRedirect({ state });
  }, [auth, redirectPath]);

  const signInAgain = useCallback(
    async (forgetAppState: () => void) => {
      const before = (await userManager.getUser())?.profile.sub;
      // The UserManager itself, not react-oidc-context's wrapper, which swallows the failure.
      let after: string;
      try {
        after = (await userManager.signinPopup({ popupAbortOnClose: true })).profile.sub;
      } catch (error) {
        throw new Error(describePopupFailure(error), { cause: error });
      }
      if (after !== before) forgetAppState();
    },
    [userManager],
  );

  const signOut = useCallback(
    async (forgetAppState: () => void) => {
      // Revoke the refresh token while it is still known, forget the tokens, then end the provider
      // session. No id_token_hint: it would put the ID token in the end-session URL and the
      // provider's logs; the client id identifies the app instead.
      await auth.revokeTokens(['refresh_token']).catch(() => undefined);
      await auth.removeUser();
      forgetSignInRequestState();
      forgetAppState();
      try {
        await auth.signoutRedirect();
        return true;
      } catch {
        // The provider has no end-session endpoint (or cannot be reached): the local sign-out stands.
        return false;
      }
    },
    [auth],
  );

  if (auth.isLoading && !user) return { status: 'loading', signIn, signInAgain, signOut };
  // Signed in for as long as an ID token is held, even an expired one: the sessions it made keep
  // counting down, and the person is asked to sign in again rather than dropped.
  if (!user?.id_token) {
    return { status: 'signed-out', error: auth.error, signIn, signInAgain, signOut };
  }
  const claims = user.profile as Readonly<Record<string, unknown>>;
  const name = stringClaim(claims, 'name') ?? stringClaim(claims, 'email') ?? user.profile.sub;
  return {
    status: 'signed-in',
    person: {
      subject: user.profile.sub,
      issuer: user.profile.iss,
      name,
      email: stringClaim(claims, 'email'),
      idTokenExpiresAt: typeof user.profile.exp === 'number' ? user.profile.exp * 1000 : undefined,
      claims,
    },
    error: auth.error,
    signIn,
    signInAgain,
    signOut,
  };
}

/** Removes every sign-in request state oidc-client-ts keeps (PKCE verifiers of abandoned attempts). */
function forgetSignInRequestState(): void {
  for (const key of Object.keys(window.sessionStorage)) {
    if (key.startsWith('oidc.')) window.sessionStorage.removeItem(key);
  }
}

function describePopupFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/closed/i.test(message))
    return 'The sign-in window was closed before you signed in. Try again.';
  if (/disposed|blocked|open/i.test(message)) {
    return 'Your browser blocked the sign-in window. Allow pop-ups for this site and try again.';
  }
  return `Signing in again did not complete (${message}). Try again.`;
}

function stringClaim(claims: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = claims[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
