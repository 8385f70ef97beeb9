import type { Browser } from '@playwright/test';
import { allScripts, firstPageScripts, gzipWeight, totalKb } from '../../scripts/bundle-weight.ts';
import { openPage, signIn } from '../browser.ts';
import type { Figure } from '../report.ts';
import { summarise } from '../stats.ts';
import type { BenchStack } from '../stack.ts';

/** Bundle weights: the first page, what a signed-in person with a session open has loaded, all. */
export async function measureBundle(browser: Browser, stack: BenchStack): Promise<Figure[]> {
  const bench = await openPage(browser, stack.appUrl);
  let loaded: string[];
  try {
    await signIn(bench.page, 'alice');
    await bench.page
      .getByRole('navigation', { name: 'Roles' })
      .getByRole('button', { name: 'Developer in Sandbox', exact: true })
      .click();
    await bench.page.getByRole('region', { name: 'Export credentials' }).waitFor();
    loaded = await bench.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === location.origin && url.pathname.endsWith('.js'))
        .map((url) => url.pathname),
    );
  } finally {
    await bench.close();
  }
  return [
    {
      key: 'bundle.firstPage',
      label: 'first page JavaScript (gzip)',
      unit: 'KB',
      sample: summarise([totalKb(firstPageScripts(stack.dist))]),
      goal: { text: '≤ 100 KB', met: (kb) => kb <= 100 },
    },
    {
      key: 'bundle.signedIn',
      label: '  signed in with a session open (gzip)',
      unit: 'KB',
      sample: summarise([totalKb([...new Set(loaded)].map((src) => gzipWeight(stack.dist, src)))]),
    },
    {
      key: 'bundle.all',
      label: '  all JavaScript of the build (gzip)',
      unit: 'KB',
      sample: summarise([totalKb(allScripts(stack.dist))]),
    },
  ];
}
