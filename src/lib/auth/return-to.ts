/** Where to land after sign-in: the page (and deep-link query) the person started from. */
export interface SignInState {
  returnTo: string;
}

export function currentReturnTo(
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
  redirectPath: string,
): string {
  if (location.pathname === redirectPath) return '/';
  return `${location.pathname}${location.search}${location.hash}`;
}

/** Accepts only same-origin paths (not `//host` or `/\host`), whatever the stored sign-in state says. */
export function safeReturnTo(state: unknown): string {
  if (typeof state !== 'object' || state === null) return '/';
  const returnTo = (state as Partial<SignInState>).returnTo;
  if (typeof returnTo !== 'string' || !/^\/(?![/\\])/.test(returnTo)) return '/';
  return returnTo;
}
