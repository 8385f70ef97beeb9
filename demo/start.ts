// `npm start`: the demo identity provider, the demo STS and the app, together. Ctrl-C stops all three.
// `npm start -- --preview` serves a production build instead of the dev server (the end-to-end tests
// use it, so that they run under the real Content-Security-Policy).
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';
import { demoConfigPlugin } from './app/demo-config-plugin.ts';
import { startIdp } from './idp/server.ts';
import { faultsFromEnv } from './sts/faults.ts';
import { startSts } from './sts/server.ts';
import users from './data/users.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));
const configPath = fileURLToPath(new URL('../public/config.json', import.meta.url));

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    throw new Error(`${name} must be a port number (1-65535), got "${value}".`);
  }
  return number;
}

function optionalSeconds(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${name} must be a whole number of seconds, got "${value}".`);
  return number;
}

async function main(): Promise<void> {
  const usePreview = process.argv.includes('--preview');
  const appPort = port('APP_PORT', 5173);
  const appOrigin = `http://localhost:${appPort}`;
  const closers: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    await Promise.allSettled(closers.reverse().map((close) => close()));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  try {
    const idp = await startIdp({
      port: port('IDP_PORT', 5180),
      appOrigins: [appOrigin],
      idTokenTtlSeconds: optionalSeconds('IDP_ID_TOKEN_TTL'),
    });
    closers.push(() => idp.close());
    const sts = await startSts({
      port: port('STS_PORT', 5190),
      issuer: idp.url,
      // STS_FAULT_LATENCY_MS, STS_FAULT_UNAVAILABLE, STS_FAULT_CLOCK_OFFSET_SECONDS: classroom demos.
      faults: faultsFromEnv(process.env),
    });
    closers.push(() => sts.close());

    const plugins = [demoConfigPlugin(configPath, { idp: idp.url, sts: sts.url })];
    // The dev server's Content-Security-Policy allows these; a preview is configured for them.
    process.env.ROLECALL_CSP_CONNECT_SRC = `${idp.url} ${sts.url}`;
    if (usePreview) {
      await build({ root, logLevel: 'warn' });
      const server = await preview({ root, plugins, preview: { port: appPort, strictPort: true } });
      closers.push(() => server.close());
    } else {
      const server = await createServer({
        root,
        plugins,
        server: { port: appPort, strictPort: true },
      });
      await server.listen();
      closers.push(() => server.close());
    }

    console.log(`
Rolecall is running at ${appOrigin}/  (${usePreview ? 'production build' : 'dev server'})
  demo identity provider  ${idp.url}
  demo AWS STS            ${sts.url}

Demo users (the sign-in page lists them as buttons, no password):
${users.users.map((user) => `  ${user.username.padEnd(6)} ${user.description}`).join('\n')}

Press Ctrl-C to stop everything.`);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(
    `Rolecall demo failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
