import type { UserManager } from 'oidc-client-ts';

/**
 * When this page is the provider's answer inside the sign-in popup or the silent-renewal frame, hands
 * the answer to the Rolecall window that asked and returns true: the app must then not start here.
 */
export async function completeChildWindowSignIn(
  userManager: UserManager,
  redirectPath: string,
): Promise<boolean> {
  if (window.location.pathname !== redirectPath) return false;
  if (window.parent !== window && isOwnOrigin(() => window.parent.location.origin)) {
    await userManager.signinSilentCallback();
    return true;
  }
  // The window name is no help here: browsers clear it on cross-site navigations (to the provider
  // and back). What identifies our popup is an opener on Rolecall's own origin.
  if (window.opener && isOwnOrigin(() => (window.opener as Window).location.origin)) {
    await userManager.signinPopupCallback();
    return true;
  }
  return false;
}

/** Reading another origin's location throws: only our own windows pass. */
function isOwnOrigin(readOrigin: () => string): boolean {
  try {
    return readOrigin() === window.location.origin;
  } catch {
    return false;
  }
}
