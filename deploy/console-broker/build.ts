// Builds the Lambda package: `npx tsx deploy/console-broker/build.ts` compiles src/ (tests left out)
// to deploy/console-broker/dist/ as plain ES modules with no dependencies beyond Node itself, plus
// the package.json that tells Lambda's Node runtime they are ES modules. template.yaml points at it.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const DEFAULT_OUT_DIR = join(here, 'dist');

export function buildConsoleBroker(outDir = DEFAULT_OUT_DIR): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [tsc, '--project', join(here, 'tsconfig.build.json'), '--outDir', outDir],
    { stdio: 'inherit' },
  );
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildConsoleBroker();
  process.stdout.write(
    `Console broker built in ${DEFAULT_OUT_DIR} (Lambda handler: handler.handler).\n`,
  );
}
