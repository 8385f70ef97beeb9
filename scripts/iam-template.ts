// `npm run iam-template -- --config config.json --out rolecall-iam.yaml`: the CloudFormation
// template of the IAM side (OIDC provider and roles per account), generated from config.json.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfigText } from '../build/configure-build.ts';
import { iamTemplate, templateYaml } from '../build/iam-template.ts';

const USAGE = 'Usage: npm run iam-template -- --config config.json [--out rolecall-iam.yaml]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { config: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.config) {
    console.error(`--config is required.\n${USAGE}`);
    return 2;
  }
  const text = await readFile(values.config, 'utf8').catch((error: NodeJS.ErrnoException) => {
    console.error(`Cannot read ${values.config}: ${error.code ?? error.message}.`);
    return undefined;
  });
  if (text === undefined) return 1;
  const parsed = parseConfigText(text, values.config);
  if (!parsed.ok) {
    console.error(parsed.summary);
    for (const problem of parsed.problems)
      console.error(`  ${problem.field || '(the whole file)'} ${problem.message}`);
    return 1;
  }
  const { template, warnings } = iamTemplate(parsed.config);
  const yaml = templateYaml(
    template,
    `Generated from ${values.config} by npm run iam-template: regenerate instead of editing.`,
  );
  if (values.out) await writeFile(values.out, yaml);
  else process.stdout.write(yaml);
  for (const warning of warnings) console.error(`Warning: ${warning}`);
  if (values.out) console.error(`Written: ${values.out}`);
  return 0;
}

process.exitCode = await main();
