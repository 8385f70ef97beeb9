import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useState,
  type ReactNode,
} from 'react';
import { AuthProvider as OidcAuthProvider, useAuth } from 'react-oidc-context';
import type { User, UserManager, UserManagerSettings } from 'oidc-client-ts';
import { safeReturnTo } from './return-to';

/** How the last sign-out ended: always locally, and at the provider when it could be asked to. */
export type SignOutOutcome =
  | 'provider-ended'
  | 'local-only: provider has no sign-out'
  | 'local-only: provider unreachable'
  | 'local-only: provider sign-out not confirmed';

interface AuthContextValue {
  userManager: UserManager;
  signedOut?: SignOutOutcome;
  setSignedOut: (outcome: SignOutOutcome | undefined) => void;
}

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

/**
 * Provides the signed-in person to the app. Every sign-in and sign-out callback leaves a clean
 * address bar, whatever its outcome: `code` and `state` after a success, `error` and `state`
 * after a failure or a cancel at the provider, `state` after a sign-out.
 */
export function AuthProvider({
  userManager,
  children,
}: {
  userManager: UserManager;
  children: ReactNode;
}) {
  const [signedOut, setSignedOut] = useState<SignOutOutcome>();
  // React keeps each component's previous render (its back buffer) until the next one, and with it
  // the tokens react-oidc-context passed down: two more renders once the user is removed drop them.
  const [, renderAgain] = useReducer((count: number) => count + 1, 0);
  useEffect(
    () =>
      userManager.events.addUserUnloaded(() => {
        renderAgain();
        setTimeout(renderAgain, 0);
      }),
    [userManager],
  );
  const value = useMemo(() => ({ userManager, signedOut, setSignedOut }), [userManager, signedOut]);
  const afterSignOut = useCallback(() => {
    replaceCallbackUrl('/');
    setSignedOut('provider-ended');
  }, []);
  return (
    <AuthContext value={value}>
      <OidcAuthProvider
        userManager={userManager}
        onSigninCallback={replaceSigninCallbackUrl}
        matchSignoutCallback={isSignoutCallback}
        onSignoutCallback={afterSignOut}
      >
        <CleanUrlAfterFailedCallback />
        {children}
      </OidcAuthProvider>
    </AuthContext>
  );
}

/** The app's one UserManager and the sign-out outcome, for the rest of lib/auth. */
export function useAuthContext(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuthContext must be used inside <AuthProvider>');
  return context;
}

/** react-oidc-context calls onSigninCallback only on success: a failed callback is cleaned here. */
function CleanUrlAfterFailedCallback() {
  const { error } = useAuth();
  useEffect(() => {
    if (error?.source === 'signinCallback') {
      // The provider's error answer still carries the state this tab sent, with its return path.
      const state = (error.innerError as { state?: unknown } | undefined)?.state;
      replaceCallbackUrl(safeReturnTo(state));
    } else if (error?.source === 'signoutCallback') {
      replaceCallbackUrl('/');
    }
  }, [error]);
  return null;
}

function replaceSigninCallbackUrl(user: User | undefined): void {
  replaceCallbackUrl(safeReturnTo(user?.state));
}

function replaceCallbackUrl(path: string): void {
  window.history.replaceState(null, document.title, path);
}

function isSignoutCallback(settings: UserManagerSettings): boolean {
  const here = new URL(window.location.href);
  const target = settings.post_logout_redirect_uri;
  return (
    target !== undefined &&
    `${here.origin}${here.pathname}` === target &&
    here.searchParams.has('state') &&
    !here.searchParams.has('code') &&
    !here.searchParams.has('error')
  );
}
