/**
 * Runs the local STS on its own: `npx tsx demo/sts/main.ts`.
 *
 *   STS_PORT                       default 5190 (0: any free port)
 *   IDP_ISSUER                     default http://localhost:5180 (stands for {{idp}} in the data)
 *   STS_DATA_FILE                  default demo/data/aws.json
 *   DEMO_ALLOWED_HOSTS             host names to answer besides loopback, comma-separated
 *   DEMO_EXTRA_ISSUERS             more trusted issuers: <issuer>[=<client id>],… (trusted-issuers.ts)
 *   STS_FAULT_LATENCY_MS           e.g. 1500
 *   STS_FAULT_UNAVAILABLE          true | 503 | reset
 *   STS_FAULT_CLOCK_OFFSET_SECONDS e.g. 1200 (server clock 20 minutes ahead)
 */
import { portSetting, SettingError, stringSetting } from '../shared/env.ts';
import { errorMessage, exitOnStartFailure, stopOnSignals } from '../shared/program.ts';
import { allowedHostsFromEnv } from '../shared/request-guard.ts';
import { faultsFromEnv } from './faults.ts';
import { startSts } from './server.ts';
import { extraIssuersFromEnv } from './trusted-issuers.ts';

function readFaults() {
  try {
    return faultsFromEnv(process.env);
  } catch (error) {
    throw new SettingError(`bad fault setting: ${errorMessage(error)}`);
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const port = portSetting(env, 'STS_PORT', 5190);
  const issuer = stringSetting(env, 'IDP_ISSUER') ?? 'http://localhost:5180';
  const faults = readFaults();
  const extraIssuers = extraIssuersFromEnv(env);
  const sts = await startSts({
    port,
    issuer,
    dataFile: stringSetting(env, 'STS_DATA_FILE'),
    faults,
    extraIssuers,
    allowedHosts: allowedHostsFromEnv(env),
  }).catch(exitOnStartFailure('STS', { STS_PORT: port }));
  const trusted = [issuer, ...extraIssuers.map((extra) => extra.issuer)].join(', ');
  console.log(`STS listening on ${sts.url} (web identities from ${trusted})`);
  const active = Object.entries(faults).map(([name, value]) => `${name}=${String(value)}`);
  if (active.length > 0) console.log(`STS faults: ${active.join(', ')}`);
  stopOnSignals(() => sts.close());
}

main().catch(exitOnStartFailure('STS', {}));
