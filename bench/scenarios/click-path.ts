import type { Browser, Page } from '@playwright/test';
import {
  busyDuring,
  openPage,
  plainClick,
  signIn,
  stsRequests,
  timed,
  type BenchPage,
} from '../browser.ts';
import type { Figure } from '../report.ts';
import { summarise } from '../stats.ts';
import type { BenchStack } from '../stack.ts';

const roleButton = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Roles' }).getByRole('button', { name, exact: true });

const identityShows = (text: string) => ({
  selector: 'section[aria-labelledby="identity-heading"]',
  text,
});

interface ClickSample {
  total: number;
  sts: number;
  requests: number;
}

/** Clicks a role whose session is not open yet: click → identity on screen, and the STS share of it. */
async function openRole({ page }: BenchPage, stack: BenchStack, button: string, arnPart: string) {
  const click = await plainClick(page, roleButton(page, button));
  const timing = await timed(page, identityShows(arnPart), click);
  const requests = await stsRequests(page, stack.stsUrl, timing.inputAt, timing.paintedAt);
  const sts = requests.reduce((sum, request) => sum + request.duration, 0);
  return { total: timing.paintedAt - timing.inputAt, sts, requests: requests.length };
}

/** A click on a heading: what measuring a click costs by itself, with nothing to change. */
async function clickThatChangesNothing(bench: BenchPage) {
  const click = await plainClick(
    bench.page,
    bench.page.getByRole('heading', { name: 'Your roles' }),
  );
  const {
    result: timing,
    busyMs,
    cpuMs,
  } = await busyDuring(bench, () => timed(bench.page, { selector: 'h1' }, click));
  return { latency: timing.paintedAt - timing.inputAt, busy: busyMs, cpu: cpuMs };
}

/** Clicks a role whose session is open: no network, only the app's own work. */
async function switchBack(bench: BenchPage, button: string, arnPart: string) {
  const click = await plainClick(bench.page, roleButton(bench.page, button));
  const {
    result: timing,
    busyMs,
    cpuMs,
  } = await busyDuring(bench, () => timed(bench.page, identityShows(arnPart), click));
  return { latency: timing.paintedAt - timing.inputAt, busy: busyMs, cpu: cpuMs };
}

function optionalSample(values: (number | undefined)[]) {
  const known = values.filter((value) => value !== undefined);
  return known.length > 0 ? summarise(known) : undefined;
}

export async function measureClickPath(
  browser: Browser,
  stack: BenchStack,
  runs: number,
): Promise<Figure[]> {
  const first: ClickSample[] = [];
  const later: ClickSample[] = [];
  const back: { latency: number; busy: number; cpu?: number }[] = [];
  const floor: { latency: number; busy: number; cpu?: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const bench = await openPage(browser, stack.appUrl);
    try {
      await signIn(bench.page, 'alice');
      first.push(await openRole(bench, stack, 'Developer in Sandbox', 'assumed-role/Developer/'));
      later.push(await openRole(bench, stack, 'Administrator in Sandbox', 'assumed-role/Admin/'));
      later.push(await openRole(bench, stack, 'Read-only in Production', 'assumed-role/ReadOnly/'));
      back.push(await switchBack(bench, 'Developer in Sandbox', 'assumed-role/Developer/'));
      back.push(await switchBack(bench, 'Read-only in Production', 'assumed-role/ReadOnly/'));
      back.push(await switchBack(bench, 'Administrator in Sandbox', 'assumed-role/Admin/'));
      for (let click = 0; click < 3; click++) floor.push(await clickThatChangesNothing(bench));
    } finally {
      await bench.close();
    }
  }
  for (const sample of [...first, ...later]) {
    if (sample.requests !== 2) {
      throw new Error(`A role click made ${sample.requests} STS requests, expected 2`);
    }
  }
  const added = (samples: ClickSample[]) => summarise(samples.map((s) => s.total - s.sts));
  return [
    {
      key: 'click.first.total',
      label: 'first click after sign-in → identity on screen',
      unit: 'ms',
      sample: summarise(first.map((s) => s.total)),
    },
    {
      key: 'click.first.sts',
      label: '  of which the 2 STS requests',
      unit: 'ms',
      sample: summarise(first.map((s) => s.sts)),
    },
    {
      key: 'click.first.added',
      label: '  added by the app',
      unit: 'ms',
      sample: added(first),
      goal: { text: '≤ 60 ms', met: (ms) => ms <= 60 },
    },
    {
      key: 'click.later.total',
      label: 'later click → identity on screen',
      unit: 'ms',
      sample: summarise(later.map((s) => s.total)),
    },
    {
      key: 'click.later.sts',
      label: '  of which the 2 STS requests',
      unit: 'ms',
      sample: summarise(later.map((s) => s.sts)),
    },
    {
      key: 'click.later.added',
      label: '  added by the app',
      unit: 'ms',
      sample: added(later),
      goal: { text: '≤ 30 ms', met: (ms) => ms <= 30 },
    },
    {
      key: 'click.later.ratio',
      label: '  click time / STS time',
      unit: '×',
      sample: summarise(later.map((s) => s.total / s.sts)),
    },
    {
      key: 'switchBack.busy',
      label: 'switch back to an open session: main-thread tasks',
      unit: 'ms',
      sample: summarise(back.map((s) => s.busy)),
      goal: { text: '≤ 16 ms (one frame)', met: (ms) => ms <= 16 },
    },
    {
      key: 'switchBack.cpu',
      label: '  main-thread CPU',
      unit: 'ms',
      sample: optionalSample(back.map((s) => s.cpu)),
    },
    {
      key: 'switchBack.latency',
      label: '  click → next frame shown',
      unit: 'ms',
      sample: summarise(back.map((s) => s.latency)),
    },
    {
      key: 'floor.cpu',
      label: 'measurement floor (a click that changes nothing): CPU',
      unit: 'ms',
      sample: optionalSample(floor.map((s) => s.cpu)),
    },
    {
      key: 'floor.busy',
      label: '  main-thread tasks',
      unit: 'ms',
      sample: summarise(floor.map((s) => s.busy)),
    },
  ];
}
