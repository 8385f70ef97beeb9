import { useCallback } from 'react';
import { useAuth } from 'react-oidc-context';
import { currentReturnTo, type SignInState } from './return-to';

export interface SignedInPerson {
  /** The `sub` claim: stable per person at this provider. */
  subject: string;
  issuer: string;
  name: string;
  email?: string;
  idToken: string;
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
  signOut: () => Promise<void>;
}

export function useAuthSession(redirectPath: string): AuthSession {
  const auth = useAuth();
  const { user } = auth;

  const signIn = useCallback(async () => {
    const state: SignInState = { returnTo: currentReturnTo(window.location, redirectPath) };
    await auth.signinRedirect({ state });
  }, [auth, redirectPath]);

  const signOut = useCallback(async () => {
    const idToken = user?.id_token;
    await auth.removeUser();
    try {
      await auth.signoutRedirect({ id_token_hint: idToken });
    } catch {
      // The provider has no end-session endpoint (or cannot be reached): the local sign-out stands.
    }
  }, [auth, user]);

  if (auth.isLoading) return { status: 'loading', signIn, signOut };
  const idToken = user?.id_token;
  if (!auth.isAuthenticated || !user || !idToken) {
    return { status: 'signed-out', error: auth.error, signIn, signOut };
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
      idToken,
      idTokenExpiresAt: typeof user.profile.exp === 'number' ? user.profile.exp * 1000 : undefined,
      claims,
    },
    error: auth.error,
    signIn,
    signOut,
  };
}

function stringClaim(claims: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = claims[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
