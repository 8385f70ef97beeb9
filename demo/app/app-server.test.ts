import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, type RawAnswer } from '../shared/raw-http.ts';
import { startAppServer, type RunningAppServer } from './app-server.ts';
import { demoConfigPlugin } from './demo-config-plugin.ts';

/**
 * What `npm start`'s dev server hands out: the app's own files under the production
 * Content-Security-Policy and no referrer, and none of the project's other files, however the path
 * is spelled. Sent over a raw socket, so that `..%2f` and `/@fs/` reach Vite exactly as written.
 */
const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const configPath = fileURLToPath(new URL('../../public/config.json', import.meta.url));
let app: RunningAppServer;

beforeAll(async () => {
  const urls = { idp: 'http://localhost:5180', sts: 'http://localhost:5190' };
  app = await startAppServer({
    root,
    plugins: [demoConfigPlugin(configPath, urls)],
    port: 0,
    // Vite prints an error for each file it refuses; this test asks for many.
    logLevel: 'silent',
  });
}, 60_000);
afterAll(() => app.close());

const get = (path: string): Promise<RawAnswer> =>
  rawRequest(app.url, `GET ${path} HTTP/1.1\nHost: localhost:${new URL(app.url).port}`);

const header = (answer: RawAnswer, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'im').exec(answer.headers)?.[1]?.trim();

describe('the app, as the dev server serves it', () => {
  it.each([
    '/',
    '/callback?code=x',
    '/src/main.tsx',
    '/@vite/client',
    '/src/index.css',
    '/config.json',
  ])(
    '%s: served with the Content-Security-Policy and Referrer-Policy: no-referrer',
    async (path) => {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(header(answer, 'content-security-policy')).toMatch(
        /^default-src 'none'; script-src 'self' 'nonce-[^']+'; .*frame-ancestors 'none'$/,
      );
      expect(header(answer, 'referrer-policy')).toBe('no-referrer');
    },
  );
});

/** The first line of a file in the project: what an answer handing out that file would hold. */
const firstLine = (file: string) => readFileSync(`${root}/${file}`, 'utf8').trim().split('\n')[0];

/**
 * Dotfiles that exist here, so that each case can fail: `.git` is a directory in a checkout and a
 * file (`gitdir: …`) in a git worktree; a copy without `.git` has none to hand out. There is no
 * `.env` in the project, so asking for one proves nothing.
 */
const gitFiles = !existsSync(`${root}/.git`)
  ? []
  : statSync(`${root}/.git`).isDirectory()
    ? ['.git/HEAD', '.git/config']
    : ['.git'];
const dotfiles = ['.gitignore', '.prettierrc.json', ...gitFiles];

describe('project files, however asked for', () => {
  // What each file holds that the app's page does not.
  const secret = {
    awsJson: readFileSync(`${root}/demo/data/aws.json`, 'utf8').match(
      /"secretAccessKey": "([^"]+)"/,
    )?.[1],
    packageJson: '"name": "rolecall"',
    lockfile: '"lockfileVersion"',
    viteConfig: 'defineConfig',
    passwd: 'root:x:0:0',
  };
  const cases: [string, string | undefined][] = [
    ['/demo/data/aws.json', secret.awsJson],
    ['/demo/data/aws.json?raw', secret.awsJson],
    ['/demo/data/aws.json?import', secret.awsJson],
    ['/demo/data/aws.json?url', secret.awsJson],
    ['/src/../demo/data/aws.json?raw', secret.awsJson],
    ['/src/..%2fdemo/data/aws.json?raw', secret.awsJson],
    ['/@id/demo/data/aws.json', secret.awsJson],
    [`/@fs${root}/demo/data/aws.json`, secret.awsJson],
    [`/@fs${root}/demo/data/aws.json?raw`, secret.awsJson],
    ['/package.json', secret.packageJson],
    ['/package-lock.json', secret.lockfile],
    ['/..%2fpackage.json', secret.packageJson],
    ['/src/..%2f..%2fpackage.json', secret.packageJson],
    ['/src/%2e%2e/package.json', secret.packageJson],
    ['/src/../package.json?raw&url', secret.packageJson],
    [`/@fs${root}/package.json`, secret.packageJson],
    ['/vite.config.ts', secret.viteConfig],
    ['/vite.config.ts?raw', secret.viteConfig],
    ['/README.md', '# Rolecall'],
    ['/e2e/fixtures.ts?raw', 'import'],
    ['/scripts/configure.ts?raw', 'import'],
    ...dotfiles.map((file): [string, string] => [`/${file}`, firstLine(file)]),
    ['/@fs/etc/passwd', secret.passwd],
    ['/@fs/..%2f..%2fetc/passwd', secret.passwd],
    ['/@fs/proc/self/environ', 'PATH='],
  ];

  it('answers each with 403 or the app page, never the file', async () => {
    expect(secret.awsJson).toEqual(expect.any(String));
    const page = await get('/');
    const results: string[] = [];
    for (const [path, content = ''] of cases) {
      const answer = await get(path);
      const refused = answer.status === 403 && !answer.body.includes(content);
      const appPage = answer.status === 200 && answer.body === page.body;
      results.push(`${path}: ${refused || appPage ? 'not served' : `served (${answer.status})`}`);
    }
    expect(results).toEqual(cases.map(([path]) => `${path}: not served`));
  });
});
