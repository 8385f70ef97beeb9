import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FunctionUrlEvent, FunctionUrlResult } from './handler.ts';
import {
  signinTokenAnswer,
  startFakeFederation,
  type FakeFederation,
} from './test/fake-federation.ts';

const ORIGIN = 'https://rolecall.example.com';
const CREDENTIALS = {
  accessKeyId: 'ASIAQHANDLERTEST0001',
  secretAccessKey: 'handler/test+secret+key+0123456789abcdefXYZ',
  sessionToken: 'IQoJb3JpZ2luX2VjEHandlerTestSessionToken//+//0123456789==',
};
const SIGNIN_TOKEN = 'handler-signin-token-EXAMPLE';

let federation: FakeFederation;

beforeAll(async () => {
  federation = await startFakeFederation();
  federation.answer = () => signinTokenAnswer(SIGNIN_TOKEN);
});
afterAll(() => federation.close());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A fresh copy of the handler module: it reads its configuration once, like a cold start. */
async function coldStart(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  const { handler } = await import('./handler.ts');
  return handler;
}

/** Everything written to standard output and the console while `run` runs. */
async function captureOutput(run: () => Promise<FunctionUrlResult>) {
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(args.map(String).join(' '));
    });
  }
  const result = await run();
  vi.restoreAllMocks();
  return { result, output: written.join('') };
}

const event = (body: unknown, overrides: Partial<FunctionUrlEvent> = {}): FunctionUrlEvent => ({
  headers: { origin: ORIGIN, 'content-type': 'application/json' },
  body: JSON.stringify(body),
  isBase64Encoded: false,
  requestContext: { requestId: 'req-1234', http: { method: 'POST' } },
  ...overrides,
});

const signIn = {
  credentials: CREDENTIALS,
  destination: 'ec2',
  region: 'us-east-1',
  chained: false,
};

describe('the Lambda handler', () => {
  it('answers a function URL event with the login URL, logging one line without secrets', async () => {
    const handler = await coldStart({
      CONSOLE_BROKER_ALLOWED_ORIGINS: ORIGIN,
      CONSOLE_BROKER_FEDERATION_URL: federation.url,
    });

    const { result, output } = await captureOutput(() => handler(event(signIn)));

    expect(result.statusCode).toBe(200);
    expect(result.headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
    const body = JSON.parse(result.body) as { loginUrl: string };
    expect(new URL(body.loginUrl).searchParams.get('SigninToken')).toBe(SIGNIN_TOKEN);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      event: 'console-broker',
      requestId: 'req-1234',
      outcome: 'login-url',
      destination: 'ec2',
    });
    for (const secret of [...Object.values(CREDENTIALS), SIGNIN_TOKEN]) {
      expect(output).not.toContain(secret);
    }
  });

  it('reads a base64-encoded body', async () => {
    const handler = await coldStart({
      CONSOLE_BROKER_ALLOWED_ORIGINS: ORIGIN,
      CONSOLE_BROKER_FEDERATION_URL: federation.url,
    });
    const encoded = Buffer.from(JSON.stringify(signIn)).toString('base64');

    const { result } = await captureOutput(() =>
      handler(event(undefined, { body: encoded, isBase64Encoded: true })),
    );

    expect(result.statusCode).toBe(200);
  });

  it('reports a broken configuration on every request, in plain words', async () => {
    const handler = await coldStart({ CONSOLE_BROKER_ALLOWED_ORIGINS: '' });

    const { result, output } = await captureOutput(() => handler(event(signIn)));

    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toEqual({
      error: 'BrokerMisconfigured',
      message: expect.stringMatching(/not configured correctly/),
    });
    expect(output).toMatch(/CONSOLE_BROKER_ALLOWED_ORIGINS is empty/);
    expect(output).not.toContain(CREDENTIALS.secretAccessKey);
  });
});
