import { ExplainedError } from '../../utils/explained-error';

/** Turns what oidc-client-ts throws into words a person can act on. */
export function describeAuthError(error: unknown, authority: string): ExplainedError {
  if (error instanceof ExplainedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // The provider's own OAuth error code, when it answered with one (oidc-client-ts ErrorResponse).
  const providerCode =
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { error?: unknown }).error === 'string'
      ? (error as { error: string }).error
      : undefined;
  // react-oidc-context names the operation that failed (signinCallback, signinRedirect…).
  const operation =
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { source?: unknown }).source === 'string'
      ? (error as { source: string }).source
      : 'signIn';
  const explained = (
    code: string,
    title: string,
    hint: string,
    retryable = false,
  ): ExplainedError =>
    new ExplainedError({ source: 'auth', operation, code, title, hint, retryable, said: message });

  if (providerCode === 'access_denied') {
    return explained(
      providerCode,
      'Sign-in was cancelled',
      'The identity provider did not sign you in. Sign in again when you are ready.',
    );
  }
  if (
    providerCode === 'login_required' ||
    providerCode === 'interaction_required' ||
    providerCode === 'invalid_grant'
  ) {
    return explained(
      providerCode,
      'Your sign-in has expired',
      'Sign in again to get a fresh token.',
    );
  }
  if (providerCode) {
    return explained(
      providerCode,
      'Your identity provider refused the sign-in',
      `It answered "${providerCode}"${message && message !== providerCode ? `: ${message}` : ''}. Sign in again; if it keeps failing, send this message to your administrator.`,
    );
  }
  if (/Failed to fetch|NetworkError|Load failed|timed? ?out/i.test(message)) {
    return explained(
      'NetworkError',
      'Your identity provider could not be reached',
      `Rolecall could not contact ${authority}. Check your network connection, or ask your administrator whether the provider is up, then try again.`,
      true,
    );
  }
  if (/Unexpected token|not valid JSON|JSON\.parse/i.test(message)) {
    return explained(
      'NotOpenIdConnect',
      'The identity provider address does not look like OpenID Connect',
      `${authority}/.well-known/openid-configuration did not answer with a discovery document. Check "oidc.authority" in config.json: it must be the issuer URL of your provider.`,
    );
  }
  if (/No matching state found/i.test(message)) {
    return explained(
      'StateNotFound',
      'This sign-in response has already been used',
      'It did not match a sign-in started in this tab (it may have been used already, or came from another tab). Sign in again.',
    );
  }
  return explained(
    'UnknownError',
    'Sign-in failed',
    `${message}. Sign in again; if it keeps failing, send this message to your administrator.`,
  );
}
