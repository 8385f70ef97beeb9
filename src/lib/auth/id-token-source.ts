import type { UserManager } from 'oidc-client-ts';

/** The ID token has expired and could not be renewed without the person: they must sign in again. */
export class SignInRequired extends Error {
  override readonly name = 'SignInRequired';
  constructor(readonly expiredAt: number | undefined) {
    super('Your sign-in has expired and could not be renewed silently');
  }
}

/** Seconds of validity a token must have left to be worth sending to STS. */
const MIN_VALIDITY_SECONDS = 60;

export type IdTokenSource = () => Promise<string>;

/**
 * Hands out an ID token with at least a minute to live, renewing it silently first when it is about
 * to expire (refresh token, or `prompt=none` in a hidden frame). Throws {@link SignInRequired}
 * when the provider wants the person back.
 */
export function createIdTokenSource(
  userManager: UserManager,
  now: () => number = Date.now,
): IdTokenSource {
  let renewal: Promise<string> | undefined;
  return async () => {
    const user = await userManager.getUser();
    const expiresAt = typeof user?.profile.exp === 'number' ? user.profile.exp * 1000 : undefined;
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
        if (!renewed?.id_token) throw new SignInRequired(expiresAt);
        return renewed.id_token;
      })
      .catch((error: unknown) => {
        throw error instanceof SignInRequired ? error : new SignInRequired(expiresAt);
      })
      .finally(() => {
        renewal = undefined;
      });
    return renewal;
  };
}
