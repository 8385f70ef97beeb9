import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  type AssumeRoleWithWebIdentityCommandOutput,
} from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { abandonRequest, hangUpMidBody } from '../../shared/raw-http.ts';
import type { CallRecord } from '../calls.ts';
import type { Faults } from '../faults.ts';
import {
  ALICE_CLAIMS,
  failure,
  keysOf,
  SANDBOX_DEVELOPER,
  startHarness,
  type Harness,
} from './harness.ts';

/** Fault switches and the call log, through the admin endpoints, seen by the real SDK. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults: { latencyMs: 0 } });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.admin('reset', {});
});

async function assume(config = {}): Promise<AssumeRoleWithWebIdentityCommandOutput> {
  const command = new AssumeRoleWithWebIdentityCommand({
    RoleArn: SANDBOX_DEVELOPER,
    RoleSessionName: 'alice',
    WebIdentityToken: await h.idp.mint(ALICE_CLAIMS),
  });
  return h.client(config).send(command);
}

const setFaults = (faults: Partial<Faults>) => h.admin('faults', faults) as Promise<Faults>;

describe('admin endpoints', () => {
  it('shows, sets and resets faults', async () => {
    expect(await h.admin('faults')).toEqual({
      latencyMs: 0,
      unavailable: false,
      clockOffsetSeconds: 0,
    });
    expect(await setFaults({ latencyMs: 5, unavailable: '503' })).toEqual({
      latencyMs: 5,
      unavailable: '503',
      clockOffsetSeconds: 0,
    });
    await h.admin('reset', {});
    expect(await h.admin('faults')).toMatchObject({ latencyMs: 0, unavailable: false });
  });

  it('refuses a bad fault setting and an unknown path', async () => {
    const bad = await fetch(`${h.sts.url}/__admin/faults`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: -1 }),
    });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${h.sts.url}/__admin/nothing`);
    expect(unknown.status).toBe(404);
  });

  it('refuses web pages: requests that carry an Origin, and gives them no CORS', async () => {
    const fromPage = await fetch(`${h.sts.url}/__admin/faults`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ unavailable: '503' }),
    });
    expect(fromPage.status).toBe(403);
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();
    expect(await h.admin('faults')).toMatchObject({ unavailable: false });
  });

  it('logs the STS calls served, without secrets', async () => {
    const session = await assume();
    const keys = keysOf(session.Credentials);
    const identity = await h.client({ credentials: keys }).send(new GetCallerIdentityCommand({}));
    const log = (await h.admin('calls')) as { count: number; calls: CallRecord[] };
    expect(log.count).toBe(2);
    expect(log.calls).toEqual([
      expect.objectContaining({
        action: 'AssumeRoleWithWebIdentity',
        roleArn: SANDBOX_DEVELOPER,
        requestId: session.$metadata.requestId,
        status: 200,
      }),
      expect.objectContaining({
        action: 'GetCallerIdentity',
        requestId: identity.$metadata.requestId,
        status: 200,
      }),
    ]);
    expect(log.calls[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const text = JSON.stringify(log);
    for (const secret of [keys.accessKeyId, keys.secretAccessKey, keys.sessionToken ?? '']) {
      expect(text).not.toContain(secret);
    }
    expect(await h.admin('calls/reset', {})).toEqual({ count: 0, calls: [] });
  });

  it('logs failed calls with their error code', async () => {
    await failure(
      h
        .client({ credentials: { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' } })
        .send(new GetCallerIdentityCommand({})),
    );
    const log = (await h.admin('calls')) as { count: number; calls: CallRecord[] };
    expect(log.calls).toEqual([
      expect.objectContaining({
        action: 'GetCallerIdentity',
        status: 403,
        errorCode: 'InvalidClientTokenId',
      }),
    ]);
  });
});

describe('faults', () => {
  it('adds latency', async () => {
    await setFaults({ latencyMs: 150 });
    const started = performance.now();
    await assume();
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('answers 503 ServiceUnavailable when unavailable', async () => {
    await setFaults({ unavailable: '503' });
    const f = await failure(assume());
    expect(f).toMatchObject({
      name: 'ServiceUnavailable',
      status: 503,
      code: 'ServiceUnavailable',
    });
    expect((f.error as { $fault: string }).$fault).toBe('server');
    const log = (await h.admin('calls')) as { calls: CallRecord[] };
    expect(log.calls).toEqual([
      expect.objectContaining({
        action: 'AssumeRoleWithWebIdentity',
        roleArn: SANDBOX_DEVELOPER,
        status: 503,
        errorCode: 'ServiceUnavailable',
      }),
    ]);
  });

  it('drops the connection in reset mode', async () => {
    await setFaults({ unavailable: 'reset' });
    const f = await failure(assume());
    expect(f.status).toBeUndefined();
    expect(f.message).toMatch(/socket hang up|ECONNRESET/);
    const log = (await h.admin('calls')) as { calls: CallRecord[] };
    // Status 0: the call arrived and got no answer.
    expect(log.calls).toEqual([
      expect.objectContaining({ action: 'AssumeRoleWithWebIdentity', status: 0 }),
    ]);
  });

  it('logs a body too large to read, with the action from the query string', async () => {
    const response = await fetch(`${h.sts.url}/?Action=AssumeRoleWithWebIdentity`, {
      method: 'POST',
      body: 'x'.repeat(300 * 1024),
    });
    expect(response.status).toBe(413);
    const log = (await h.admin('calls')) as { calls: CallRecord[] };
    expect(log.calls).toEqual([
      expect.objectContaining({
        action: 'AssumeRoleWithWebIdentity',
        status: 413,
        errorCode: 'RequestEntityTooLarge',
      }),
    ]);
  });

  it('shifts the Date header and expirations with the clock offset', async () => {
    await setFaults({ clockOffsetSeconds: 1200 });
    const response = await fetch(`${h.sts.url}/?Action=GetCallerIdentity&Version=2011-06-15`);
    const offset = Date.parse(response.headers.get('date') ?? '') - Date.now();
    expect(offset).toBeGreaterThan(1195_000);
    expect(offset).toBeLessThan(1205_000);
    const session = await assume();
    const expiresIn = (session.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
    expect(Math.round(expiresIn / 60_000)).toBe(80);
  });

  it('makes signed calls fail as skewed, until the SDK corrects its clock', async () => {
    await setFaults({ clockOffsetSeconds: 1200 });
    const keys = keysOf((await assume()).Credentials);
    const once = await failure(
      h.client({ credentials: keys }).send(new GetCallerIdentityCommand({})),
    );
    expect(once.name).toBe('SignatureDoesNotMatch');
    expect(once.message).toMatch(/^Signature expired/);
    const retrying = h.client({ credentials: keys, maxAttempts: 3 });
    const identity = await retrying.send(new GetCallerIdentityCommand({}));
    expect(identity.$metadata.attempts).toBe(2);
  });
});

describe('the call log under every fault', () => {
  afterEach(() => vi.restoreAllMocks());

  const faults: [string, Partial<Faults>][] = [
    ['503', { unavailable: '503' }],
    ['connection reset', { unavailable: 'reset' }],
    ['latency', { latencyMs: 100 }],
    ['clock +900 s', { clockOffsetSeconds: 900 }],
    ['clock -900 s', { clockOffsetSeconds: -900 }],
  ];

  it.each(faults)(
    'names the action of every call with the %s fault, and logs nothing to the console',
    async (_name, fault) => {
      const keys = keysOf((await assume()).Credentials);
      await h.admin('calls/reset', {});
      const printed = (['log', 'warn', 'error'] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation(() => undefined),
      );
      await setFaults(fault);
      const calls: [string, () => Promise<unknown>][] = [
        ['AssumeRoleWithWebIdentity', () => assume()],
        [
          'GetCallerIdentity',
          () => h.client({ credentials: keys }).send(new GetCallerIdentityCommand({})),
        ],
        ['GetAccessKeyInfo', () => fetch(`${h.sts.url}/?Action=GetAccessKeyInfo&AccessKeyId=x`)],
      ];
      for (const [, call] of calls) await call().catch(() => undefined);
      const expected = calls.map(([action]) => action);
      // A client that gives up before the answer: the call is still logged when it arrives.
      if (fault.latencyMs) {
        await abandonRequest(
          h.sts.url,
          `POST / HTTP/1.1\nHost: localhost:${new URL(h.sts.url).port}`,
          'Action=GetCallerIdentity&Version=2011-06-15',
        );
        expected.push('GetCallerIdentity');
        await expect
          .poll(async () => ((await h.admin('calls')) as { count: number }).count)
          .toBe(expected.length);
      }
      const log = (await h.admin('calls')) as { calls: CallRecord[] };
      expect(log.calls.map((call) => call.action)).toEqual(expected);
      expect(log.calls[0]?.roleArn).toBe(SANDBOX_DEVELOPER);
      expect(printed.flatMap((spy) => spy.mock.calls)).toEqual([]);
    },
  );

  it('lets a client hang up halfway through its body: no call, no failure, nothing printed', async () => {
    const printed = (['log', 'warn', 'error'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    const answer = await hangUpMidBody(
      h.sts.url,
      `POST / HTTP/1.1\nHost: localhost:${new URL(h.sts.url).port}`,
      'Action=GetCallerIdentity',
    );
    // Node itself may answer the half-sent request 400; the STS has nothing to say to it.
    expect(answer).not.toMatch(/^HTTP\/1\.1 5/);
    expect(await h.admin('calls')).toEqual({ count: 0, calls: [] });
    expect(printed.flatMap((spy) => spy.mock.calls)).toEqual([]);
  });
});
