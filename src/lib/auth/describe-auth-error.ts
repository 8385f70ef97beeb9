export interface AuthProblem {
  title: string;
  detail: string;
}

/** Turns what oidc-client-ts throws into words a person can act on. */
export function describeAuthError(error: unknown, authority: string): AuthProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/Failed to fetch|NetworkError|Load failed|network/i.test(message)) {
    return {
      title: 'Your identity provider could not be reached',
      detail: `Rolecall could not contact ${authority}. Check your network connection, or ask your administrator whether the provider is up, then try again.`,
    };
  }
  if (/No matching state|state/i.test(message)) {
    return {
      title: 'This sign-in link has already been used',
      detail:
        'The sign-in response did not match a sign-in started in this tab (it may have been used already, or the tab was reloaded). Sign in again.',
    };
  }
  if (/access_denied/i.test(message)) {
    return {
      title: 'Sign-in was cancelled',
      detail: 'The identity provider did not sign you in. Sign in again when you are ready.',
    };
  }
  if (/expired|exp/i.test(message) && /token/i.test(message)) {
    return { title: 'Your sign-in has expired', detail: 'Sign in again to get a fresh token.' };
  }
  return {
    title: 'Sign-in failed',
    detail: `${message}. Sign in again; if it keeps failing, send this message to your administrator.`,
  };
}
