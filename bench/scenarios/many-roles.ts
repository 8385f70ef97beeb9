import type { Browser } from '@playwright/test';
import { busyDuring, openPage, signIn, timed } from '../browser.ts';
import type { Figure } from '../report.ts';
import { summarise } from '../stats.ts';
import type { BenchStack } from '../stack.ts';

/** Typed one key at a time into the role switcher, then partly erased. */
const QUERY = 'bench-0007 10000000001';
const ERASED = 5;

export async function measureManyRoles(
  browser: Browser,
  stack: BenchStack,
  options: { runs: number; roles: number },
): Promise<Figure[]> {
  const afterToken: number[] = [];
  const fromNavigation: number[] = [];
  const keyLatency: number[] = [];
  const keyBusy: number[] = [];
  const keyCpu: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const bench = await openPage(browser, stack.appUrl);
    const { page } = bench;
    try {
      await signIn(page, 'many');
      const shown = await page.evaluate(async () => {
        const callback = await window.__rolecallBench.callback;
        const token = (
          performance.getEntriesByType('resource') as PerformanceResourceTiming[]
        ).find((entry) => new URL(entry.name).pathname.endsWith('/token'));
        return callback && token ? { ...callback, tokenEnd: token.responseEnd } : undefined;
      });
      if (!shown) throw new Error('The callback page did not show the role list');
      afterToken.push(shown.paintedAt - shown.tokenEnd);
      fromNavigation.push(shown.paintedAt);

      await page.keyboard.press('Control+k');
      const input = page.getByRole('combobox', { name: 'Find a role' });
      await input.waitFor();
      const keys = [...QUERY, ...Array<string>(ERASED).fill('Backspace')];
      let typed = '';
      for (const key of keys) {
        typed = key === 'Backspace' ? typed.slice(0, -1) : typed + key;
        const {
          result: timing,
          busyMs,
          cpuMs,
        } = await busyDuring(bench, () =>
          timed(page, { selector: 'input[aria-label="Find a role"]', value: typed }, () =>
            page.keyboard.press(key),
          ),
        );
        keyLatency.push(timing.paintedAt - timing.inputAt);
        keyBusy.push(busyMs);
        if (cpuMs !== undefined) keyCpu.push(cpuMs);
      }
    } finally {
      await bench.close();
    }
  }
  return [
    {
      key: 'manyRoles.listAfterToken',
      label: `${options.roles} roles: token received → role list on screen`,
      unit: 'ms',
      sample: summarise(afterToken),
      goal: { text: '≤ 300 ms', met: (ms) => ms <= 300 },
    },
    {
      key: 'manyRoles.listFromNavigation',
      label: '  callback page opened → role list on screen',
      unit: 'ms',
      sample: summarise(fromNavigation),
    },
    {
      key: 'manyRoles.filterBusy',
      label: `${options.roles} roles: switcher filter, main-thread tasks per keystroke`,
      unit: 'ms',
      sample: summarise(keyBusy),
      goal: { text: '≤ 16 ms', met: (ms) => ms <= 16 },
    },
    {
      key: 'manyRoles.filterCpu',
      label: '  main-thread CPU per keystroke',
      unit: 'ms',
      sample: keyCpu.length > 0 ? summarise(keyCpu) : undefined,
    },
    {
      key: 'manyRoles.filterLatency',
      label: '  keystroke → next frame shown',
      unit: 'ms',
      sample: summarise(keyLatency),
    },
  ];
}
