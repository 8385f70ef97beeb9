import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawRequest } from '../shared/raw-http.ts';
import { startIdp, type RunningIdp } from './server.ts';
import { createPkce, TestBrowser } from './test-browser.ts';

const appOrigin = 'http://localhost:5173';
const redirectUri = `${appOrigin}/callback`;
const idTokenTtlSeconds = 30;

interface TokenResponse {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
}

let idp: RunningIdp;

beforeAll(async () => {
  idp = await startIdp({
    port: 0,
    appOrigins: [appOrigin],
    idTokenTtlSeconds,
    allowedHosts: ['classroom.lan'],
  });
});

afterAll(() => idp.close());

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function authorizeUrl(params: Record<string, string>): URL {
  const url = new URL('/auth', idp.url);
  const defaults = {
    client_id: 'rolecall',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid profile email offline_access',
    state: 'state-123',
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries({ ...defaults, ...params })) {
    if (value) url.searchParams.set(key, value);
  }
  return url;
}

function buttons(html: string): string[] {
  return [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1] ?? '');
}

function formAction(html: string, buttonLabel: string): string {
  const forms = html.split('</form>');
  const form = forms.find((candidate) => candidate.includes(`>${buttonLabel}</button>`)) ?? '';
  return /action="([^"]+)"/.exec(form)?.[1] ?? '';
}

async function openSignInPage(browser: TestBrowser, challenge: string): Promise<string> {
  const { response } = await browser.navigate(authorizeUrl({ code_challenge: challenge }));
  expect(response.status).toBe(200);
  return response.text();
}

async function signIn(browser: TestBrowser, username: string, challenge: string): Promise<URL> {
  const page = await openSignInPage(browser, challenge);
  const { url } = await browser.submit(formAction(page, `Sign in as ${username}`), { username });
  return url;
}

async function postToken(fields: Record<string, string>, origin = appOrigin): Promise<Response> {
  return fetch(new URL('/token', idp.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ client_id: 'rolecall', ...fields }).toString(),
  });
}

