// The gateway against the demo STS (over HTTP, with the real SDK inside), as the app uses it.
import { Sha256 } from '@aws-crypto/sha256-js';
import type * as Sdk from '@aws-sdk/client-sts';
import { getSigningKey } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ALICE_CLAIMS,
  AUDIT_AUDITOR,
  SANDBOX_DEVELOPER,
  SANDBOX_MISCONFIGURED,
  startHarness,
  type Harness,
} from '../../../demo/sts/test/harness';
import type { StsExchange } from './exchange';
import { createStsGateway, StsCallCancelled } from './sts-gateway';
import { ExplainedError } from '../../utils/explained-error';
import type { TemporaryCredentials } from './types';

// Counts the SDK clients the gateway makes.
const made = vi.hoisted(() => ({ clients: 0 }));
vi.mock('@aws-sdk/client-sts', async (importOriginal) => {
  const sdk = await importOriginal<typeof Sdk>();
  class CountedClient extends sdk.STSClient {
    constructor(...args: ConstructorParameters<typeof sdk.STSClient>) {
      super(...args);
      made.clients += 1;
    }
  }
  return { ...sdk, STSClient: CountedClient };
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const gateway = (exchanges: StsExchange[] = []) =>
  createStsGateway(
    { region: 'us-east-1', partition: 'aws', endpoint: h.sts.url },
    { onExchange: (exchange) => exchanges.push(exchange) },
  );

async function assumeDeveloper(sts = gateway()) {
  return sts.assumeRoleWithWebIdentity({
    roleArn: SANDBOX_DEVELOPER,
    roleSessionName: 'alice',
    webIdentityToken: await h.idp.mint(ALICE_CLAIMS),
    durationSeconds: 900,
  });
}

describe('the STS gateway', () => {
  it('trades an ID token for credentials and says who AWS took it for', async () => {
    const session = await assumeDeveloper();
    expect(session.credentials.accessKeyId).toMatch(/^ASIA/);
    expect(session.credentials.expiresAt - Date.now()).toBeGreaterThan(890_000);
    expect(session.assumedRoleArn).toBe('arn:aws:sts::111111111111:assumed-role/Developer/alice');
    expect(session.subject).toBe('user-alice');
    expect(session.audience).toBe('rolecall');
    expect(session.call).toMatchObject({ action: 'AssumeRoleWithWebIdentity' });
    expect(session.call.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('signs GetCallerIdentity and AssumeRole with the credentials it is given (chaining)', async () => {
    const sts = gateway();
    const hub = await assumeDeveloper(sts);
    const { identity } = await sts.getCallerIdentity(hub.credentials);
    expect(identity.arn).toBe(hub.assumedRoleArn);

    const chained = await sts.assumeRole(hub.credentials, {
      roleArn: AUDIT_AUDITOR,
      roleSessionName: 'alice',
      durationSeconds: 900,
      externalId: 'rolecall-demo',
    });
    expect(chained.assumedRoleArn).toBe('arn:aws:sts::333333333333:assumed-role/Auditor/alice');
  });

  it('turns a refusal into an explained STS error with the wire code, the request id and no retry', async () => {
    const refused = await gateway()
      .assumeRoleWithWebIdentity({
        roleArn: SANDBOX_MISCONFIGURED,
        roleSessionName: 'alice',
        webIdentityToken: await h.idp.mint(ALICE_CLAIMS),
        durationSeconds: 900,
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ExplainedError);
    const problem = refused as ExplainedError;
    expect(problem).toMatchObject({
      source: 'sts',
      operation: 'AssumeRoleWithWebIdentity',
      code: 'AccessDenied',
      status: 403,
      retryable: false,
    });
    expect(problem.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says AWS STS could not be reached when nothing answers, and that trying again may help', async () => {
    const unreachable = createStsGateway({
      region: 'us-east-1',
      partition: 'aws',
      endpoint: 'http://127.0.0.1:9',
    });
    const problem = await unreachable
      .assumeRoleWithWebIdentity({
        roleArn: SANDBOX_DEVELOPER,
        roleSessionName: 'alice',
        webIdentityToken: await h.idp.mint(ALICE_CLAIMS),
        durationSeconds: 900,
      })
      .catch((error: unknown) => error);
    expect(problem).toBeInstanceOf(ExplainedError);
    expect(problem as ExplainedError).toMatchObject({
      code: 'NetworkError',
      retryable: true,
    });
  });

  it('records each exchange without the token, keys or signature', async () => {
    const exchanges: StsExchange[] = [];
    const sts = gateway(exchanges);
    const token = await h.idp.mint(ALICE_CLAIMS);
    const hub = await sts.assumeRoleWithWebIdentity({
      roleArn: SANDBOX_DEVELOPER,
      roleSessionName: 'alice',
      webIdentityToken: token,
      durationSeconds: 900,
    });
    await sts.getCallerIdentity(hub.credentials, SANDBOX_DEVELOPER);

    expect(exchanges.map((exchange) => [exchange.action, exchange.response?.status])).toEqual([
      ['AssumeRoleWithWebIdentity', 200],
      ['GetCallerIdentity', 200],
    ]);
    const recorded = JSON.stringify(exchanges);
    for (const secret of [token, hub.credentials.secretAccessKey, hub.credentials.sessionToken]) {
      expect(recorded).not.toContain(secret);
    }
    expect(recorded).not.toMatch(/Signature=[0-9a-f]{64}/);
  });
});

/**
 * How many HMACs the SDK's `getSigningKey` needs for these credentials today: 1 when it still holds
 * their derived signing key in its module-level cache, 5 when it has to derive it.
 */
async function hmacsToSign(credentials: TemporaryCredentials): Promise<number> {
  let hmacs = 0;
  class Counting extends Sha256 {
    constructor(secret?: ConstructorParameters<typeof Sha256>[0]) {
      super(secret);
      hmacs += 1;
    }
  }
  const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  await getSigningKey(Counting, credentials, today, 'us-east-1', 'sts');
  return hmacs;
}

describe('what the gateway keeps, and lets go of', () => {
  it('makes one client for unsigned calls and one per credential set, reused for its calls', async () => {
    const sts = gateway();
    const before = made.clients;
    const hub = await assumeDeveloper(sts);
    await assumeDeveloper(sts);
    await sts.getCallerIdentity(hub.credentials);
    await sts.getCallerIdentity(hub.credentials);
    await sts.assumeRole(hub.credentials, {
      roleArn: AUDIT_AUDITOR,
      roleSessionName: 'alice',
      durationSeconds: 900,
      externalId: 'rolecall-demo',
    });
    expect(made.clients - before).toBe(2);

    sts.forget(hub.credentials);
    await sts.getCallerIdentity(hub.credentials);
    expect(made.clients - before).toBe(3);
  });

  it("forgets a credential set: its client and the SDK's cached signing keys", async () => {
    const sts = gateway();
    const { credentials } = await assumeDeveloper(sts);
    await sts.getCallerIdentity(credentials);
    expect(await hmacsToSign(credentials)).toBe(1);

    sts.forget(credentials);

    expect(await hmacsToSign(credentials)).toBe(5);
  });

  it('forgets every credential set at sign-out', async () => {
    const sts = gateway();
    const sets = [
      (await assumeDeveloper(sts)).credentials,
      (await assumeDeveloper(sts)).credentials,
    ];
    for (const credentials of sets) await sts.getCallerIdentity(credentials);

    sts.forgetAll();

    for (const credentials of sets) expect(await hmacsToSign(credentials)).toBe(5);
  });

  it('gives up on an STS that does not answer in time, saying so, and trying again may help', async () => {
    await h.admin('faults', { latencyMs: 5_000 });
    try {
      const slow = createStsGateway(
        { region: 'us-east-1', partition: 'aws', endpoint: h.sts.url },
        { requestTimeoutMs: 1_000 },
      );
      const started = Date.now();
      const problem = await assumeDeveloper(slow).catch((error: unknown) => error);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(problem).toBeInstanceOf(ExplainedError);
      expect((problem as ExplainedError).title).toBe('AWS STS did not answer within 1 second');
      expect(problem as ExplainedError).toMatchObject({
        operation: 'AssumeRoleWithWebIdentity',
        code: 'RequestTimeout',
        retryable: true,
      });
    } finally {
      await h.admin('reset', {});
    }
  });

  it('stops a slow call at once when the person cancels it, saying it was cancelled', async () => {
    await h.admin('faults', { latencyMs: 5_000 });
    try {
      const cancel = new AbortController();
      const sts = gateway();
      const token = await h.idp.mint(ALICE_CLAIMS);
      const started = Date.now();
      const call = sts
        .assumeRoleWithWebIdentity(
          {
            roleArn: SANDBOX_DEVELOPER,
            roleSessionName: 'alice',
            webIdentityToken: token,
            durationSeconds: 900,
          },
          { signal: cancel.signal },
        )
        .catch((error: unknown) => error);
      setTimeout(() => cancel.abort(), 300);
      const problem = await call;
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(problem).toBeInstanceOf(StsCallCancelled);
    } finally {
      await h.admin('reset', {});
    }
  });
});

describe('a clock set wrong', () => {
  it('says the clocks differ, not "sign in again", when AWS STS is 15 minutes ahead of a 70 s token', async () => {
    await h.admin('faults', { clockOffsetSeconds: 900 });
    try {
      const token = await h.idp.mint({ ...ALICE_CLAIMS, exp: h.idp.nowSeconds() + 70 });
      const problem = await gateway()
        .assumeRoleWithWebIdentity({
          roleArn: SANDBOX_DEVELOPER,
          roleSessionName: 'alice',
          webIdentityToken: token,
          durationSeconds: 900,
        })
        .catch((error: unknown) => error);
      expect(problem).toBeInstanceOf(ExplainedError);
      const { code, title, hint, retryable } = problem as ExplainedError;
      expect({ code, retryable }).toEqual({ code: 'ExpiredTokenException', retryable: false });
      expect(title).toBe("AWS STS's clock is 15 minutes ahead of this computer's");
      expect(hint).toMatch(
        /^By this computer's clock your ID token was valid for another 1 minute/,
      );
      expect(hint).toContain('signing in again would not help');
      expect(hint).toContain("Set the local STS's clock right");
    } finally {
      await h.admin('reset', {});
    }
  });
});

describe('every fault of the demo STS, as the app meets it', () => {
  // What a person gets from each fault, for the unsigned call and for a signed one.
  type Outcome = { ok: true } | { code: string; retryable: boolean };
  const faults: [string, Record<string, unknown>, Outcome][] = [
    [
      '503 Service Unavailable',
      { unavailable: '503' },
      { code: 'ServiceUnavailable', retryable: true },
    ],
    ['connection reset', { unavailable: 'reset' }, { code: 'NetworkError', retryable: true }],
    [
      'no answer within the timeout',
      { latencyMs: 3_000 },
      { code: 'RequestTimeout', retryable: true },
    ],
    ['its clock 900 s ahead', { clockOffsetSeconds: 900 }, { ok: true }],
    ['its clock 900 s behind', { clockOffsetSeconds: -900 }, { ok: true }],
  ];
  const quick = () =>
    createStsGateway(
      { region: 'us-east-1', partition: 'aws', endpoint: h.sts.url },
      { requestTimeoutMs: 2_000 },
    );
  const outcome = (call: Promise<unknown>): Promise<Outcome> =>
    call.then(
      () => ({ ok: true }) as const,
      (error: unknown) =>
        error instanceof ExplainedError
          ? { code: error.code, retryable: error.retryable }
          : { code: `not explained: ${String(error)}`, retryable: false },
    );

  it.each(faults)(
    '%s: AssumeRoleWithWebIdentity and a signed GetCallerIdentity',
    async (_, fault, expected) => {
      const sts = quick();
      const token = await h.idp.mint(ALICE_CLAIMS);
      // An hour, so that STS's clock 15 minutes ahead does not see them expired.
      const hub = await sts.assumeRoleWithWebIdentity({
        roleArn: SANDBOX_DEVELOPER,
        roleSessionName: 'alice',
        webIdentityToken: token,
        durationSeconds: 3600,
      });
      await h.admin('faults', fault);
      try {
        const assumed = sts.assumeRoleWithWebIdentity({
          roleArn: SANDBOX_DEVELOPER,
          roleSessionName: 'alice',
          webIdentityToken: token,
          durationSeconds: 900,
        });
        expect(await outcome(assumed)).toEqual(expected);
        expect(await outcome(sts.getCallerIdentity(hub.credentials))).toEqual(expected);
        if ('ok' in expected) {
          // The credentials' expiry is read by STS's clock: the offset measured turns it into ours.
          const { call } = await sts.getCallerIdentity(hub.credentials);
          expect(Math.round(call.clockOffsetMs / 60_000)).toBe(
            Math.round(Number(fault.clockOffsetSeconds) / 60),
          );
        }
      } finally {
        await h.admin('reset', {});
      }
    },
  );
});

describe('the support calls through the gateway', () => {
  it('names the account of a session key, signed with a session', async () => {
    const sts = gateway();
    const { credentials } = await assumeDeveloper(sts);
    const { account, call } = await sts.getAccessKeyInfo(credentials, credentials.accessKeyId);
    expect(account).toBe('111111111111');
    expect(call.action).toBe('GetAccessKeyInfo');
  });

  it('tells an undecodable message from the catalogue', async () => {
    const sts = gateway();
    const { credentials } = await assumeDeveloper(sts);
    const failure = await sts
      .decodeAuthorizationMessage(credentials, 'not-a-message')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExplainedError);
    expect(failure).toMatchObject({
      code: 'InvalidAuthorizationMessage',
      title: 'This is not an encoded authorization message AWS can read',
    });
  });
});
