import type { Browser } from '@playwright/test';
import type { RoleSpread } from '../bench-people.ts';
import { openPage, signIn, type BenchPage } from '../browser.ts';
import type { Figure } from '../report.ts';
import { summarise } from '../stats.ts';
import type { BenchStack } from '../stack.ts';
import { openSessions, sessionRoles } from './clock.ts';

const MB = 1024 * 1024;

async function heapAfterGc({ cdp }: BenchPage): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / MB;
}

/**
 * JS heap (after a forced GC) while live sessions refresh over and over: sessions of 15 minutes
 * refreshed 890 s before they expire, i.e. every 10 seconds (the soonest the app allows).
 */
export async function measureHeap(
  browser: Browser,
  stack: BenchStack,
  options: { spread: RoleSpread; sessions: number; refreshes: number; sampleEvery: number },
): Promise<Figure[]> {
  stack.setSession({ durationSeconds: 900, refreshLeadSeconds: 890 });
  const bench = await openPage(browser, stack.appUrl);
  const samples: { refreshes: number; mb: number }[] = [];
  try {
    let assumed = 0;
    bench.page.on('request', (request) => {
      if ((request.postData() ?? '').includes('Action=AssumeRoleWithWebIdentity')) assumed += 1;
    });
    await signIn(bench.page, 'sessions');
    await openSessions(bench, sessionRoles(options.spread, options.sessions));
    const opened = assumed;
    samples.push({ refreshes: 0, mb: await heapAfterGc(bench) });
    let next = options.sampleEvery;
    const deadline = Date.now() + (options.refreshes / options.sessions) * 10_000 * 3 + 30_000;
    while (next <= options.refreshes) {
      if (Date.now() > deadline) throw new Error(`Only ${assumed - opened} refreshes happened`);
      await bench.page.waitForTimeout(250);
      if (assumed - opened >= next) {
        samples.push({ refreshes: assumed - opened, mb: await heapAfterGc(bench) });
        next += options.sampleEvery;
      }
    }
  } finally {
    await bench.close();
    stack.setSession({});
  }
  const [start, afterFirst] = samples;
  const last = samples.at(-1)!;
  // Growth between successive samples once the first refreshes have warmed everything up.
  const growth = samples.slice(2).map((sample, index) => {
    const previous = samples[index + 1];
    return ((sample.mb - previous.mb) / (sample.refreshes - previous.refreshes)) * 100;
  });
  const label = `${options.sessions} sessions refreshing: JS heap`;
  return [
    {
      key: 'heap.start',
      label: `${label} after opening`,
      unit: 'MB',
      sample: summarise([start.mb]),
    },
    {
      key: 'heap.afterFirst',
      label: `  after ${afterFirst.refreshes} refreshes`,
      unit: 'MB',
      sample: summarise([afterFirst.mb]),
    },
    {
      key: 'heap.end',
      label: `  after ${last.refreshes} refreshes`,
      unit: 'MB',
      sample: summarise([last.mb]),
    },
    {
      key: 'heap.growthPer100',
      label: `  growth per 100 refreshes after the first ${afterFirst.refreshes}`,
      unit: 'MB',
      sample: growth.length > 0 ? summarise(growth) : undefined,
      goal: { text: 'flat: ≤ 0.1 MB', met: (mb) => mb <= 0.1 },
      note: `refreshes:MB ${samples.map((s) => `${s.refreshes}:${s.mb.toFixed(2)}`).join(' ')}`,
    },
  ];
}
