import { createContext, useContext, type ReactNode } from 'react';
import { AuthProvider as OidcAuthProvider } from 'react-oidc-context';
import type { User, UserManager, UserManagerSettings } from 'oidc-client-ts';
import { safeReturnTo } from './return-to';

/**
 * Provides the signed-in person to the app. Cleans the sign-in callback's `code` and `state`, and
 * the sign-out callback's `state`, from the address bar and history.
 */
export function AuthProvider({
  userManager,
  children,
}: {
  userManager: UserManager;
  children: ReactNode;
}) {
  return (
    <UserManagerContext value={userManager}>
      <OidcAuthProvider
        userManager={userManager}
        onSigninCallback={replaceSigninCallbackUrl}
        matchSignoutCallback={isSignoutCallback}
        onSignoutCallback={replaceSignoutCallbackUrl}
      >
        {children}
      </OidcAuthProvider>
    </UserManagerContext>
  );
}

const UserManagerContext = createContext<UserManager | undefined>(undefined);

/** The app's one UserManager, for the operations lib/auth runs on it directly. */
export function useUserManager(): UserManager {
  const userManager = useContext(UserManagerContext);
  if (!userManager) throw new Error('useUserManager must be used inside <AuthProvider>');
  return userManager;
}

function replaceSigninCallbackUrl(user: User | undefined): void {
  window.history.replaceState(null, document.title, safeReturnTo(user?.state));
}

function isSignoutCallback(settings: UserManagerSettings): boolean {
  const here = new URL(window.location.href);
  const target = settings.post_logout_redirect_uri;
  return (
    target !== undefined &&
    `${here.origin}${here.pathname}` === target &&
    here.searchParams.has('state') &&
    !here.searchParams.has('code')
  );
}

function replaceSignoutCallbackUrl(): void {
  window.history.replaceState(null, document.title, '/');
}
