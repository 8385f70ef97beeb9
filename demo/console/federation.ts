import { PARTITIONS } from '../../deploy/console-broker/src/partitions.ts';
import { callerIdentity, CredentialsRefused, type Credentials } from './caller-identity.ts';
import type { ConsoleSession } from './console-sessions.ts';
import type { SigninTokenStore } from './signin-tokens.ts';

/**
 * The demo federation endpoint's two actions, as the IAM User Guide describes AWS's
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html):
 * `getSigninToken` takes `Session` (URL-encoded JSON of the credentials) and an optional
 * `SessionDuration`, and answers `{"SigninToken": …}`; `login` takes the token, `Destination` and
 * `Issuer` and signs the browser in to the console. Credentials count only if the demo STS says
 * they are its own and still valid.
 */
export interface FederationDeps {
  stsUrl: string;
  credentialExpiry: (accessKeyId: string) => number | undefined;
  tokens: SigninTokenStore;
  now: () => number;
}

export type Refusal = { kind: 'refused'; status: number; reason: string };
export type TokenAnswer = { kind: 'token'; signinToken: string } | Refusal;
export type LoginAnswer = { kind: 'signed-in'; session: ConsoleSession; path: string } | Refusal;

const MIN_SESSION_DURATION = 900;
const MAX_SESSION_DURATION = 43200;
const CONSOLE_HOSTS = Object.values(PARTITIONS).map(
  ({ consoleOrigin }) => new URL(consoleOrigin).hostname,
);

const refused = (reason: string, status = 400): Refusal => ({ kind: 'refused', status, reason });

class BadRequest extends Error {}

function parseSession(value: string | null): Credentials {
  let json: unknown;
  try {
    json = JSON.parse(value ?? '');
  } catch {
    throw new BadRequest('Session must be the JSON {"sessionId", "sessionKey", "sessionToken"}.');
  }
  const { sessionId, sessionKey, sessionToken } = (json ?? {}) as Record<string, unknown>;
  if (
    typeof sessionId !== 'string' ||
    typeof sessionKey !== 'string' ||
    !sessionId ||
    !sessionKey
  ) {
    throw new BadRequest(
      'Session needs sessionId (the access key id) and sessionKey (the secret).',
    );
  }
  if (typeof sessionToken !== 'string' || sessionToken === '') {
    throw new BadRequest(
      'Session has no sessionToken: the federation endpoint takes temporary credentials only, not long-term keys.',
    );
  }
  return { accessKeyId: sessionId, secretAccessKey: sessionKey, sessionToken };
}

function parseSessionDuration(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(seconds >= MIN_SESSION_DURATION && seconds <= MAX_SESSION_DURATION)) {
    throw new BadRequest('SessionDuration must be a number of seconds from 900 to 43200.');
  }
  return seconds;
}

export async function getSigninToken(
  params: URLSearchParams,
  deps: FederationDeps,
): Promise<TokenAnswer> {
  let credentials: Credentials;
  let sessionDurationSeconds: number | undefined;
  try {
    credentials = parseSession(params.get('Session'));
    sessionDurationSeconds = parseSessionDuration(params.get('SessionDuration'));
  } catch (error) {
    if (error instanceof BadRequest) return refused(error.message);
    throw error;
  }
  let identity;
  try {
    identity = await callerIdentity(deps.stsUrl, credentials);
  } catch (error) {
    if (error instanceof CredentialsRefused) {
      return refused(`The demo STS refused these credentials: ${error.code}: ${error.message}`);
    }
    return refused('The demo STS did not answer, so the credentials could not be checked.', 503);
  }
  if (identity.arn.includes(':user/')) {
    return refused(
      'These are credentials of an IAM user (long-term keys or GetSessionToken): the console takes role credentials (AssumeRole*) or GetFederationToken credentials.',
    );
  }
  if (sessionDurationSeconds !== undefined && identity.arn.includes(':federated-user/')) {
    return refused('SessionDuration cannot be used with GetFederationToken credentials.');
  }
  const now = deps.now();
  const consoleEndsAt =
    sessionDurationSeconds === undefined
      ? deps.credentialExpiry(credentials.accessKeyId)
      : now + sessionDurationSeconds * 1000;
  if (consoleEndsAt === undefined)
    return refused('The demo STS has no record of these credentials.');
  const grant = { identity, consoleEndsAt, sessionDurationSeconds };
  return { kind: 'token', signinToken: deps.tokens.issue(grant, now) };
}

function consoleDestination(value: string | null): URL | undefined {
  const url = URL.parse(value ?? '');
  const host = url?.hostname ?? '';
  const isConsole = CONSOLE_HOSTS.some(
    (console) => host === console || host.endsWith(`.${console}`),
  );
  return url?.protocol === 'https:' && isConsole ? url : undefined;
}

export function issuerUrl(value: string | null): string | undefined {
  const url = URL.parse(value ?? '');
  return url && ['http:', 'https:'].includes(url.protocol) ? url.toString() : undefined;
}

export function login(
  params: URLSearchParams,
  deps: Pick<FederationDeps, 'tokens' | 'now'>,
): LoginAnswer {
  const destination = consoleDestination(params.get('Destination'));
  // Checked before the token is spent, so that a bad link does not burn a good token.
  if (!destination) return refused('Destination must be an https URL of the AWS console.');
  const now = deps.now();
  const grant = deps.tokens.redeem(params.get('SigninToken') ?? '', now);
  if (!grant) {
    return refused(
      'This sign-in link is no longer valid: a link works once, and for 15 minutes only.',
    );
  }
  const session: ConsoleSession = {
    ...grant,
    destination: destination.toString(),
    issuer: issuerUrl(params.get('Issuer')),
    signedInAt: now,
  };
  return { kind: 'signed-in', session, path: `${destination.pathname}${destination.search}` };
}
