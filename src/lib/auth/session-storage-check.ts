/**
 * Whether this tab may use sessionStorage, which carries the sign-in request (its PKCE verifier)
 * across the provider's redirect. Browsers refuse it when site storage is blocked, and some refuse
 * it to a page framed by another site: reading `window.sessionStorage` then throws.
 */
export function sessionStorageUsable(win: Pick<Window, 'sessionStorage'> = window): boolean {
  const probe = 'rolecall.storage-check';
  try {
    win.sessionStorage.setItem(probe, '1');
    win.sessionStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}
