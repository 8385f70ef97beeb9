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

/** Accepts only same-origin paths, so the state round-tripped through the provider cannot redirect elsewhere. */
export function safeReturnTo(state: unknown): string {
  if (typeof state !== 'object' || state === null) return '/';
  const returnTo = (state as Partial<SignInState>).returnTo;
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/') || returnTo.startsWith('//'))
    return '/';
  return returnTo;
}
