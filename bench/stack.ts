import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { demoConfigPlugin } from '../demo/app/demo-config-plugin.ts';
import { loadDemoUsers } from '../demo/idp/accounts.ts';
import { startIdp } from '../demo/idp/server.ts';
import { startSts } from '../demo/sts/server.ts';
import { DEFAULT_DATA_FILE } from '../demo/sts/world.ts';
import { benchPeople, type RoleSpread } from './bench-people.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const publicConfig = fileURLToPath(new URL('../public/config.json', import.meta.url));

export interface BenchStack {
  appUrl: string;
  stsUrl: string;
  idpUrl: string;
  /** The production build the app is served from. */
  dist: string;
  /** Changes the `session` section of the config.json the app loads from now on. */
  setSession(overrides: Record<string, number>): void;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The demo stack as `npm start -- --preview` runs it, on free loopback ports, with the benchmark's
 * people added to the demo IdP and their roles to the demo AWS world.
 */
export async function startBenchStack(
  out: string,
  spreads: { many: RoleSpread; sessions: RoleSpread },
): Promise<BenchStack> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    await Promise.allSettled(closers.reverse().map((closeOne) => closeOne()));
  };
  try {
    const people = benchPeople(spreads.many, spreads.sessions);
    const appOrigin = `http://localhost:${await freePort()}`;
    const idp = await startIdp({
      port: 0,
      appOrigins: [appOrigin],
      users: [...loadDemoUsers(), people.many, people.sessions],
    });
    closers.push(() => idp.close());
    const world = JSON.parse(readFileSync(DEFAULT_DATA_FILE, 'utf8')) as { accounts: object[] };
    const sts = await startSts({
      port: 0,
      issuer: idp.url,
      data: { accounts: [...world.accounts, ...people.accounts()] },
    });
    closers.push(() => sts.close());

    mkdirSync(out, { recursive: true });
    const dist = `${out}/dist`;
    const configFile = `${out}/config.json`;
    const baseConfig = JSON.parse(readFileSync(publicConfig, 'utf8')) as {
      session: Record<string, unknown>;
    };
    const setSession = (overrides: Record<string, number>) =>
      writeFileSync(
        configFile,
        JSON.stringify({ ...baseConfig, session: { ...baseConfig.session, ...overrides } }),
      );
    setSession({});

    process.env.ROLECALL_CSP_CONNECT_SRC = `${idp.url} ${sts.url}`;
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    const server = await preview({
      root,
      logLevel: 'warn',
      plugins: [demoConfigPlugin(configFile, { idp: idp.url, sts: sts.url })],
      build: { outDir: dist },
      preview: { port: Number(new URL(appOrigin).port), strictPort: true },
    });
    closers.push(() => server.close());
    return { appUrl: appOrigin, stsUrl: sts.url, idpUrl: idp.url, dist, setSession, close };
  } catch (error) {
    await close();
    throw error;
  }
}
