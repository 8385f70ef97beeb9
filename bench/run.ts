// `npm run bench`: the project's benchmark, on the production build with the demo stack. Every
// figure is the median of several runs with its spread, beside its goal; the table is printed and
// written as JSON to bench/out/. `--smoke` runs each scenario once at tiny sizes (CI checks that
// the benchmark still works; its figures mean nothing).
//
//   npm run bench
//   npm run bench -- --only click,clock    (some scenarios: bundle, click, clock, roles, heap, sts)
//   BENCH_REFRESHES=300 npm run bench       (the heap over fewer refreshes: ~2.5 minutes less)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.ts';
import { renderTable, resultOf, type Figure } from './report.ts';
import { measureBundle } from './scenarios/bundle.ts';
import { measureClickPath } from './scenarios/click-path.ts';
import { measureClock } from './scenarios/clock.ts';
import { measureHeap } from './scenarios/heap.ts';
import { measureManyRoles } from './scenarios/many-roles.ts';
import { measureStsAgainstFloor } from './scenarios/sts-floor.ts';
import { startBenchStack } from './stack.ts';

const smoke = process.argv.includes('--smoke');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : new Set(process.argv[onlyAt + 1]?.split(','));
const out = fileURLToPath(new URL('./out/', import.meta.url));

const sizes = smoke
  ? {
      many: { accounts: 20, rolesPerAccount: 5 },
      sessions: { accounts: 1, rolesPerAccount: 3 },
      clockSteps: [1, 3],
      clockWindows: 1,
      clockWindowMs: 500,
      clickRuns: 1,
      manyRuns: 1,
      heapSessions: 3,
      refreshes: 2,
      sampleEvery: 1,
      stsRuns: 1,
    }
  : {
      many: { accounts: 500, rolesPerAccount: 10 },
      sessions: { accounts: 5, rolesPerAccount: 10 },
      clockSteps: [1, 10, 50],
      clockWindows: 5,
      clockWindowMs: 3000,
      clickRuns: 5,
      manyRuns: 3,
      heapSessions: 50,
      refreshes: Number(process.env.BENCH_REFRESHES ?? 1000),
      sampleEvery: 100,
      stsRuns: 3,
    };

async function main() {
  const started = Date.now();
  const stack = await startBenchStack(`${out}stack`, {
    many: sizes.many,
    sessions: sizes.sessions,
  });
  const browser = await launchBrowser();
  const figures: Figure[] = [];
  const step = async (name: string, measure: () => Promise<Figure[]>) => {
    if (only && !only.has(name.split(' ')[0])) return;
    console.log(`bench: ${name}…`);
    figures.push(...(await measure()));
  };
  try {
    await step('bundle sizes', () => measureBundle(browser, stack));
    await step('click path and switch-back', () =>
      measureClickPath(browser, stack, sizes.clickRuns),
    );
    await step('clock at 1/10/50 sessions', () =>
      measureClock(browser, stack, {
        spread: sizes.sessions,
        steps: sizes.clockSteps,
        windows: sizes.clockWindows,
        windowMs: sizes.clockWindowMs,
      }),
    );
    const roles = sizes.many.accounts * sizes.many.rolesPerAccount;
    await step(`roles (${roles} of them)`, () =>
      measureManyRoles(browser, stack, { runs: sizes.manyRuns, roles }),
    );
    await step('heap over refreshes', () =>
      measureHeap(browser, stack, {
        spread: sizes.sessions,
        sessions: sizes.heapSessions,
        refreshes: sizes.refreshes,
        sampleEvery: sizes.sampleEvery,
      }),
    );
    await step('sts against the trivial-server floor', () =>
      measureStsAgainstFloor({ runs: sizes.stsRuns, smoke }),
    );
  } finally {
    await browser.close();
    await stack.close();
  }

  const results = figures.map(resultOf);
  console.log(`\n${renderTable(results)}\n`);
  mkdirSync(out, { recursive: true });
  const file = `${out}${smoke ? 'smoke' : 'results'}.json`;
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version };
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), smoke, machine, results }, null, 2)}\n`,
  );
  console.log(`Written to ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  console.error(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
