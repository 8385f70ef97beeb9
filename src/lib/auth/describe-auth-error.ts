import { ExplainedError } from '../../utils/explained-error';

/** What failed underneath the wrappers, and which operation the outermost one names. */
interface Unwrapped {
  cause: unknown;
  operation?: string;
}

/**
 * react-oidc-context hands errors on wrapped, `{ name, message, innerError, source }`: the
 * provider's own answer (an oidc-client-ts ErrorResponse with its OAuth `error` code) is inside.
 */
function unwrap(error: unknown): Unwrapped {
  let cause = error;
  let operation: string | undefined;
  for (let depth = 0; depth < 5 && isRecord(cause) && 'innerError' in cause; depth += 1) {
    if (typeof cause.source === 'string') operation ??= cause.source;
    cause = cause.innerError;
  }
  return { cause, operation };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const stringField = (value: unknown, name: string) =>
  isRecord(value) && typeof value[name] === 'string' ? value[name] : undefined;

/**
 * Turns what oidc-client-ts throws (directly, or wrapped by react-oidc-context) into the cause in
 * plain words and the one next step, keeping the provider's own error code for the support line.
 */
export function describeAuthError(
  error: unknown,
  authority: string,
  operation = 'signIn',
): ExplainedError {
  if (error instanceof ExplainedError) return error;
  const unwrapped = unwrap(error);
  const { cause } = unwrapped;
  const message =
    cause instanceof Error ? cause.message : (stringField(cause, 'message') ?? String(cause));
  // The provider's own OAuth error code, when it answered with one (oidc-client-ts ErrorResponse).
  const providerCode = stringField(cause, 'error');
  const description = stringField(cause, 'error_description');
  const explained = (code: string, title: string, hint: string, retryable = false) =>
    new ExplainedError({
      source: 'auth',
      operation: unwrapped.operation ?? operation,
      code,
      title,
      hint,
      retryable,
      said: message,
    });

  if (providerCode === 'access_denied') {
    return explained(
      providerCode,
      'Sign-in was cancelled',
      `Your identity provider did not sign you in${description ? ` ("${description.replace(/\.+$/, '')}")` : ''}. Sign in when you are ready.`,
    );
  }
  if (
    providerCode === 'login_required' ||
    providerCode === 'interaction_required' ||
    providerCode === 'consent_required' ||
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
  if (/Popup closed/i.test(message)) {
    return explained(
      'PopupClosed',
      'The sign-in window was closed before you signed in',
      'Choose Sign in again and finish signing in in the window that opens.',
    );
  }
  if (/disposed window|Popup blocked|opening popup/i.test(message)) {
    return explained(
      'PopupBlocked',
      'Your browser blocked the sign-in window',
      'Allow pop-ups for this site (the browser shows a blocked-window icon in the address bar), then choose Sign in again.',
    );
  }
  if (/Failed to fetch|NetworkError|Load failed|timed? ?out/i.test(message)) {
    return explained(
      'NetworkError',
      'Your identity provider could not be reached',
      // A request blocked by the site's Content-Security-Policy fails the same way; the CSP notice
      // (features/deployment) names that cause when it is the one.
      `Rolecall could not contact ${authority}. Unless a notice above says this site's Content-Security-Policy blocked it, check your network connection, or ask your administrator whether the provider is up, then try again.`,
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
  if (/nonce/i.test(message)) {
    return explained(
      'NonceMismatch',
      'The sign-in response does not belong to this sign-in',
      "The ID token's nonce differs from the one this tab sent, so Rolecall refused it (it could be a replayed token). Sign in again; if it keeps happening, ask your administrator to check the identity provider.",
    );
  }
  return explained(
    'UnknownError',
    'Sign-in failed',
    `${message}. Sign in again; if it keeps failing, send this message to your administrator.`,
  );
}
