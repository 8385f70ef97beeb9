// `npm start`: the demo identity provider, the demo STS and the app, together. Ctrl-C stops all three.
// `npm start -- --preview` serves a production build instead of the dev server (the end-to-end tests
// use it, so that they run under the real Content-Security-Policy).
import { fileURLToPath } from 'node:url';
import { startAppServer } from './app/app-server.ts';
import { demoConfigPlugin } from './app/demo-config-plugin.ts';
import { startConsoleStack } from './console/stack.ts';
import { startIdp } from './idp/server.ts';
import { portSetting, secondsSetting } from './shared/env.ts';
import { exitOnStartFailure, stopOnSignals } from './shared/program.ts';
import { allowedHostsFromEnv } from './shared/request-guard.ts';
import { faultsFromEnv } from './sts/faults.ts';
import { startSts } from './sts/server.ts';
import { extraIssuersFromEnv } from './sts/trusted-issuers.ts';
import users from './data/users.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));
const configPath = fileURLToPath(new URL('../public/config.json', import.meta.url));

async function main(): Promise<void> {
  const env = process.env;
  const usePreview = process.argv.includes('--preview');
  // The app's origin is registered with the IdP before the app listens: it needs a fixed port.
  const ports = {
    APP_PORT: portSetting(env, 'APP_PORT', 5173, { allowFree: false }),
    IDP_PORT: portSetting(env, 'IDP_PORT', 5180),
    STS_PORT: portSetting(env, 'STS_PORT', 5190),
    CONSOLE_PORT: portSetting(env, 'CONSOLE_PORT', 5191),
    BROKER_PORT: portSetting(env, 'BROKER_PORT', 5192),
  };
  const appOrigin = `http://localhost:${ports.APP_PORT}`;
  // DEMO_EXTRA_ISSUERS: more OpenID Connect providers the demo STS trusts, e.g. a second one in tests.
  const extraIssuers = extraIssuersFromEnv(env);
  // DEMO_ALLOWED_HOSTS: host names every server answers to besides loopback, for a classroom.
  const allowedHosts = allowedHostsFromEnv(env);
  const closers: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    await Promise.allSettled(closers.reverse().map((close) => close()));
  };
  stopOnSignals(stopAll);

  try {
    const idp = await startIdp({
      port: ports.IDP_PORT,
      appOrigins: [appOrigin],
      allowedHosts,
      idTokenTtlSeconds: secondsSetting(env, 'IDP_ID_TOKEN_TTL'),
    });
    closers.push(() => idp.close());
    const sts = await startSts({
      port: ports.STS_PORT,
      issuer: idp.url,
      // STS_FAULT_LATENCY_MS, STS_FAULT_UNAVAILABLE, STS_FAULT_CLOCK_OFFSET_SECONDS: classroom demos.
      faults: faultsFromEnv(env),
      extraIssuers,
      allowedHosts,
    });
    closers.push(() => sts.close());
    const consoleStack = await startConsoleStack({
      consolePort: ports.CONSOLE_PORT,
      brokerPort: ports.BROKER_PORT,
      sts,
      appOrigin,
      allowedHosts,
    });
    closers.push(() => consoleStack.close());

    const plugins = [
      demoConfigPlugin(configPath, { idp: idp.url, sts: sts.url, broker: consoleStack.brokerUrl }),
    ];
    // The dev server's Content-Security-Policy allows these; a preview is configured for them: every
    // trusted provider's token endpoint, and the STS.
    const providers = extraIssuers.map(({ issuer }) => new URL(issuer).origin);
    const connectSrc = [
      idp.url,
      sts.url,
      consoleStack.brokerUrl,
      ...providers,
      env.ROLECALL_CSP_CONNECT_SRC ?? '',
    ];
    process.env.ROLECALL_CSP_CONNECT_SRC = connectSrc.join(' ').trim();
    const app = await startAppServer({
      root,
      plugins,
      port: ports.APP_PORT,
      allowedHosts,
      preview: usePreview,
    });
    closers.push(() => app.close());

    console.log(`
Rolecall is running at ${appOrigin}/  (${usePreview ? 'production build' : 'dev server'})
  demo identity provider  ${idp.url}
  demo AWS STS            ${sts.url}${extraIssuers.map(({ issuer }) => `\n  also trusted by the STS ${issuer}`).join('')}
  demo AWS console        ${consoleStack.consoleUrl}  (sign-in at /federation)
  console broker          ${consoleStack.brokerUrl}

Demo users (the sign-in page lists them as buttons, no password):
${users.users.map((user) => `  ${user.username.padEnd(6)} ${user.description}`).join('\n')}

Press Ctrl-C to stop everything.`);
  } catch (error) {
    await stopAll();
    exitOnStartFailure('Rolecall demo', ports)(error);
  }
}

main().catch(exitOnStartFailure('Rolecall demo', {}));
