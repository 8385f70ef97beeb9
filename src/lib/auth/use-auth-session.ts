import { useCallback } from 'react';
import { useAuth } from 'react-oidc-context';
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
   * Signs in again without leaving the page (a popup), so the sessions held in memory survive;
   * falls back to a full redirect when the browser blocks the popup.
   */
  signInAgain: () => Promise<void>;
  signOut: () => Promise<void>;
}

export function useAuthSession(redirectPath: string): AuthSession {
  const auth = useAuth();
  const { user } = auth;

  const signIn = useCallback(async () => {
    const state: SignInState = { returnTo: currentReturnTo(window.location, redirectPath) };
    await auth.signinRedirect({ state });
  }, [auth, redirectPath]);

  const signInAgain = useCallback(async () => {
    try {
      await auth.signinPopup();
    } catch (error) {
      if (
        error instanceof Error &&
        /popup/i.test(error.message) &&
        /block|open/i.test(error.message)
      ) {
        await signIn();
        return;
      }
      throw error;
    }
  }, [auth, signIn]);

  const signOut = useCallback(async () => {
    const idToken = user?.id_token;
    await auth.removeUser();
    try {
      await auth.signoutRedirect({ id_token_hint: idToken });
    } catch {
      // The provider has no end-session endpoint (or cannot be reached): the local sign-out stands.
    }
  }, [auth, user]);

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

function stringClaim(claims: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = claims[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