async function signInAndExchange(username: string): Promise<[TestBrowser, TokenResponse]> {
  const browser = new TestBrowser(idp.url);
  const { verifier, challenge } = createPkce();
  const callback = await signIn(browser, username, challenge);
  const code = callback.searchParams.get('code') ?? '';
  const response = await postToken({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
  expect(response.status).toBe(200);
  return [browser, (await response.json()) as TokenResponse];
}

async function verifyIdToken(idToken: string) {
  const jwks = createRemoteJWKSet(new URL('/jwks', idp.url));
  const { payload } = await jwtVerify(idToken, jwks, { issuer: idp.url, audience: 'rolecall' });
  return payload;
}

describe('demo identity provider', () => {
  it('publishes discovery for the issuer it listens on', async () => {
    expect(idp.url).toMatch(/^http:\/\/localhost:\d+$/);
    const response = await fetch(`${idp.url}/.well-known/openid-configuration`, {
      headers: { origin: appOrigin },
    });
    const discovery = (await response.json()) as Record<string, unknown>;

    expect(response.headers.get('access-control-allow-origin')).toBe(appOrigin);
    expect(discovery).toMatchObject({
      issuer: idp.url,
      jwks_uri: `${idp.url}/jwks`,
      end_session_endpoint: `${idp.url}/session/end`,
      revocation_endpoint: `${idp.url}/token/revocation`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    });
    expect(discovery.claims_supported).toContain('https://aws.amazon.com/tags');
  });

  it('answers on both loopback addresses', async () => {
    const port = new URL(idp.url).port;
    for (const host of ['127.0.0.1', '[::1]']) {
      const response = await fetch(`http://${host}:${port}/jwks`);
      expect(response.status).toBe(200);
    }
  });

  it('shows an accessible sign-in page with one button per demo user and no script', async () => {
    const browser = new TestBrowser(idp.url);
    const { response } = await browser.navigate(
      authorizeUrl({ code_challenge: createPkce().challenge }),
    );
    const html = await response.text();

    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Rolecall demo sign-in</h1>');
    expect(html).toContain('alice@example.com');
    expect(html).not.toContain('<script');
    expect(buttons(html)).toEqual([
      'Sign in as alice',
      'Sign in as bob',
      'Sign in as carol',
      'Cancel',
    ]);
  });

  it('signs alice in with PKCE and issues an ID token with all her claims', async () => {
    const browser = new TestBrowser(idp.url);
    const { verifier, challenge } = createPkce();
    const callback = await signIn(browser, 'alice', challenge);

    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('state-123');
    expect(callback.searchParams.get('iss')).toBe(idp.url);

    const fields = { grant_type: 'authorization_code', redirect_uri: redirectUri };
    const code = callback.searchParams.get('code') ?? '';
    const wrongVerifier = await postToken({
      ...fields,
      code,
      code_verifier: createPkce().verifier,
    });
    expect(wrongVerifier.status).toBe(400);

    const response = await postToken({ ...fields, code, code_verifier: verifier });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as TokenResponse;
    const claims = await verifyIdToken(tokens.id_token);

    expect(claims).toMatchObject({
      sub: 'user-alice',
      name: 'Alice Anders',
      email: 'alice@example.com',
      groups: ['developers', 'admins'],
      'https://rolecall.example/roles': ['arn:aws:iam::222222222222:role/Deployer'],
      'https://aws.amazon.com/source_identity': 'alice',
      'https://aws.amazon.com/tags': {
        principal_tags: { Team: ['platform'], CostCenter: ['cc-1234'] },
        transitive_tag_keys: ['Team'],
      },
    });
    expect(Number.isInteger(claims.iat)).toBe(true);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(idTokenTtlSeconds);
    expect(tokens.refresh_token).toEqual(expect.any(String));
  });

  it('renews an expired ID token with the refresh token, rotating the refresh token', async () => {
    const [, tokens] = await signInAndExchange('alice');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (idTokenTtlSeconds + 10) * 1000);
    await expect(verifyIdToken(tokens.id_token)).rejects.toThrow(/exp/);

    const response = await postToken({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(appOrigin);
    const renewed = (await response.json()) as TokenResponse;

    expect(renewed.refresh_token).toEqual(expect.any(String));
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    const claims = await verifyIdToken(renewed.id_token);
    const original = decodeJwt(tokens.id_token);
    expect(claims).toEqual({ ...original, iat: claims.iat, exp: claims.exp });
    expect(claims.iat).toBeGreaterThan(original.iat ?? Infinity);
  });

  it('serves userinfo with every claim, with CORS for the app', async () => {
    const [, tokens] = await signInAndExchange('bob');
    const response = await fetch(new URL('/me', idp.url), {
      headers: { authorization: `Bearer ${tokens.access_token}`, origin: appOrigin },
    });

    expect(response.headers.get('access-control-allow-origin')).toBe(appOrigin);
    expect(await response.json()).toEqual({
      sub: 'user-bob',
      name: 'Bob Brown',
      email: 'bob@example.com',
      email_verified: true,
      groups: ['support'],
    });
  });

  it('answers prompt=none with a code while the provider session lives', async () => {
    const [browser] = await signInAndExchange('carol');
    const { challenge } = createPkce();
    const { url } = await browser.navigate(
      authorizeUrl({ prompt: 'none', code_challenge: challenge }),
    );

    expect(url.origin + url.pathname).toBe(redirectUri);
    expect(url.searchParams.get('code')).toEqual(expect.any(String));
  });

  it('grants prompt=consent without showing a consent screen', async () => {
    const [browser] = await signInAndExchange('bob');
    const { url } = await browser.navigate(
      authorizeUrl({ prompt: 'consent', code_challenge: createPkce().challenge }),
    );

    expect(url.origin + url.pathname).toBe(redirectUri);
    expect(url.searchParams.get('code')).toEqual(expect.any(String));
  });

  it('keeps the sign-in page, with an alert, for an unknown user', async () => {
    const browser = new TestBrowser(idp.url);
    const page = await openSignInPage(browser, createPkce().challenge);
    const { response } = await browser.submit(formAction(page, 'Sign in as bob'), {
      username: 'mallory',
    });
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(html).toContain(
      '<p class="alert" role="alert">There is no demo user &quot;mallory&quot;.</p>',
    );
    expect(buttons(html)).toContain('Sign in as alice');
  });

  it('explains an expired sign-in request instead of failing', async () => {
    const response = await fetch(new URL('/interaction/stale-uid', idp.url));
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(html).toContain('This sign-in request has expired or was already completed.');
  });

  async function openSignOutPage(browser: TestBrowser, hint?: string) {
    const endSession = new URL('/session/end', idp.url);
    endSession.searchParams.set('client_id', 'rolecall');
    endSession.searchParams.set('post_logout_redirect_uri', `${appOrigin}/`);
    endSession.searchParams.set('state', 'bye');
    if (hint) endSession.searchParams.set('id_token_hint', hint);
    const { response } = await browser.navigate(endSession);
    const page = await response.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const action = /id="op.logoutForm" method="post" action="([^"]+)"/.exec(page)?.[1] ?? '';
    return { response, page, xsrf, action };
  }

  async function sessionAlive(browser: TestBrowser): Promise<boolean> {
    const { url } = await browser.navigate(
      authorizeUrl({ prompt: 'none', code_challenge: createPkce().challenge }),
    );
    return url.searchParams.has('code');
  }

  it('asks before ending the session: a link alone signs nobody out', async () => {
    const [browser] = await signInAndExchange('alice');
    const { response, page } = await openSignOutPage(browser);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(page).not.toContain('<script');
    expect(page).toContain('<h1>Sign out of the Rolecall demo?</h1>');
    expect(page).toContain('Alice Anders (alice@example.com)');
    expect(buttons(page)).toEqual(['Sign out']);
    expect(page).toContain(`<a href="${appOrigin}/">Stay signed in</a>`);
    expect(await sessionAlive(browser)).toBe(true);
  });

  it('ends the session when the person clicks Sign out, and returns to the app', async () => {
    const [browser, tokens] = await signInAndExchange('alice');
    const { xsrf, action } = await openSignOutPage(browser);
    const { url } = await browser.submit(action, { xsrf, logout: 'yes' });
    expect(url.href).toBe(`${appOrigin}/?state=bye`);

    expect(await sessionAlive(browser)).toBe(false);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const refresh = await postToken({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a sign-out form posted without its one-time token', async () => {
    const [browser] = await signInAndExchange('bob');
    const { action } = await openSignOutPage(browser);
    const { response } = await browser.submit(action, { xsrf: 'forged', logout: 'yes' });
    expect(response.status).toBe(400);
    expect(await sessionAlive(browser)).toBe(true);
  });

  it("signs out without asking for an ID token of this session's person", async () => {
    const [browser, tokens] = await signInAndExchange('alice');
    const { page } = await openSignOutPage(browser, tokens.id_token);
    expect(page).toContain("document.getElementById('op.logoutForm').submit();");
    expect(page).toContain('name="logout" value="yes"');

    const [, bobTokens] = await signInAndExchange('bob');
    const other = await openSignOutPage(browser, bobTokens.id_token);
    expect(other.page).not.toContain('<script');
    expect(buttons(other.page)).toEqual(['Sign out']);
  });

  it('lets no foreign page end the session: links, redirects and posted forms without the click', async () => {
    const [browser, tokens] = await signInAndExchange('alice');
    const [, bobTokens] = await signInAndExchange('bob');
    const attacker = new TestBrowser(idp.url);
    await signIn(attacker, 'carol', createPkce().challenge);
    const theirs = await openSignOutPage(attacker);
    const endSession = (params: Record<string, string>) =>
      `/session/end?${new URLSearchParams({ client_id: 'rolecall', ...params }).toString()}`;
    const confirm = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      browser.navigate('/session/end/confirm', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const attempts: [string, () => Promise<unknown>][] = [
      ['a link to /session/end', () => browser.navigate(endSession({}))],
      [
        'a link with the registered post_logout_redirect_uri',
        () =>
          browser.navigate(endSession({ post_logout_redirect_uri: `${appOrigin}/`, state: 'x' })),
      ],
      [
        'a link with a foreign post_logout_redirect_uri',
        () => browser.navigate(endSession({ post_logout_redirect_uri: 'https://evil.example/' })),
      ],
      [
        "a link with another person's ID token",
        () => browser.navigate(endSession({ id_token_hint: bobTokens.id_token })),
      ],
      [
        'a form posted to /session/end',
        () =>
          browser.navigate('/session/end', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...crossSite },
            body: new URLSearchParams({ client_id: 'rolecall' }).toString(),
          }),
      ],
      ['the confirmation posted without xsrf', () => confirm({ logout: 'yes' }, crossSite)],
      [
        'the confirmation posted with a guessed xsrf',
        () => confirm({ xsrf: 'a'.repeat(64), logout: 'yes' }, crossSite),
      ],
      [
        "the confirmation posted with the attacker's own xsrf",
        () => confirm({ xsrf: theirs.xsrf, logout: 'yes' }, crossSite),
      ],
    ];
    const survived: string[] = [];
    for (const [label, attempt] of attempts) {
      await attempt();
      if (await sessionAlive(browser)) survived.push(label);
    }
    expect(theirs.xsrf).not.toBe('');
    expect(survived).toEqual(attempts.map(([label]) => label));

    // The person's own click still signs out.
    const { xsrf, action } = await openSignOutPage(browser);
    await browser.submit(action, { xsrf, logout: 'yes' });
    expect(await sessionAlive(browser)).toBe(false);
    expect(tokens.id_token).toEqual(expect.any(String));
  });

  it('returns access_denied to the app when the person cancels', async () => {
    const browser = new TestBrowser(idp.url);
    const page = await openSignInPage(browser, createPkce().challenge);
    const { url } = await browser.submit(formAction(page, 'Cancel'), {});

    expect(url.origin + url.pathname).toBe(redirectUri);
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('state')).toBe('state-123');
  });

  it('rejects an unregistered redirect_uri with a readable page', async () => {
    const browser = new TestBrowser(idp.url);
    const url = authorizeUrl({
      redirect_uri: 'http://localhost:6666/callback',
      code_challenge: createPkce().challenge,
    });
    const { response } = await browser.navigate(url, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(html).toContain('redirect_uri did not match any of the client&#39;s registered');
    expect(html).not.toMatch(/\bat \S+ \(/);
  });

  it('rejects an authorization request without PKCE', async () => {
    const browser = new TestBrowser(idp.url);
    const { url } = await browser.navigate(authorizeUrl({ code_challenge_method: '' }));

    expect(url.origin + url.pathname).toBe(redirectUri);
    expect(url.searchParams.get('error')).toBe('invalid_request');
    expect(url.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('allows CORS on the token endpoint for the app origin only', async () => {
    const fields = { grant_type: 'refresh_token', refresh_token: 'unknown' };
    const fromApp = await postToken(fields, appOrigin);
    const fromElsewhere = await postToken(fields, 'http://localhost:6666');

    expect(fromApp.headers.get('access-control-allow-origin')).toBe(appOrigin);
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
    expect(await fromElsewhere.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a host name nobody allowed, so that DNS rebinding cannot reach it', async () => {
    const port = new URL(idp.url).port;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const rebound = await rawRequest(
      idp.url,
      `GET /.well-known/openid-configuration HTTP/1.1\nHost: evil.example:${port}`,
    );
    expect(rebound.status).toBe(421);
    expect(rebound.body).toContain('DEMO_ALLOWED_HOSTS');
    expect(warn).toHaveBeenCalledOnce();
    const classroom = await rawRequest(
      idp.url,
      `GET /.well-known/openid-configuration HTTP/1.1\nHost: classroom.lan:${port}`,
    );
    expect(classroom.status).toBe(200);
  });

  it('answers 400 to a request target that is no URL', async () => {
    const port = new URL(idp.url).port;
    const error = vi.spyOn(console, 'error');
    const answer = await rawRequest(idp.url, `GET http://[/ HTTP/1.1\nHost: localhost:${port}`);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toMatch(/\bat \S+ \(/);
    expect(error).not.toHaveBeenCalled();
  });

  it('fails with a clear error when the port is taken', async () => {
    const port = Number(new URL(idp.url).port);
    await expect(startIdp({ port, appOrigins: [appOrigin] })).rejects.toThrow(
      `Port ${port} is already in use`,
    );
  });
});
