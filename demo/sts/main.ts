import { faultsFromEnv, FaultInputError } from './faults.ts';
import { startSts } from './server.ts';

/**
 * Runs the local STS on its own: `npx tsx demo/sts/main.ts`.
 *
 *   STS_PORT                       default 5190
 *   IDP_ISSUER                     default http://localhost:5180 (stands for {{idp}} in the data)
 *   STS_DATA_FILE                  default demo/data/aws.json
 *   STS_FAULT_LATENCY_MS           e.g. 1500
 *   STS_FAULT_UNAVAILABLE          true | 503 | reset
 *   STS_FAULT_CLOCK_OFFSET_SECONDS e.g. 1200 (server clock 20 minutes ahead)
 */
const port = Number(process.env.STS_PORT ?? 5190);
const issuer = process.env.IDP_ISSUER ?? 'http://localhost:5180';

function fail(message: string): never {
  console.error(`STS: ${message}`);
  process.exit(1);
}

async function main() {
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`STS_PORT is not a port: ${port}`);
  let faults;
  try {
    faults = faultsFromEnv(process.env);
  } catch (error) {
    if (error instanceof FaultInputError) fail(`bad fault setting: ${error.message}`);
    throw error;
  }
  const sts = await startSts({ port, issuer, dataFile: process.env.STS_DATA_FILE, faults }).catch(
    (error: unknown) => {
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code === 'EADDRINUSE') fail(`port ${port} is already in use; set STS_PORT to another.`);
      fail(error instanceof Error ? error.message : String(error));
    },
  );
  console.log(`STS listening on ${sts.url} (web identities from ${issuer})`);
  const active = Object.entries(faults).map(([name, value]) => `${name}=${String(value)}`);
  if (active.length > 0) console.log(`STS faults: ${active.join(', ')}`);
  const stop = () => {
    sts.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
