import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleBrokerRequest, MAX_BODY_BYTES, type BrokerRequest } from './broker.ts';
import { createBrokerConfig, type BrokerConfig } from './config.ts';
import type { LogEntry } from './log.ts';
import {
  signinTokenAnswer,
  startFakeFederation,
  type FakeFederation,
} from './test/fake-federation.ts';

const ORIGIN = 'https://rolecall.example.com';
const NOW = Date.parse('2026-12-02T10:00:00Z');
const CREDENTIALS = {
  accessKeyId: 'ASIAQBROKERTEST00001',
  secretAccessKey: 'broker/test+secret+key+0123456789abcdefXYZ',
  sessionToken: 'IQoJb3JpZ2luX2VjEBrokerTestSessionToken//+//0123456789==',
};
const SIGNIN_TOKEN = 'signin-token-VCQgs5qZZt3Q6fn8Tr5EXAMPLE';
/** What must never appear in a log line, nor in any refusal. */
const SECRETS = [...Object.values(CREDENTIALS), SIGNIN_TOKEN];

let federation: FakeFederation;
let config: BrokerConfig;
let logs: LogEntry[];

beforeAll(async () => {
  federation = await startFakeFederation();
  config = createBrokerConfig({ allowedOrigins: [ORIGIN], federationUrl: federation.url });
});
afterAll(() => federation.close());
beforeEach(() => {
  federation.requests.length = 0;
  federation.answer = () => signinTokenAnswer(SIGNIN_TOKEN);
  logs = [];
});

