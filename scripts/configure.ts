// `npm run configure -- --config path/to/config.json --out dist/`: writes a config.json and the
// Content-Security-Policy it needs into a build, plus header files for the common hosts.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configureBuild } from '../build/configure-build.ts';

const USAGE = `Usage: npm run configure -- --config config.json [--out dist] [--host-out dir]
                          [--allow-origin https://login.example.net]... [--offline]

  --config        the deployment's config.json (checked as the app checks it)
  --out           the built app to configure (default: dist)
  --host-out      where the nginx and CloudFront header files go (default: rolecall-host/ beside --out)
  --allow-origin  another origin the app may connect to and frame (repeatable)
  --offline       do not read the provider's discovery document`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        config: { type: 'string' },
        out: { type: 'string', default: 'dist' },
        'host-out': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true, default: [] },
        offline: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.config) {
    console.error(`--config is required.\n\n${USAGE}`);
    return 2;
  }
  const configText = await readFile(values.config, 'utf8').catch((error: NodeJS.ErrnoException) => {
    console.error(`Cannot read ${values.config}: ${error.code ?? error.message}.`);
    return undefined;
  });
  if (configText === undefined) return 1;

  const outDir = resolve(values.out);
  const result = await configureBuild({
    configText,
    configName: values.config,
    outDir,
    hostDir: values['host-out']
      ? resolve(values['host-out'])
      : join(dirname(outDir), 'rolecall-host'),
    allowOrigins: values['allow-origin'],
    offline: values.offline,
  });
  if (!result.ok) {
    console.error(result.summary);
    for (const problem of result.problems) {
      console.error(`  ${problem.field || '(the whole file)'} ${problem.message}`);
    }
    return 1;
  }
  console.log(
    `Configured ${outDir} for ${result.config.oidc.authority}.\n\nOrigins allowed by the Content-Security-Policy:`,
  );
  for (const origin of result.origins) {
    console.log(`  ${origin.directive.padEnd(12)} ${origin.origin.padEnd(44)} ${origin.reason}`);
  }
  for (const note of result.notes) console.log(`\nNote: ${note}`);
  console.log(`\nWritten:\n${result.written.map((file) => `  ${file}`).join('\n')}`);
  return 0;
}

process.exitCode = await main();
