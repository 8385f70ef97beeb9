import { BrokerError } from './errors.ts';
import type { TemporaryCredentials } from './login-request.ts';

/**
 * AWS's federation endpoint, as the IAM User Guide describes it ("Enable custom identity broker
 * access to the AWS console"): `getSigninToken` exchanges a session's credentials for a sign-in
 * token, and `Action=login` turns the token into a console sign-in. The credentials travel in a
 * form POST body, never in a URL, so no proxy or access log along the way can record them.
 */
export type Fetch = typeof fetch;

/** AWS: the login URL is valid for 15 minutes after it is created. */
export const LOGIN_URL_LIFETIME_MS = 15 * 60 * 1000;
const TIMEOUT_MS = 10_000;

export interface SigninTokenRequest {
  federationUrl: URL;
  credentials: TemporaryCredentials;
  sessionDurationSeconds?: number;
}

function formBody({ credentials, sessionDurationSeconds }: SigninTokenRequest): URLSearchParams {
  const body = new URLSearchParams({
    Action: 'getSigninToken',
    SessionType: 'json',
    Session: JSON.stringify({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    }),
  });
  if (sessionDurationSeconds !== undefined) {
    body.set('SessionDuration', String(sessionDurationSeconds));
  }
  return body;
}

async function readSigninToken(response: Response): Promise<string | undefined> {
  try {
    const json: unknown = await response.json();
    const token = (json as { SigninToken?: unknown } | null)?.SigninToken;
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}

export async function getSigninToken(fetchFn: Fetch, request: SigninTokenRequest) {
  let response: Response;
  try {
    response = await fetchFn(request.federationUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: formBody(request),
      // A redirect that keeps the method (307/308) would resend the credentials elsewhere.
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new BrokerError(
      'FederationUnreachable',
      "The broker could not reach AWS's sign-in service (no answer in time, or an unexpected redirect). Try again in a minute; if it keeps failing, ask whoever runs the broker to check its network access.",
    );
  }
  if (response.status >= 400 && response.status < 500) {
    await response.body?.cancel();
    throw new BrokerError(
      'SigninRefused',
      `AWS's sign-in service refused these credentials (HTTP ${response.status}). They may have expired or been revoked: renew the session in Rolecall and open the console again.`,
    );
  }
  const token = response.ok ? await readSigninToken(response) : undefined;
  if (token === undefined) {
    await response.body?.cancel().catch(() => undefined);
    throw new BrokerError(
      'FederationError',
      `AWS's sign-in service failed (HTTP ${response.status}) and gave no sign-in token. Try again in a minute.`,
    );
  }
  return token;
}

export interface LoginUrlParts {
  federationUrl: URL;
  /** Where the console sends people whose console session has ended: Rolecall. */
  issuer: string;
  destination: string;
  signinToken: string;
}

export function loginUrl({ federationUrl, issuer, destination, signinToken }: LoginUrlParts) {
  const url = new URL(federationUrl);
  url.search = new URLSearchParams({
    Action: 'login',
    Issuer: issuer,
    Destination: destination,
    SigninToken: signinToken,
  }).toString();
  return url.toString();
}
