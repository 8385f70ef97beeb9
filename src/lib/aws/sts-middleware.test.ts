import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../utils/redact';
import type { StsExchange } from './exchange';
import { recordExchanges } from './sts-middleware';

const ID_TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1c2VyLWFsaWNlIiwiYXVkIjoicm9sZWNhbGwifQ.c2lnbmF0dXJlLWJ5dGVz';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQD+6rG0a3Yb=';

const CREDENTIALS_XML = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <Credentials>
      <AccessKeyId>ASIAQSANDBOXDEV7KQ2E</AccessKeyId>
      <SecretAccessKey>${SECRET_KEY}</SecretAccessKey>
      <SessionToken>${SESSION_TOKEN}</SessionToken>
      <Expiration>2026-01-01T13:00:05Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROAQSANDBOXDEV00001:alice</AssumedRoleId>
      <Arn>arn:aws:sts::111111111111:assumed-role/Developer/alice</Arn>
    </AssumedRoleUser>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`;

const IDENTITY_XML = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:sts::111111111111:assumed-role/Developer/alice</Arn>
    <UserId>AROAQSANDBOXDEV00001:alice</UserId>
    <Account>111111111111</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

/** A client whose "network" answers with `xml`, recording what the middleware records. */
function recordingClient(xml: string, signed: boolean) {
  const exchanges: StsExchange[] = [];
  const client = new STSClient({
    region: 'us-east-1',
    endpoint: 'http://localhost:5190',
    ...(signed
      ? {
          credentials: {
            accessKeyId: 'ASIAQSANDBOXDEV7KQ2E',
            secretAccessKey: SECRET_KEY,
            sessionToken: SESSION_TOKEN,
          },
        }
      : {}),
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: 200,
          headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-1' },
          body: new TextEncoder().encode(xml),
        },
      }),
    },
  });
  let id = 0;
  recordExchanges(client, { action: 'test', nextId: () => (id += 1) }, (exchange) =>
    exchanges.push(exchange),
  );
  return { client, exchanges };
}

/** Every piece of text an exchange holds, as the training view shows it. */
function textsOf(exchange: StsExchange): string[] {
  const lines = (headers: Record<string, string>) =>
    Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [
    exchange.request.url,
    ...lines(exchange.request.headers),
    exchange.request.body,
    ...lines(exchange.response?.headers ?? {}),
    exchange.response?.body ?? '',
  ];
}

describe('recordExchanges', () => {
  it('records an unsigned AssumeRoleWithWebIdentity with the token and credentials redacted', async () => {
    const { client, exchanges } = recordingClient(CREDENTIALS_XML, false);
    const output = await client.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::111111111111:role/Developer',
        RoleSessionName: 'alice',
        WebIdentityToken: ID_TOKEN,
      }),
    );
    // The SDK still parses the real answer.
    expect(output.Credentials?.SecretAccessKey).toBe(SECRET_KEY);
    const recorded = JSON.stringify(exchanges);
    for (const secret of [ID_TOKEN, SECRET_KEY, SESSION_TOKEN]) {
      expect(recorded).not.toContain(secret);
    }
    expect(exchanges[0].request.body).toContain(
      `WebIdentityToken=(redacted: ${ID_TOKEN.length} characters)`,
    );
  });

  it('records a signed call with the session token and signature redacted', async () => {
    const { client, exchanges } = recordingClient(IDENTITY_XML, true);
    await client.send(new GetCallerIdentityCommand({}));
    const headers = exchanges[0].request.headers;
    expect(headers['x-amz-security-token']).toBe(`(redacted: ${SESSION_TOKEN.length} characters)`);
    expect(headers.authorization).toMatch(/Signature=\(redacted: 64 characters\)$/);
    expect(JSON.stringify(exchanges)).not.toContain(SESSION_TOKEN);
  });

  it('records nothing the safety net would still change', async () => {
    const unsigned = recordingClient(CREDENTIALS_XML, false);
    await unsigned.client.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::111111111111:role/Developer',
        RoleSessionName: 'alice',
        WebIdentityToken: ID_TOKEN,
      }),
    );
    const signed = recordingClient(IDENTITY_XML, true);
    await signed.client.send(new GetCallerIdentityCommand({}));
    const texts = [...unsigned.exchanges, ...signed.exchanges].flatMap(textsOf);
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(redactSecrets(text)).toBe(text);
  });
});
