import type { ReactNode } from 'react';
import { AuthProvider as OidcAuthProvider } from 'react-oidc-context';
import type { User, UserManager } from 'oidc-client-ts';
import { safeReturnTo } from './return-to';

/** Provides the signed-in person to the app and cleans the callback's `code` and `state` from history. */
export function AuthProvider({
  userManager,
  children,
}: {
  userManager: UserManager;
  children: ReactNode;
}) {
  return (
    <OidcAuthProvider userManager={userManager} onSigninCallback={replaceCallbackUrl}>
      {children}
    </OidcAuthProvider>
  );
}

function replaceCallbackUrl(user: User | undefined): void {
  window.history.replaceState(null, document.title, safeReturnTo(user?.state));
}
