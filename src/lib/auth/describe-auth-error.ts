export interface AuthProblem {
  title: string;
  detail: string;
}

/** Turns what oidc-client-ts throws into words a person can act on. */
export function describeAuthError(error: unknown, authority: string): AuthProblem {
  const message = error instanceof Error ? error.message : String(error);
  // The provider's own OAuth error code, when it answered with one (oidc-client-ts ErrorResponse).
  const code =
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { error?: unknown }).error === 'string'
      ? (error as { error: string }).error
      : undefined;

  if (code === 'access_denied') {
    return {
      title: 'Sign-in was cancelled',
      detail: 'The identity provider did not sign you in. Sign in again when you are ready.',
    };
  }
  if (code === 'login_required' || code === 'interaction_required' || code === 'invalid_grant') {
    return { title: 'Your sign-in has expired', detail: 'Sign in again to get a fresh token.' };
  }
  if (code) {
    return {
      title: 'Your identity provider refused the sign-in',
      detail: `It answered "${code}"${message && message !== code ? `: ${message}` : ''}. Sign in again; if it keeps failing, send this message to your administrator.`,
    };
  }
  if (/Failed to fetch|NetworkError|Load failed|timed? ?out/i.test(message)) {
    return {
      title: 'Your identity provider could not be reached',
      // A request blocked by the site's Content-Security-Policy fails the same way; the CSP notice
      // (features/deployment) names that cause when it is the one.
      detail: `Rolecall could not contact ${authority}. Unless a notice above says this site's Content-Security-Policy blocked it, check your network connection, or ask your administrator whether the provider is up, then try again.`,
    };
  }
  if (/Unexpected token|not valid JSON|JSON\.parse/i.test(message)) {
    return {
      title: 'The identity provider address does not look like OpenID Connect',
      detail: `${authority}/.well-known/openid-configuration did not answer with a discovery document. Check "oidc.authority" in config.json: it must be the issuer URL of your provider.`,
    };
  }
  if (/No matching state found/i.test(message)) {
    return {
      title: 'This sign-in response has already been used',
      detail:
        'It did not match a sign-in started in this tab (it may have been used already, or came from another tab). Sign in again.',
    };
  }
  return {
    title: 'Sign-in failed',
    detail: `${message}. Sign in again; if it keeps failing, send this message to your administrator.`,
  };
}
