// The gateway against the demo STS (over HTTP, with the real SDK inside), as the app uses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE_CLAIMS,
  AUDIT_AUDITOR,
  SANDBOX_DEVELOPER,
  SANDBOX_MISCONFIGURED,
  startHarness,
  type Harness,
} from '../../../demo/sts/test/harness';
import type { StsExchange } from './exchange';
import { createStsGateway } from './sts-gateway';
import { ExplainedError } from '../../utils/explained-error';

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
