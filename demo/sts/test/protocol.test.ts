import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE_CLAIMS, SANDBOX_DEVELOPER, startHarness, type Harness } from './harness.ts';
import { get, post, signedPost, xmlText } from './raw.ts';

/** The query protocol on the wire: envelopes, headers, GET and POST, CORS, loopback binding. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function webIdentityParams() {
  return {
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: SANDBOX_DEVELOPER,
    RoleSessionName: 'alice',
    WebIdentityToken: await h.idp.mint(ALICE_CLAIMS),
  };
}

describe('answers', () => {
  it('serves AssumeRoleWithWebIdentity from a GET query string, with AWS headers', async () => {
    const answer = await get(h.sts.url, await webIdentityParams());
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/xml');
    const requestId = answer.headers.get('x-amzn-requestid') ?? '';
    expect(requestId).toMatch(UUID);
    expect(xmlText(answer.body, 'RequestId')).toBe(requestId);
    const date = Date.parse(answer.headers.get('date') ?? '');
    expect(Math.abs(date - Date.now())).toBeLessThan(5000);
    expect(xmlText(answer.body, 'Expiration')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(answer.body).toMatch(
      /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\n {2}<AssumeRoleWithWebIdentityResult>\n/,
    );
  });

  it('renders the exact success envelope', async () => {
    const session = await post(h.sts.url, await webIdentityParams());
    const credentials = {
      accessKeyId: xmlText(session.body, 'AccessKeyId') ?? '',
      secretAccessKey: xmlText(session.body, 'SecretAccessKey') ?? '',
      sessionToken: xmlText(session.body, 'SessionToken'),
    };
    const answer = await signedPost(
      h.sts.url,
      { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      { credentials },
    );
    const requestId = answer.headers.get('x-amzn-requestid');
    expect(answer.body).toBe(
      [
        '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
        '  <GetCallerIdentityResult>',
        '    <Arn>arn:aws:sts::111111111111:assumed-role/Developer/alice</Arn>',
        '    <UserId>AROAQSANDBOXDEV00001:alice</UserId>',
        '    <Account>111111111111</Account>',
        '  </GetCallerIdentityResult>',
        '  <ResponseMetadata>',
        `    <RequestId>${requestId}</RequestId>`,
        '  </ResponseMetadata>',
        '</GetCallerIdentityResponse>',
        '',
      ].join('\n'),
    );
  });

  it('renders the exact error envelope for an unknown action', async () => {
    const answer = await post(h.sts.url, { Action: 'Frobnicate', Version: '2011-06-15' });
    expect(answer.status).toBe(400);
    expect(answer.body).toBe(
      [
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
        '  <Error>',
        '    <Type>Sender</Type>',
        '    <Code>InvalidAction</Code>',
        '    <Message>Could not find operation Frobnicate for version 2011-06-15</Message>',
        '  </Error>',
        `  <RequestId>${answer.headers.get('x-amzn-requestid')}</RequestId>`,
        '</ErrorResponse>',
        '',
      ].join('\n'),
    );
  });

  it('needs the 2011-06-15 version and an action', async () => {
    const noVersion = await post(h.sts.url, { Action: 'GetCallerIdentity' });
    expect(xmlText(noVersion.body, 'Message')).toBe(
      'Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED',
    );
    const oldVersion = await post(h.sts.url, {
      Action: 'GetCallerIdentity',
      Version: '2010-01-01',
    });
    expect(xmlText(oldVersion.body, 'Code')).toBe('InvalidAction');
    const noAction = await get(h.sts.url, {});
    expect(noAction.status).toBe(400);
    expect(xmlText(noAction.body, 'Code')).toBe('MissingAction');
  });

  it('names real STS actions it does not emulate', async () => {
    const answer = await post(h.sts.url, { Action: 'AssumeRoleWithSAML', Version: '2011-06-15' });
    expect(answer.status).toBe(400);
    expect(xmlText(answer.body, 'Code')).toBe('InvalidAction');
    expect(xmlText(answer.body, 'Message')).toBe(
      'AssumeRoleWithSAML is not emulated by the local demo STS.',
    );
  });

  it('refuses a body larger than any STS request', async () => {
    const answer = await post(h.sts.url, { Action: 'x', Filler: 'x'.repeat(300 * 1024) });
    expect(answer.status).toBe(413);
  });
});

describe('CORS', () => {
  const origin = 'http://localhost:5173';

  it('answers preflights for the headers the browser SDK sends', async () => {
    const requested =
      'amz-sdk-invocation-id,amz-sdk-request,authorization,content-type,x-amz-date,x-amz-security-token,x-amz-user-agent';
    const response = await fetch(h.sts.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': requested,
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe(requested);
  });

  it('puts CORS headers on answers and errors, exposing Date and x-amzn-RequestId', async () => {
    for (const params of [await webIdentityParams(), { Action: 'Nope', Version: '2011-06-15' }]) {
      const answer = await post(h.sts.url, params, { origin });
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-expose-headers')).toBe('Date, x-amzn-RequestId');
    }
  });
});

describe('binding', () => {
  it('listens on localhost over IPv4 and IPv6', async () => {
    const { port } = new URL(h.sts.url);
    for (const host of ['127.0.0.1', '[::1]', 'localhost']) {
      const response = await fetch(`http://${host}:${port}/__admin/health`);
      expect(response.status, host).toBe(200);
    }
  });
});
