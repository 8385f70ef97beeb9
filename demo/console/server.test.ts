import {
  AssumeRoleWithWebIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../deploy/console-broker/src/log.ts';
import {
  ALICE_CLAIMS,
  keysOf,
  SANDBOX_DEVELOPER,
  startHarness,
  TRAINER,
  type Harness,
} from '../sts/test/harness.ts';
import { startConsoleBroker, type RunningConsoleBroker } from './broker-server.ts';
import { startDemoConsole, type RunningDemoConsole } from './server.ts';

const APP_ORIGIN = 'http://localhost:5173';
const DEVELOPER_ARN = 'arn:aws:sts::111111111111:assumed-role/Developer/alice';

/** One clock for the STS and the demo console, moved by hand. */
let clock = Date.now();
let h: Harness;
let demo: RunningDemoConsole;
let broker: RunningConsoleBroker;
let brokerLog: LogEntry[] = [];

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

beforeAll(async () => {
  h = await startHarness({ now: () => clock });
  demo = await startDemoConsole({
    port: 0,
    stsUrl: h.sts.url,
    credentialExpiry: h.sts.credentialExpiry,
    now: () => clock,
  });
  broker = await startConsoleBroker({
    port: 0,
    allowedOrigins: [APP_ORIGIN],
    federationUrl: demo.federationUrl,
    log: (entry) => brokerLog.push(entry),
  });
});
afterAll(async () => {
  await broker.close();
  await demo.close();
  await h.close();
});
beforeEach(() => {
  clock = Date.now();
  brokerLog = [];
});

const client = (credentials?: Partial<Keys>) =>
  h.client({ credentials: credentials as Keys, systemClockOffset: clock - Date.now() });

async function webSession(durationSeconds = 3600): Promise<Keys> {
  const command = new AssumeRoleWithWebIdentityCommand({
    RoleArn: SANDBOX_DEVELOPER,
    RoleSessionName: 'alice',
    WebIdentityToken: await h.idp.mint(ALICE_CLAIMS),
    DurationSeconds: durationSeconds,
  });
  const keys = keysOf((await client().send(command)).Credentials);
  return { ...keys, sessionToken: keys.sessionToken ?? '' };
}

async function askBroker(body: Record<string, unknown>) {
  const response = await fetch(broker.url, {
    method: 'POST',
    headers: { Origin: APP_ORIGIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ destination: 's3', region: 'eu-west-1', chained: false, ...body }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, string> };
}

async function getSigninToken(session: Record<string, string>, extra: Record<string, string> = {}) {
  const response = await fetch(demo.federationUrl, {
    method: 'POST',
    body: new URLSearchParams({
      Action: 'getSigninToken',
      Session: JSON.stringify(session),
      ...extra,
    }),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const sessionOf = (keys: Keys) => ({
  sessionId: keys.accessKeyId,
  sessionKey: keys.secretAccessKey,
  sessionToken: keys.sessionToken,
});

/** Follows a login URL like a browser: the redirect sets the cookie, then the console page. */
async function openConsole(loginUrl: string) {
  const signIn = await fetch(loginUrl, { redirect: 'manual' });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  const location = signIn.headers.get('location');
  if (signIn.status !== 302 || !cookie || !location) {
    return { status: signIn.status, html: await signIn.text(), cookie: undefined };
  }
  const page = await fetch(new URL(location, demo.url), { headers: { cookie } });
  return {
    status: page.status,
    html: await page.text(),
    cookie,
    location,
    setCookie: signIn.headers.get('set-cookie'),
  };
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('the demo console flow, through the console broker', () => {
  it('signs in as the role session and shows who, where, which region and until when', async () => {
    const keys = await webSession(3600);

    const answer = await askBroker({ credentials: keys });
    expect(answer.status).toBe(200);
    expect(answer.json.loginUrl).toMatch(new RegExp(`^${demo.federationUrl}\\?Action=login&`));

    const opened = await openConsole(answer.json.loginUrl);
    expect(opened.status).toBe(200);
    expect(opened.location).toBe('/s3/home?region=eu-west-1');
    expect(opened.setCookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=(3599|3600)$/);
    const text = textOf(opened.html);
    expect(text).toContain("This is Rolecall's demo, not the AWS Management Console.");
    expect(text).toContain(`Signed in as ${DEVELOPER_ARN}`);
    expect(text).toContain('Account 111111111111');
    expect(text).toContain('Destination https://console.aws.amazon.com/s3/home?region=eu-west-1');
    expect(text).toContain('Region eu-west-1');
    const expiry = new Date(h.sts.credentialExpiry(keys.accessKeyId)!).toISOString();
    expect(opened.html).toContain(`<time datetime="${expiry}">`);
    expect(text).toContain('when the role session’s credentials expire');
    expect(opened.html).toContain(`<a href="${APP_ORIGIN}/">Back to Rolecall</a>`);
    for (const secret of Object.values(keys)) expect(opened.html).not.toContain(secret);
  });

  it('ends the console session after the SessionDuration asked for', async () => {
    const answer = await askBroker({
      credentials: await webSession(),
      sessionDurationSeconds: 1800,
      destination: 'console',
      region: 'us-east-1',
    });

    const opened = await openConsole(answer.json.loginUrl);
    expect(opened.location).toBe('/console/home?region=us-east-1');
    expect(opened.html).toContain(`<time datetime="${new Date(clock + 1800_000).toISOString()}">`);
    expect(textOf(opened.html)).toContain('after the SessionDuration asked for (1800 seconds)');

    clock += 1800_000;
    const later = await fetch(new URL(opened.location!, demo.url), {
      headers: { cookie: opened.cookie! },
    });
    expect(later.status).toBe(401);
    expect(textOf(await later.text())).toContain('Your demo console session has ended');
  });

  it('takes each sign-in link once', async () => {
    const answer = await askBroker({ credentials: await webSession() });

    expect((await openConsole(answer.json.loginUrl)).status).toBe(200);
    const again = await openConsole(answer.json.loginUrl);
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toContain('a link works once, and for 15 minutes only');
    expect(again.html).toContain(`<a href="${APP_ORIGIN}/">Back to Rolecall</a>`);
  });

  it('takes a sign-in link for 15 minutes only', async () => {
    const answer = await askBroker({ credentials: await webSession() });

    clock += 15 * 60_000;
    const late = await openConsole(answer.json.loginUrl);
    expect(late.status).toBe(400);
    expect(textOf(late.html)).toContain('no longer valid');
  });

  it('tells Rolecall when the demo STS refuses the credentials', async () => {
    const keys = await webSession();
    const answer = await askBroker({ credentials: { ...keys, secretAccessKey: 'wrong' } });

    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe('SigninRefused');
    expect(JSON.stringify(brokerLog)).not.toContain(keys.sessionToken);
  });
});

describe('the demo federation endpoint', () => {
  it('answers getSigninToken like AWS, and no CORS', async () => {
    const answer = await getSigninToken(sessionOf(await webSession()));

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(answer.text)).toEqual({ SigninToken: expect.stringMatching(/^[\w-]{64}$/) });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    [
      'credentials it never issued',
      (keys: Keys) => ({ ...keys, accessKeyId: 'ASIAQNEVERISSUED0001' }),
      /InvalidClientTokenId/,
    ],
    [
      'a wrong secret',
      (keys: Keys) => ({ ...keys, secretAccessKey: 'wrong' }),
      /SignatureDoesNotMatch/,
    ],
    [
      'a wrong session token',
      (keys: Keys) => ({ ...keys, sessionToken: 'wrong' }),
      /InvalidClientTokenId/,
    ],
  ])('refuses %s', async (_name, change, reason) => {
    const answer = await getSigninToken(sessionOf(change(await webSession())));

    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(reason);
  });

  it('refuses expired credentials', async () => {
    const keys = await webSession(900);

    clock += 901_000;
    const answer = await getSigninToken(sessionOf(keys));

    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/ExpiredToken/);
  });

  it('refuses long-term keys and GetSessionToken credentials', async () => {
    const longTerm = await getSigninToken({
      sessionId: TRAINER.accessKeyId,
      sessionKey: TRAINER.secretAccessKey,
      sessionToken: '',
    });
    expect(longTerm.status).toBe(400);
    expect(longTerm.text).toMatch(/temporary credentials only/);

    const trainer = { accessKeyId: TRAINER.accessKeyId, secretAccessKey: TRAINER.secretAccessKey };
    const userSession = keysOf(
      (await client(trainer).send(new GetSessionTokenCommand({}))).Credentials,
    );
    const fromUser = await getSigninToken(
      sessionOf({ ...userSession, sessionToken: userSession.sessionToken! }),
    );
    expect(fromUser.status).toBe(400);
    expect(fromUser.text).toMatch(/credentials of an IAM user/);
  });

  it('takes GetFederationToken credentials, but not with a SessionDuration', async () => {
    const trainer = { accessKeyId: TRAINER.accessKeyId, secretAccessKey: TRAINER.secretAccessKey };
    const federated = keysOf(
      (await client(trainer).send(new GetFederationTokenCommand({ Name: 'trainer-demo' })))
        .Credentials,
    );
    const session = sessionOf({ ...federated, sessionToken: federated.sessionToken! });

    expect((await getSigninToken(session)).status).toBe(200);
    const withDuration = await getSigninToken(session, { SessionDuration: '3600' });
    expect(withDuration.status).toBe(400);
    expect(withDuration.text).toMatch(/SessionDuration cannot be used with GetFederationToken/);
  });

  it.each(['899', '43201', '1h'])('refuses SessionDuration=%s', async (duration) => {
    const answer = await getSigninToken(sessionOf(await webSession()), {
      SessionDuration: duration,
    });

    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/from 900 to 43200/);
  });

  it('signs in only to an AWS console destination, without spending the token on a bad one', async () => {
    const { text } = await getSigninToken(sessionOf(await webSession()));
    const token = (JSON.parse(text) as { SigninToken: string }).SigninToken;
    const loginAt = (destination: string) =>
      `${demo.federationUrl}?${new URLSearchParams({ Action: 'login', Destination: destination, SigninToken: token }).toString()}`;

    const elsewhere = await openConsole(loginAt('https://evil.example/console.aws.amazon.com'));
    expect(elsewhere.status).toBe(400);
    expect(textOf(elsewhere.html)).toContain('Destination must be an https URL of the AWS console');

    const onConsole = await openConsole(
      loginAt('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1'),
    );
    expect(onConsole.status).toBe(200);
    expect(textOf(onConsole.html)).toContain('Region eu-west-1');
  });
});

describe('the demo console page', () => {
  it('says so when nobody is signed in', async () => {
    const page = await fetch(new URL('/console/home', demo.url));

    expect(page.status).toBe(401);
    expect(textOf(await page.text())).toContain('You are not signed in to the demo console');
  });

  it('signs out', async () => {
    const answer = await askBroker({ credentials: await webSession() });
    const opened = await openConsole(answer.json.loginUrl);

    // The Sign out button on the console page: the browser sends the page's own origin.
    const signedOut = await fetch(new URL('/logout', demo.url), {
      method: 'POST',
      headers: { cookie: opened.cookie!, origin: demo.url },
    });
    expect(textOf(await signedOut.text())).toContain('You signed out of the demo console');
    const after = await fetch(new URL('/s3/home', demo.url), {
      headers: { cookie: opened.cookie! },
    });
    expect(after.status).toBe(401);
  });

  it('is not signed out by another page: a cross-site or same-site form, a link', async () => {
    // SameSite=Lax keeps the cookie from cross-site posts; pages on other localhost ports are
    // same-site, so the browser sends it with theirs.
    const attempts: [string, { method?: string; headers?: Record<string, string> }][] = [
      [
        'a form on another localhost port',
        { method: 'POST', headers: { origin: 'http://localhost:6666' } },
      ],
      ['a form on evil.example', { method: 'POST', headers: { origin: 'https://evil.example' } }],
      ['a form in a sandboxed frame', { method: 'POST', headers: { origin: 'null' } }],
      ['a link', {}],
    ];
    const survived: string[] = [];
    for (const [label, init] of attempts) {
      const answer = await askBroker({ credentials: await webSession() });
      const cookie = (await openConsole(answer.json.loginUrl)).cookie!;
      await fetch(new URL('/logout', demo.url), { ...init, headers: { ...init.headers, cookie } });
      const page = await fetch(new URL('/s3/home', demo.url), { headers: { cookie } });
      if (page.status === 200) survived.push(label);
    }
    expect(survived).toEqual(attempts.map(([label]) => label));
  });
});
