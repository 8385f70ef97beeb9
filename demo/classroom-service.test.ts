import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAppServer } from './app/app-server.ts';
import { demoConfigPlugin } from './app/demo-config-plugin.ts';
import { startConsoleStack } from './console/stack.ts';
import { startIdp } from './idp/server.ts';
import { rawRequest } from './shared/raw-http.ts';
import { startSts } from './sts/server.ts';

/**
 * Every server `npm start` runs, started the way it starts them, with a classroom name allowed
 * (DEMO_ALLOWED_HOSTS=classroom.lan): each answers only for the names it is reached by (DNS
 * rebinding), and a request target that is no path is refused without a stack trace.
 */
const CLASSROOM = 'classroom.lan';
const root = fileURLToPath(new URL('..', import.meta.url));
const configPath = fileURLToPath(new URL('../public/config.json', import.meta.url));

interface Served {
  name: string;
  url: string;
  /** A path this server serves, and the status it answers an allowed host with. */
  path: string;
  status: number;
  /** How it refuses another host: 421 from the shared guard, 403 from Vite's own check. */
  refusal: number;
}

const servers: Served[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const allowedHosts = [CLASSROOM];
  const idp = await startIdp({ port: 0, appOrigins: ['http://localhost:5173'], allowedHosts });
  closers.push(() => idp.close());
  const sts = await startSts({ port: 0, issuer: idp.url, allowedHosts });
  closers.push(() => sts.close());
  const stack = await startConsoleStack({
    consolePort: 0,
    brokerPort: 0,
    sts,
    appOrigin: 'http://localhost:5173',
    allowedHosts,
  });
  closers.push(() => stack.close());
  const urls = { idp: idp.url, sts: sts.url, broker: stack.brokerUrl };
  const app = await startAppServer({
    root,
    plugins: [demoConfigPlugin(configPath, urls)],
    port: 0,
    allowedHosts,
  });
  closers.push(() => app.close());
  // `npm start -- --preview` (the browser tests): a production build, served by Vite's preview.
  const previewBuild = mkdtempSync(join(tmpdir(), 'rolecall-preview-'));
  const preview = await startAppServer({
    root,
    plugins: [demoConfigPlugin(configPath, urls)],
    port: 0,
    allowedHosts,
    preview: true,
    // Not the project's dist/, which the browser tests serve.
    outDir: previewBuild,
  });
  closers.push(async () => rmSync(previewBuild, { recursive: true, force: true }));
  closers.push(() => preview.close());
  servers.push(
    {
      name: 'IdP',
      url: idp.url,
      path: '/.well-known/openid-configuration',
      status: 200,
      refusal: 421,
    },
    {
      name: 'STS',
      url: sts.url,
      path: '/?Action=GetCallerIdentity&Version=2011-06-15',
      status: 403,
      refusal: 421,
    },
    { name: 'STS admin', url: sts.url, path: '/__admin/health', status: 200, refusal: 421 },
    {
      name: 'demo console',
      url: stack.consoleUrl,
      path: '/console/home',
      status: 401,
      refusal: 421,
    },
    { name: 'console broker', url: stack.brokerUrl, path: '/', status: 403, refusal: 421 },
    { name: 'dev server', url: app.url, path: '/config.json', status: 200, refusal: 403 },
    { name: 'preview server', url: preview.url, path: '/config.json', status: 200, refusal: 403 },
  );
}, 60_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

afterEach(() => vi.restoreAllMocks());

const port = (server: Served) => new URL(server.url).port;

/** What a stack trace looks like in an answer or a log line. */
const STACK_TRACE = /\n\s+at \S|\bat \S+ \(\S+:\d+:\d+\)/;

/** Every console line written while `run` runs, as one text, and the answer. */
async function logged<T>(run: () => Promise<T>): Promise<{ answer: T; log: string }> {
  const lines: unknown[][] = [];
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args));
  }
  const answer = await run();
  const log = lines
    .flat()
    .map((item) => (item instanceof Error ? (item.stack ?? item.message) : String(item)))
    .join('\n');
  return { answer, log };
}

describe('Host header (DNS rebinding)', () => {
  const hosts: [string, (server: Served) => string, 'refused' | 'served'][] = [
    ['evil.example', () => 'evil.example', 'refused'],
    ['evil.example:port', (server) => `evil.example:${port(server)}`, 'refused'],
    ['localhost', (server) => `localhost:${port(server)}`, 'served'],
    ['127.0.0.1', (server) => `127.0.0.1:${port(server)}`, 'served'],
    ['[::1]', (server) => `[::1]:${port(server)}`, 'served'],
    [CLASSROOM, (server) => `${CLASSROOM}:${port(server)}`, 'served'],
  ];

  it.each([
    'IdP',
    'STS',
    'STS admin',
    'demo console',
    'console broker',
    'dev server',
    'preview server',
  ])(
    'the %s answers loopback names and the classroom name, and refuses any other',
    async (name) => {
      const server = servers.find((candidate) => candidate.name === name);
      if (!server) throw new Error(`No server ${name}`);
      const results: string[] = [];
      const { log } = await logged(async () => {
        for (const [label, host] of hosts) {
          const answer = await rawRequest(
            server.url,
            `GET ${server.path} HTTP/1.1\nHost: ${host(server)}`,
          );
          // A refusal names the host it refused; a served answer is the server's own.
          const refused = answer.status === server.refusal && answer.body.includes('evil.example');
          const served = answer.status === server.status;
          const verdict = refused ? 'refused' : served ? 'served' : `answered ${answer.status}`;
          results.push(`${label}: ${verdict}`);
        }
      });
      expect(results).toEqual(hosts.map(([label, , expected]) => `${label}: ${expected}`));
      expect(log).not.toMatch(STACK_TRACE);
    },
  );
});

describe('request targets that are no path', () => {
  // Each names a path the server serves, where it can: only the form of the target is wrong.
  const targets: [string, (server: Served) => string, number][] = [
    ['no URL', () => 'http://[/', 400],
    ['an empty authority', () => '//', 400],
    ['absolute-form for another host', (server) => `http://evil.example${server.path}`, 400],
    ['scheme-relative, another host', (server) => `//evil.example${server.path}`, 400],
    // URL parsing reads `\` as `/`, so this too names evil.example. (A TAB, which URL parsing
    // drops, never gets this far: Node answers 400 to a control character in the request line.)
    ['backslash, another host', (server) => `/\\evil.example${server.path}`, 400],
    // Node itself answers a request line over its 16 KiB header limit, before any handler.
    ['overlong', (server) => `${server.path}${'a'.repeat(20_000)}`, 431],
  ];

  it.each(['IdP', 'STS', 'demo console', 'console broker', 'dev server', 'preview server'])(
    'the %s refuses each, with no stack trace in the answer or its log',
    async (name) => {
      const server = servers.find((candidate) => candidate.name === name);
      if (!server) throw new Error(`No server ${name}`);
      const results: string[] = [];
      const { log } = await logged(async () => {
        for (const [label, target] of targets) {
          const answer = await rawRequest(
            server.url,
            `GET ${target(server)} HTTP/1.1\nHost: localhost:${port(server)}`,
          );
          const trace = STACK_TRACE.test(answer.body) ? ' with a stack trace' : '';
          results.push(`${label}: ${answer.status}${trace}`);
        }
      });
      expect(results).toEqual(targets.map(([label, , status]) => `${label}: ${status}`));
      expect(log).not.toMatch(STACK_TRACE);
    },
  );
});
