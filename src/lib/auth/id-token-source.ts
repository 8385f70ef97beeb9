import type { UserManager } from 'oidc-client-ts';
import { ExplainedError } from '../../utils/explained-error';

/** The ID token has expired and the provider wants the person back: they must sign in again. */
export class SignInRequired extends ExplainedError {
  override readonly name = 'SignInRequired';
  constructor(
    readonly expiredAt: number | undefined,
    /** The provider's own answer (login_required, invalid_grant), when it gave one. */
    providerCode = 'IdTokenExpired',
  ) {
    super({
      source: 'auth',
      operation: 'signinSilent',
      code: providerCode,
      title: 'Your sign-in has expired',
      hint: 'It could not be renewed silently. Sign in again.',
      retryable: false,
    });
  }
}

/** Renewal failed for a passing reason (provider unreachable, timeout): trying again may work. */
export class RenewalFailed extends ExplainedError {
  override readonly name = 'RenewalFailed';
  constructor(readonly authority: string) {
    super({
      source: 'auth',
      operation: 'signinSilent',
      code: 'NetworkError',
      title: 'Your identity provider cannot be reached',
      hint: `Rolecall could not renew your sign-in at ${authority}, and needs a fresh one to ask AWS for credentials. Check your network connection, then try again.`,
      retryable: true,
    });
  }
}

/** A failure for want of a usable ID token: a new one (renewed, or signed in again) may cure it. */
export function isSignInFailure(error: unknown): error is SignInRequired | RenewalFailed {
  return error instanceof SignInRequired || error instanceof RenewalFailed;
}

/**
 * When to try renewing again after the provider could not be reached: soon at first, then once a
 * minute, so a short outage is bridged quickly and a long one costs little.
 */
export function renewalRetryDelayMs(failures: number): number {
  const seconds = [10, 20, 30][failures - 1] ?? 60;
  return seconds * 1000;
}

/** Seconds of validity a token must have left to be worth sending to STS. */
const MIN_VALIDITY_SECONDS = 60;

export type IdTokenSource = () => Promise<string>;

/**
 * Hands out an ID token with at least a minute to live, renewing it silently first when it is about
 * to expire (refresh token, or `prompt=none` in a hidden frame). This is the app's only renewal
 * path. Throws {@link SignInRequired} when the provider wants the person back, and
 * {@link RenewalFailed} when it could not be reached.
 */
export function createIdTokenSource(
  userManager: UserManager,
  now: () => number = Date.now,
): IdTokenSource {
  let renewal: Promise<string> | undefined;
  const expiryOf = (exp: unknown) => (typeof exp === 'number' ? exp * 1000 : undefined);
  return async () => {
    const user = await userManager.getUser();
    const expiresAt = expiryOf(user?.profile.exp);
    if (
      user?.id_token &&
      expiresAt !== undefined &&
      expiresAt - now() > MIN_VALIDITY_SECONDS * 1000
    ) {
      return user.id_token;
    }
    // Several sessions may refresh at once: they share one renewal.
    renewal ??= userManager
      .signinSilent()
      .then((renewed) => {
        const renewedExpiry = expiryOf(renewed?.profile.exp);
        // A provider that answers a refresh without a new ID token hands back the old, expired one.
        if (!renewed?.id_token || renewedExpiry === undefined || renewedExpiry <= now()) {
          throw new SignInRequired(expiresAt);
        }
        return renewed.id_token;
      })
      .catch((error: unknown) => {
        if (error instanceof SignInRequired) throw error;
        const providerCode = providerAnswer(error);
        throw providerCode
          ? new SignInRequired(expiresAt, providerCode)
          : new RenewalFailed(userManager.settings.authority);
      })
      .finally(() => {
        renewal = undefined;
      });
    return renewal;
  };
}

/** An OAuth error answer (login_required, invalid_grant…) means the provider wants the person. */
function providerAnswer(error: unknown): string | undefined {
  const code = (error as { error?: unknown } | undefined)?.error;
  return error instanceof Error && error.name === 'ErrorResponse' && typeof code === 'string'
    ? code
    : undefined;
}
