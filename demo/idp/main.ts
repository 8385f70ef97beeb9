// Runs the demo identity provider alone: `npx tsx demo/idp/main.ts`.
//
//   IDP_PORT          default 5180 (0: any free port)
//   IDP_ISSUER        default http://localhost:<port>
//   APP_ORIGIN        default http://localhost:5173; several separated by commas
//   IDP_ID_TOKEN_TTL  seconds, default 3600
//   DEMO_ALLOWED_HOSTS host names to answer besides loopback and the issuer's, comma-separated
import { listSetting, portSetting, secondsSetting, stringSetting } from '../shared/env.ts';
import { exitOnStartFailure, stopOnSignals } from '../shared/program.ts';
import { allowedHostsFromEnv } from '../shared/request-guard.ts';
import { startIdp } from './server.ts';

async function main(): Promise<void> {
  const env = process.env;
  const port = portSetting(env, 'IDP_PORT', 5180);
  const idp = await startIdp({
    port,
    issuer: stringSetting(env, 'IDP_ISSUER'),
    appOrigins: listSetting(env, 'APP_ORIGIN') ?? ['http://localhost:5173'],
    allowedHosts: allowedHostsFromEnv(env),
    idTokenTtlSeconds: secondsSetting(env, 'IDP_ID_TOKEN_TTL'),
  }).catch(exitOnStartFailure('Demo IdP', { IDP_PORT: port }));
  process.stdout.write(`Demo IdP ready: ${idp.url}/.well-known/openid-configuration\n`);
  stopOnSignals(() => idp.close());
}

main().catch(exitOnStartFailure('Demo IdP', {}));
