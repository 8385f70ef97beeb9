import type { UserManager } from 'oidc-client-ts';

/**
 * When this page is the provider's answer inside the sign-in popup or the silent-renew frame, hands
 * the answer to the main window and returns true: the app must then not start here.
 */
export async function completeChildWindowSignIn(
  userManager: UserManager,
  redirectPath: string,
): Promise<boolean> {
  if (window.location.pathname !== redirectPath) return false;
  if (window.parent !== window) {
    await userManager.signinSilentCallback();
    return true;
  }
  if (window.opener && window.name.startsWith('rolecall-signin')) {
    await userManager.signinPopupCallback();
    return true;
  }
  return false;
}