function post(body: unknown, headers: Record<string, string> = {}): BrokerRequest {
  return {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

const valid = (overrides: Record<string, unknown> = {}) => ({
  credentials: CREDENTIALS,
  destination: 's3',
  region: 'eu-west-1',
  chained: false,
  ...overrides,
});

async function send(request: BrokerRequest, brokerConfig = config) {
  const response = await handleBrokerRequest(request, brokerConfig, {
    fetch,
    now: () => NOW,
    log: (entry) => logs.push(entry),
  });
  const json =
    response.body === '' ? undefined : (JSON.parse(response.body) as Record<string, unknown>);
  return { ...response, json };
}

describe('a sign-in request from Rolecall', () => {
  it('posts the credentials as a form body and answers the login URL', async () => {
    const response = await send(post(valid()));

    expect(response.status).toBe(200);
    expect(federation.requests).toHaveLength(1);
    const [call] = federation.requests;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('/federation');
    expect(call.contentType).toBe('application/x-www-form-urlencoded');
    expect(call.form.get('Action')).toBe('getSigninToken');
    expect(call.form.get('SessionType')).toBe('json');
    expect(JSON.parse(call.form.get('Session')!)).toEqual({
      sessionId: CREDENTIALS.accessKeyId,
      sessionKey: CREDENTIALS.secretAccessKey,
      sessionToken: CREDENTIALS.sessionToken,
    });
    expect(call.form.has('SessionDuration')).toBe(false);

    const login = new URL(response.json!.loginUrl as string);
    expect(`${login.origin}${login.pathname}`).toBe(federation.url);
    expect([...login.searchParams.keys()]).toEqual([
      'Action',
      'Issuer',
      'Destination',
      'SigninToken',
    ]);
    expect(login.searchParams.get('Action')).toBe('login');
    expect(login.searchParams.get('Issuer')).toBe(`${ORIGIN}/`);
    expect(login.searchParams.get('Destination')).toBe(
      'https://console.aws.amazon.com/s3/home?region=eu-west-1',
    );
    expect(login.searchParams.get('SigninToken')).toBe(SIGNIN_TOKEN);
    expect(response.json).toMatchObject({
      loginUrlExpiresAt: '2026-12-02T10:15:00.000Z',
      destinationUrl: 'https://console.aws.amazon.com/s3/home?region=eu-west-1',
      sessionDurationSeconds: null,
    });
    expect(response.headers).toMatchObject({
      'Access-Control-Allow-Origin': ORIGIN,
      'Cache-Control': 'no-store',
      Vary: 'Origin',
    });
  });

  it('passes SessionDuration when the session is not chained', async () => {
    const response = await send(post(valid({ sessionDurationSeconds: 3600 })));

    expect(response.status).toBe(200);
    expect(federation.requests[0].form.get('SessionDuration')).toBe('3600');
    expect(response.json!.sessionDurationSeconds).toBe(3600);
  });

  it('sends no SessionDuration for chained credentials', async () => {
    const response = await send(post(valid({ chained: true, destination: 'console' })));

    expect(response.status).toBe(200);
    expect(federation.requests[0].form.has('SessionDuration')).toBe(false);
    expect(response.json!.destinationUrl).toBe(
      'https://console.aws.amazon.com/console/home?region=eu-west-1',
    );
  });

  it('logs what was opened, for whom, and nothing of the credentials', async () => {
    await send(post(valid({ sessionDurationSeconds: 1800 })));

    expect(logs).toEqual([
      {
        event: 'console-broker',
        origin: ORIGIN,
        status: 200,
        outcome: 'login-url',
        destination: 's3',
        region: 'eu-west-1',
        chained: false,
        sessionDurationSeconds: 1800,
      },
    ]);
  });

  it('answers a CORS preflight from its origin only', async () => {
    const preflight = (origin: string) =>
      send({
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
        body: '',
      });

    const allowed = await preflight(ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers).toMatchObject({
      'Access-Control-Allow-Origin': ORIGIN,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'content-type, x-amz-content-sha256',
      Vary: 'Origin',
    });
    expect(allowed.headers).not.toHaveProperty('Access-Control-Allow-Credentials');

    const other = await preflight('https://evil.example');
    expect(other.status).toBe(403);
    expect(other.json!.error).toBe('OriginNotAllowed');
    expect(other.headers).not.toHaveProperty('Access-Control-Allow-Origin');
  });
});

interface Refusal {
  name: string;
  request: () => BrokerRequest;
  status: number;
  error: string;
  message?: RegExp;
  /** Refused before the federation endpoint is called (all but its own failures). */
  federationCalled?: boolean;
  answer?: FakeFederation['answer'];
  brokerConfig?: () => BrokerConfig;
}

const json = (body: unknown) => () => post(body);
const withoutToken = {
  accessKeyId: CREDENTIALS.accessKeyId,
  secretAccessKey: CREDENTIALS.secretAccessKey,
};

const REFUSALS: Refusal[] = [
  {
    name: 'a request without Origin',
    request: () => ({ ...post(valid()), headers: { 'content-type': 'application/json' } }),
    status: 403,
    error: 'OriginNotAllowed',
    message: /without an Origin/,
  },
  {
    name: 'another web page',
    request: () => post(valid(), { origin: 'https://rolecall.example.com.evil.example' }),
    status: 403,
    error: 'OriginNotAllowed',
  },
  {
    name: 'a preflight for another method',
    request: () => ({
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'PUT' },
      body: '',
    }),
    status: 405,
    error: 'MethodNotAllowed',
  },
  {
    name: 'a GET',
    request: () => ({ method: 'GET', headers: { origin: ORIGIN }, body: '' }),
    status: 405,
    error: 'MethodNotAllowed',
  },
  {
    name: 'a form post instead of JSON',
    request: () => post(JSON.stringify(valid()), { 'content-type': 'text/plain' }),
    status: 415,
    error: 'UnsupportedMediaType',
  },
  {
    name: 'a body larger than 64 KiB',
    request: json(
      valid({ credentials: { ...CREDENTIALS, sessionToken: 'x'.repeat(MAX_BODY_BYTES) } }),
    ),
    status: 413,
    error: 'RequestTooLarge',
  },
  {
    name: 'a body that is not JSON (quoting the credentials)',
    request: json(`{"credentials": {"secretAccessKey": "${CREDENTIALS.secretAccessKey}"`),
    status: 400,
    error: 'InvalidJson',
  },
  { name: 'a JSON array', request: json([valid()]), status: 400, error: 'InvalidRequest' },
  {
    name: 'an unknown field',
    request: json(valid({ sessionDuration: 3600 })),
    status: 400,
    error: 'InvalidRequest',
    message: /"sessionDuration"/,
  },
  {
    name: 'an unknown field named like a secret',
    request: json({ ...valid(), [CREDENTIALS.secretAccessKey]: true }),
    status: 400,
    error: 'InvalidRequest',
    message: /unexpected name/,
  },
  {
    name: 'missing credentials',
    request: json(valid({ credentials: undefined })),
    status: 400,
    error: 'InvalidCredentials',
  },
  {
    name: 'an extra credential field',
    request: json(valid({ credentials: { ...CREDENTIALS, expiration: '2026-12-02T11:00:00Z' } })),
    status: 400,
    error: 'InvalidRequest',
    message: /"expiration"/,
  },
  {
    name: 'long-term AKIA keys',
    request: json(valid({ credentials: { ...CREDENTIALS, accessKeyId: 'AKIAQBROKERTEST00001' } })),
    status: 400,
    error: 'LongTermCredentials',
    message: /temporary credentials \(ASIA…\)/,
  },
  {
    name: 'long-term AKIA keys without a session token',
    request: json(valid({ credentials: { ...withoutToken, accessKeyId: 'AKIAQBROKERTEST00001' } })),
    status: 400,
    error: 'LongTermCredentials',
  },
  {
    name: 'something that is no access key id',
    request: json(valid({ credentials: { ...CREDENTIALS, accessKeyId: 'AROAQBROKERTEST00001' } })),
    status: 400,
    error: 'InvalidCredentials',
    message: /start with ASIA/,
  },
  {
    name: 'a missing secret',
    request: json(valid({ credentials: { ...CREDENTIALS, secretAccessKey: '' } })),
    status: 400,
    error: 'InvalidCredentials',
  },
  {
    name: 'a missing session token',
    request: json(valid({ credentials: withoutToken })),
    status: 400,
    error: 'InvalidCredentials',
    message: /sessionToken/,
  },
  {
    name: 'an unknown destination',
    request: json(valid({ destination: 'billing' })),
    status: 400,
    error: 'InvalidDestination',
    message: /console, s3, ec2, cloudwatch, iam/,
  },
  {
    name: 'a destination URL',
    request: json(valid({ destination: 'https://evil.example/' })),
    status: 400,
    error: 'InvalidDestination',
  },
  {
    name: 'a region that is no region',
    request: json(valid({ region: 'eu-west' })),
    status: 400,
    error: 'InvalidRegion',
    message: /aws partition, such as eu-west-1/,
  },
  {
    name: 'a region of another partition',
    request: json(valid({ region: 'cn-north-1' })),
    status: 400,
    error: 'InvalidRegion',
  },
  {
    name: 'a GovCloud region in the aws partition',
    request: json(valid({ region: 'us-gov-west-1' })),
    status: 400,
    error: 'InvalidRegion',
  },
  {
    name: 'no word on chaining',
    request: json(valid({ chained: undefined })),
    status: 400,
    error: 'InvalidRequest',
    message: /"chained"/,
  },
  ...[899, 43201, 1800.5, '3600'].map((duration) => ({
    name: `a session duration of ${JSON.stringify(duration)}`,
    request: json(valid({ sessionDurationSeconds: duration })),
    status: 400,
    error: 'InvalidSessionDuration',
  })),
  {
    name: 'a session duration for chained credentials',
    request: json(valid({ chained: true, sessionDurationSeconds: 3600 })),
    status: 400,
    error: 'SessionDurationNotAllowed',
    message: /at most 1 hour/,
  },
  {
    name: 'credentials the federation endpoint refuses',
    request: json(valid()),
    answer: () => ({ status: 400, body: '<html>Bad Request</html>' }),
    federationCalled: true,
    status: 400,
    error: 'SigninRefused',
    message: /HTTP 400.*renew the session/,
  },
  {
    name: 'a federation endpoint failing',
    request: json(valid()),
    answer: () => ({ status: 500, body: 'oops' }),
    federationCalled: true,
    status: 502,
    error: 'FederationError',
  },
  {
    name: 'a federation answer without a sign-in token',
    request: json(valid()),
    answer: () => ({ status: 200, body: '{"Token": "x"}' }),
    federationCalled: true,
    status: 502,
    error: 'FederationError',
  },
  {
    name: 'a federation endpoint that redirects',
    request: json(valid()),
    answer: () => ({ status: 307, headers: { Location: 'https://evil.example/steal' } }),
    federationCalled: true,
    status: 504,
    error: 'FederationUnreachable',
  },
  {
    name: 'an unreachable federation endpoint',
    request: json(valid()),
    brokerConfig: () =>
      createBrokerConfig({
        allowedOrigins: [ORIGIN],
        federationUrl: 'http://127.0.0.1:9/federation',
      }),
    status: 504,
    error: 'FederationUnreachable',
  },
];

function attempt(refusal: Refusal) {
  federation.answer = refusal.answer ?? (() => signinTokenAnswer(SIGNIN_TOKEN));
  return send(refusal.request(), refusal.brokerConfig?.());
}

describe('refuses', () => {
  it.each(REFUSALS)('$name', async (refusal) => {
    const response = await attempt(refusal);

    expect(response.status).toBe(refusal.status);
    expect(response.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(response.json).toEqual({ error: refusal.error, message: expect.any(String) });
    if (refusal.message) expect(response.json!.message).toMatch(refusal.message);
    expect(federation.requests.length > 0).toBe(refusal.federationCalled ?? false);
    for (const secret of SECRETS) expect(response.body).not.toContain(secret);
    expect(logs).toEqual([
      expect.objectContaining({ status: refusal.status, code: refusal.error }),
    ]);
  });

  it('with InternalError when something unexpected breaks, logging only its class', async () => {
    const response = await handleBrokerRequest(post(valid()), config, {
      fetch,
      now: () => {
        throw new TypeError(`clock broken near ${CREDENTIALS.secretAccessKey}`);
      },
      log: (entry) => logs.push(entry),
    });

    expect(response.status).toBe(500);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'InternalError' });
    expect(logs).toEqual([
      expect.objectContaining({ code: 'InternalError', errorName: 'TypeError' }),
    ]);
    expect(JSON.stringify(logs)).not.toContain(CREDENTIALS.secretAccessKey);
  });

  it('with CORS headers for its own origin, so that Rolecall can show why', async () => {
    const response = await send(post(valid({ region: 'mars-1' })));

    expect(response.headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
  });
});

describe('the log', () => {
  it('holds no access key id, secret, session token or sign-in token, whatever happens', async () => {
    await send(post(valid({ sessionDurationSeconds: 900 })));
    for (const refusal of REFUSALS) await attempt(refusal);

    expect(logs).toHaveLength(REFUSALS.length + 1);
    const logged = JSON.stringify(logs);
    for (const secret of SECRETS) expect(logged).not.toContain(secret);
    expect(logged).not.toContain('loginUrl');
    expect(logged).not.toContain('message');
  });
});
