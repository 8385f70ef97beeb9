import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { OAuth2Server } from 'oauth2-mock-server';
import { build } from 'vite';
import { startIdp, type RunningIdp } from '../demo/idp/server.ts';
import { startSts, type RunningSts } from '../demo/sts/server.ts';
import { chooseRole, expect, test } from './fixtures';

// The container's setup without docker: one build, configured by the bundled configure step for
// one provider and then another, served each time by Debian's nginx with the container's own
// nginx.conf, and used through a browser as a person would.
const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.NGINX_TEST_PORT ?? 5475);
const APP = `http://localhost:${PORT}`;
const prefix = mkdtempSync(join(tmpdir(), 'rolecall-nginx-'));
const html = join(prefix, 'html');

let idp: RunningIdp;
let stsA: RunningSts;
let mock: OAuth2Server;
let mockIssuer: string;
let stsB: RunningSts;
let nginx: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await Promise.all([
    build({ root: repo, logLevel: 'error', build: { outDir: html, emptyOutDir: true } }),
    run('npm', ['run', '--silent', 'build:configure'], { cwd: repo }),
  ]);
  mkdirSync(join(prefix, 'conf'));
  mkdirSync(join(prefix, 'tmp'));
  // Started as root (as CI is), nginx's workers run as nobody, who must be able to read the app.
  chmodSync(prefix, 0o755);
  const conf = readFileSync(join(repo, 'deploy/container/nginx.conf'), 'utf8');
  expect(conf).toContain('    listen 8080;\n');
  writeFileSync(
    join(prefix, 'conf/nginx.conf'),
    conf.replace(
      '    listen 8080;\n',
      `    listen 127.0.0.1:${PORT};\n    listen [::1]:${PORT};\n`,
    ),
  );

  // Provider A: the demo IdP, with its own demo STS.
  idp = await startIdp({ port: 0, appOrigins: [APP] });
  stsA = await startSts({ port: 0, issuer: idp.url });

  // Provider B: oauth2-mock-server, another client id, and a token endpoint on another origin
  // than its issuer (127.0.0.1 instead of localhost), which only its discovery document tells.
  mock = new OAuth2Server();
  await mock.issuer.keys.generate('RS256');
  await mock.start(0, '127.0.0.1');
  const mockPort = mock.address().port;
  mockIssuer = `http://localhost:${mockPort}`;
  mock.issuer.url = mockIssuer;
  mock.service.on(
    'beforeWellKnownOpenIdConfiguration',
    (response: { body: Record<string, unknown> }) => {
      response.body.token_endpoint = `http://127.0.0.1:${mockPort}/token`;
    },
  );
  mock.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
    Object.assign(token.payload, {
      sub: 'user-alice',
      name: 'Alice Anders',
      email: 'alice@example.com',
      groups: ['developers'],
    });
  });
  stsB = await startSts({ port: 0, issuer: mockIssuer, clientIds: ['rolecall-mock'] });
});

test.afterAll(async () => {
  await stopNginx();
  await Promise.allSettled([idp?.close(), stsA?.close(), mock?.stop(), stsB?.close()]);
  rmSync(prefix, { recursive: true, force: true });
});

