import type { Browser } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { accountId, roleName, type RoleSpread } from '../bench-people.ts';
import { busyDuring, openPage, signIn, type BenchPage } from '../browser.ts';
import type { Figure } from '../report.ts';
import { summarise } from '../stats.ts';
import type { BenchStack } from '../stack.ts';

const SESSIONS_BASE = 900_000_000_000;

/** The benchmark person's roles in list order: every role of the first account, then the next. */
export function sessionRoles(spread: RoleSpread, count: number) {
  return Array.from({ length: count }, (_, index) => {
    const account = accountId(SESSIONS_BASE, Math.floor(index / spread.rolesPerAccount));
    const name = roleName(index % spread.rolesPerAccount);
    return { button: `${name} in ${account}`, arnPart: `${account}:assumed-role/${name}/` };
  });
}

export async function openSessions(bench: BenchPage, roles: { button: string; arnPart: string }[]) {
  const { page } = bench;
  for (const role of roles) {
    await page
      .getByRole('navigation', { name: 'Roles' })
      .getByRole('button', { name: role.button, exact: true })
      .click();
    await page
      .getByRole('region', { name: 'Assumed as', exact: true })
      .getByText(role.arnPart, { exact: false })
      .first()
      .waitFor();
  }
}

/** Main-thread time per second of wall time while nothing but the clock runs. */
async function perSecond(bench: BenchPage, windowMs: number) {
  const started = performance.now();
  const { busyMs, cpuMs } = await busyDuring(bench, () => sleep(windowMs));
  const seconds = (performance.now() - started) / 1000;
  return { task: busyMs / seconds, cpu: cpuMs === undefined ? undefined : cpuMs / seconds };
}

export async function measureClock(
  browser: Browser,
  stack: BenchStack,
  options: { spread: RoleSpread; steps: number[]; windows: number; windowMs: number },
): Promise<Figure[]> {
  const bench = await openPage(browser, stack.appUrl);
  const figures: Figure[] = [];
  let idleCpu: number | undefined;
  try {
    await signIn(bench.page, 'sessions');
    const roles = sessionRoles(options.spread, Math.max(...options.steps));
    let open = 0;
    for (const step of [0, ...options.steps]) {
      await openSessions(bench, roles.slice(open, step));
      open = step;
      // The panel of the last role opened stays on screen; the list is seen from its top.
      await bench.page.evaluate(() => window.scrollTo(0, 0));
      await sleep(1000);
      const costs: { task: number; cpu?: number }[] = [];
      for (let window = 0; window < options.windows; window++) {
        costs.push(await perSecond(bench, options.windowMs));
      }
      const cpu = costs.flatMap((cost) => (cost.cpu === undefined ? [] : [cost.cpu]));
      const last = step === Math.max(...options.steps);
      const cpuMedian = cpu.length > 0 ? summarise(cpu).median : undefined;
      if (step === 0) idleCpu = cpuMedian;
      figures.push(
        {
          key: `clock.${step}.cpu`,
          label:
            step === 0
              ? 'signed in, no session: main-thread CPU per second'
              : `${step} live session${step === 1 ? '' : 's'}: main-thread CPU per second`,
          unit: 'ms/s',
          sample: cpu.length > 0 ? summarise(cpu) : undefined,
          goal: last ? { text: '≤ 2 ms/s', met: (ms) => ms <= 2 } : undefined,
          note: cpu.length > 0 ? undefined : 'needs Linux /proc',
        },
        {
          key: `clock.${step}.tasks`,
          label: '  main-thread task time (wall clock)',
          unit: 'ms/s',
          sample: summarise(costs.map((cost) => cost.task)),
        },
      );
      if (last && cpuMedian !== undefined && idleCpu !== undefined) {
        // What the countdowns add over the same page with no session: the rest is Chromium's own.
        const added = cpuMedian - idleCpu;
        figures.push({
          key: `clock.${step}.addedCpu`,
          label: '  added over the page with no session (CPU)',
          unit: 'ms/s',
          sample: { median: added, min: added, max: added, runs: 1 },
          note: 'difference of the two medians',
        });
      }
    }
  } finally {
    await bench.close();
  }
  return figures;
}
