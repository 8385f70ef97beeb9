import type { BrokerConfig } from './config.ts';
import { destinationUrl } from './destinations.ts';
import { BrokerError } from './errors.ts';
import { getSigninToken, LOGIN_URL_LIFETIME_MS, loginUrl, type Fetch } from './federation.ts';
import { loggableOrigin, type Log, type LogEntry } from './log.ts';
import { parseLoginRequest } from './login-request.ts';

/**
 * The console broker, independent of how it is hosted (Lambda function URL, CloudFront, the demo's
 * HTTP server): one POST of one session's credentials in, one login URL out. It keeps nothing
 * between requests; the credentials live in this request's memory only.
 */
export interface BrokerRequest {
  method: string;
  /** Header names lower-cased, as Lambda and Node give them. */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

export interface BrokerResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface BrokerDeps {
  fetch: Fetch;
  now: () => number;
  log: Log;
}

/** Generous for a session token (AWS sets no maximum size), small enough to refuse junk early. */
export const MAX_BODY_BYTES = 64 * 1024;
const PREFLIGHT_MAX_AGE_SECONDS = 600;
// x-amz-content-sha256 is what CloudFront's origin access control needs for a POST body.
const ALLOWED_HEADERS = 'content-type, x-amz-content-sha256';

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  Vary: 'Origin',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { status, headers: { ...BASE_HEADERS, ...headers }, body: JSON.stringify(body) };
}

const corsHeaders = (origin: string) => ({ 'Access-Control-Allow-Origin': origin });

function refusal(error: BrokerError, headers: Record<string, string> = {}): BrokerResponse {
  return json(error.status, { error: error.code, message: error.message }, headers);
}

function originNotAllowed(origin: string | undefined): BrokerError {
  return new BrokerError(
    'OriginNotAllowed',
    origin === undefined
      ? 'The console broker answers Rolecall in a browser only, and this request came without an Origin header.'
      : 'The console broker does not answer this web page. Open the console from Rolecall; if this is your Rolecall, add its origin to CONSOLE_BROKER_ALLOWED_ORIGINS.',
  );
}

function preflight(request: BrokerRequest, origin: string): BrokerResponse {
  if (request.headers['access-control-request-method']?.toUpperCase() !== 'POST') {
    throw methodNotAllowed();
  }
  return {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
      'Cache-Control': 'no-store',
      Vary: 'Origin',
    },
    body: '',
  };
}

function methodNotAllowed(): BrokerError {
  return new BrokerError(
    'MethodNotAllowed',
    'The console broker takes one POST with a JSON body (and answers CORS preflights).',
  );
}

function checkBody(request: BrokerRequest): void {
  const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new BrokerError(
      'UnsupportedMediaType',
      'Send the request as JSON, with "Content-Type: application/json".',
    );
  }
  if (Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES) {
    throw new BrokerError(
      'RequestTooLarge',
      `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB: send one session's credentials only.`,
    );
  }
}

async function createLoginUrl(
  request: BrokerRequest,
  origin: string,
  config: BrokerConfig,
  deps: BrokerDeps,
): Promise<{ response: BrokerResponse; entry: Partial<LogEntry> }> {
  checkBody(request);
  const login = parseLoginRequest(request.body, config.partition);
  const destination = destinationUrl(config.partition, login.destination, login.region);
  const signinToken = await getSigninToken(deps.fetch, {
    federationUrl: config.federationUrl,
    credentials: login.credentials,
    sessionDurationSeconds: login.sessionDurationSeconds,
  });
  const body = {
    loginUrl: loginUrl({
      federationUrl: config.federationUrl,
      issuer: `${origin}/`,
      destination,
      signinToken,
    }),
    loginUrlExpiresAt: new Date(deps.now() + LOGIN_URL_LIFETIME_MS).toISOString(),
    destinationUrl: destination,
    sessionDurationSeconds: login.sessionDurationSeconds ?? null,
  };
  const entry = {
    destination: login.destination,
    region: login.region,
    chained: login.chained,
    sessionDurationSeconds: login.sessionDurationSeconds,
  };
  return { response: json(200, body, corsHeaders(origin)), entry };
}

const errorClass = (error: unknown) => (error instanceof Error ? error.name : typeof error);

export async function handleBrokerRequest(
  request: BrokerRequest,
  config: BrokerConfig,
  deps: BrokerDeps,
): Promise<BrokerResponse> {
  const method = request.method.toUpperCase();
  const origin = request.headers.origin;
  const logged = { event: 'console-broker', origin: loggableOrigin(origin) } as const;

  if (origin === undefined || !config.allowedOrigins.has(origin)) {
    const error = originNotAllowed(origin);
    deps.log({ ...logged, status: error.status, outcome: 'refused', code: error.code });
    return refusal(error);
  }
  try {
    if (method === 'OPTIONS') return preflight(request, origin);
    if (method !== 'POST') throw methodNotAllowed();
    const { response, entry } = await createLoginUrl(request, origin, config, deps);
    deps.log({ ...logged, ...entry, status: response.status, outcome: 'login-url' });
    return response;
  } catch (caught) {
    const error =
      caught instanceof BrokerError
        ? caught
        : new BrokerError(
            'InternalError',
            'The console broker failed unexpectedly. Try again; if it keeps failing, ask whoever runs the broker to read its logs.',
          );
    const outcome = error.status >= 500 ? 'failed' : 'refused';
    const errorName = caught instanceof BrokerError ? undefined : errorClass(caught);
    deps.log({ ...logged, status: error.status, outcome, code: error.code, errorName });
    const allow: Record<string, string> = method === 'POST' ? {} : { Allow: 'POST, OPTIONS' };
    return refusal(error, { ...corsHeaders(origin), ...allow });
  }
}