function configFor(authority: string, clientId: string, sts: string): string {
  const config = JSON.parse(readFileSync(join(repo, 'public/config.json'), 'utf8')) as {
    oidc: Record<string, unknown>;
    sts: Record<string, unknown>;
  };
  Object.assign(config.oidc, { authority, clientId, scope: 'openid profile email' });
  config.sts.endpoint = sts;
  const file = join(prefix, `${clientId}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** What the container's entrypoint does: configure the build, then start nginx. */
async function configureAndServe(configFile: string, ...flags: string[]): Promise<string> {
  await stopNginx();
  const { stdout } = await run('node', [
    join(repo, 'dist-configure/configure.mjs'),
    ...['--config', configFile, '--out', html, '--host-out', join(prefix, 'conf'), ...flags],
  ]);
  const started = spawn(
    'nginx',
    ['-p', `${prefix}/`, '-c', 'conf/nginx.conf', '-e', 'stderr', '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  started.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  nginx = started;
  await expect
    .poll(
      async () => {
        if (started.exitCode !== null) throw new Error(`nginx stopped: ${errors}`);
        return fetch(`${APP}/healthz`).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 10_000 },
    )
    .toBe(200);
  return stdout;
}

async function stopNginx(): Promise<void> {
  const running = nginx;
  nginx = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGQUIT');
  await exited;
}

async function signInAssumeAndSeeIdentity(page: Page, user?: string) {
  await page.goto(`${APP}/`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (user) await page.getByRole('button', { name: `Sign in as ${user}` }).click();
  await expect(page.getByRole('banner')).toContainText('Signed in as Alice Anders');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toContainText(
    'arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com',
  );
}

test('provider A (the demo IdP): nginx serves the app with its headers, and the person signs in and assumes a role', async ({
  page,
  request,
  pageProblems,
}) => {
  const report = await configureAndServe(configFor(idp.url, 'rolecall', stsA.url));
  expect(report).toContain(`connect-src  ${idp.url}`);

  const page1 = await request.get(`${APP}/callback?code=x&state=y`);
  expect(page1.status()).toBe(200);
  const headers = page1.headers();
  expect(headers['content-security-policy']).toContain(`connect-src 'self' ${idp.url} ${stsA.url}`);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['permissions-policy']).toContain('camera=()');
  // The callback hands a popup sign-in back to its opener: no opener policy there (see below).
  expect(headers['cross-origin-opener-policy']).toBeUndefined();
  expect((await request.get(`${APP}/?account=1`)).headers()['cross-origin-opener-policy']).toBe(
    'same-origin-allow-popups',
  );
  expect(await page1.text()).toContain('<div id="root">');
  expect((await request.get(`${APP}/some/unknown/path`)).headers()['content-type']).toMatch(
    /text\/html/,
  );
  expect((await request.get(`${APP}/config.json`)).headers()['cache-control']).toBe('no-store');
  expect((await request.get(`${APP}/assets/missing.js`)).status()).toBe(404);
  expect((await request.get(`${APP}/_headers`)).status()).toBe(404);

  await signInAssumeAndSeeIdentity(page, 'alice');
  expect(pageProblems).toEqual([]);
});

test('provider B (oauth2-mock-server): the same build, configured again, works the same', async ({
  page,
  pageProblems,
}) => {
  const report = await configureAndServe(configFor(mockIssuer, 'rolecall-mock', stsB.url));
  const tokenOrigin = `http://127.0.0.1:${new URL(mockIssuer).port}`;
  expect(report).toMatch(new RegExp(`connect-src +${tokenOrigin} +token_endpoint`));

  await signInAssumeAndSeeIdentity(page);
  expect(pageProblems).toEqual([]);
});

test('configured without the discovery document, provider B is blocked and the person is told why', async ({
  page,
}) => {
  const report = await configureAndServe(
    configFor(mockIssuer, 'rolecall-mock', stsB.url),
    '--offline',
  );
  expect(report).toContain('--offline');
  await page.goto(`${APP}/`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const tokenOrigin = `http://127.0.0.1:${new URL(mockIssuer).port}`;
  const notice = page
    .getByRole('alert')
    .filter({ hasText: "This deployment's Content-Security-Policy" });
  await expect(notice).toContainText(`refused to connect to ${tokenOrigin}`);
  await expect(notice).toContainText(`--allow-origin ${tokenOrigin}`);
});

test('a popup that comes back from the provider to the callback keeps its opener', async ({
  page,
}) => {
  await configureAndServe(configFor(mockIssuer, 'rolecall-mock', stsB.url));
  await page.goto(`${APP}/`);
  // What a popup sign-in does: out to the provider's origin, redirected back to the callback.
  const back = encodeURIComponent(`${APP}/callback`);
  const popupOpened = page.waitForEvent('popup');
  await page.evaluate(
    (url) => void window.open(url, 'rolecall-signin'),
    `${mockIssuer}/authorize?response_type=none&state=s&redirect_uri=${back}`,
  );
  const popup = await popupOpened;
  await popup.waitForURL(/\/callback\?/);
  expect(await popup.evaluate(() => window.opener !== null)).toBe(true);
});
