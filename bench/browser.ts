import {
  chromium,
  type Locator,
  devices,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
import { readFileSync } from 'node:fs';
import playwrightConfig from '../playwright.config.ts';
import { installProbe, type Expectation, type Timing } from './page-probe.ts';
import { summarise } from './stats.ts';

/** Chromium as the browser tests launch it (same executable and arguments). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(playwrightConfig.use?.launchOptions ?? {});
}

export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  context: BrowserContext;
  /** Main-thread seconds that reading the metrics twice adds by itself (subtracted). */
  metricsCost: number;
  /** CPU time of the renderers' main threads so far, in ms (Linux); undefined elsewhere. */
  mainThreadCpuMs(): Promise<number | undefined>;
  close(): Promise<void>;
}

export async function openPage(browser: Browser, appUrl: string): Promise<BenchPage> {
  const context = await browser.newContext({ ...devices['Desktop Chrome'], baseURL: appUrl });
  // tsx (esbuild, keepNames) wraps named functions in `__name(...)`, which the page lacks.
  await context.addInitScript({
    content: `globalThis.__name ??= (target) => target; (${installProbe.toString()})();`,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const costs: number[] = [];
  for (let pair = 0; pair < 5; pair++) {
    const first = await mainThread(cdp);
    costs.push((await mainThread(cdp)).task - first.task);
  }
  const metricsCost = summarise(costs).median;
  const browserCdp = await browser.newBrowserCDPSession();
  const mainThreadCpuMs = async () => {
    const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    let total = 0;
    for (const { id } of processInfo.filter((process) => process.type === 'renderer')) {
      const nanoseconds = mainThreadCpuNs(id);
      if (nanoseconds === undefined) return undefined;
      total += nanoseconds;
    }
    return total / 1e6;
  };
  return {
    page,
    cdp,
    context,
    metricsCost,
    mainThreadCpuMs,
    close: async () => {
      await browserCdp.detach();
      await context.close();
    },
  };
}

/** Signs in through the demo IdP's page, as a person (and the browser tests) would. */
export async function signIn(page: Page, user: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: `Sign in as ${user}` }).click();
  await page.getByText(/^Signed in as/).waitFor();
}

/**
 * Clicks the middle of `locator` with a plain mouse event: Playwright's own `click()` first checks
 * in the page that the element is visible, stable and hit, and that work would be counted too.
 */
export async function plainClick(page: Page, locator: Locator): Promise<() => Promise<void>> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`Nothing to click: ${String(locator)}`);
  return () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Runs `act` (which must click or press a key) and times it until `until` shows, after paint. */
export async function timed(
  page: Page,
  until: Expectation,
  act: () => Promise<void>,
): Promise<Timing> {
  await page.evaluate((expectation) => window.__rolecallBench.arm(expectation), until);
  await act();
  return page.evaluate(() => window.__rolecallBench.result());
}

export interface MainThread {
  /** Seconds of main-thread tasks (script, style, layout, paint recording...) so far. */
  task: number;
  script: number;
  styleAndLayout: number;
  jsHeapUsed: number;
}

/** Main-thread time of the renderer so far (`Performance.getMetrics`, itself a little work). */
export async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    task: value('TaskDuration'),
    script: value('ScriptDuration'),
    styleAndLayout: value('RecalcStyleDuration') + value('LayoutDuration'),
    jsHeapUsed: value('JSHeapUsedSize'),
  };
}

export interface StsRequest {
  action?: string;
  startTime: number;
  duration: number;
}

/** STS requests the page started between two times, from Resource Timing. */
export function stsRequests(page: Page, stsUrl: string, from: number, to: number) {
  return page.evaluate(
    ({ origin, from, to }) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter(
          (entry) =>
            entry.name.startsWith(origin) && entry.startTime >= from && entry.responseEnd <= to,
        )
        .map((entry) => ({ startTime: entry.startTime, duration: entry.duration })),
    { origin: new URL(stsUrl).origin, from, to },
  );
}

/**
 * A renderer's main thread is its process's first thread: Linux's schedstat says how long it has
 * run, in nanoseconds, excluding time spent waiting for a CPU (this machine is shared).
 */
function mainThreadCpuNs(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

export interface Busy<T> {
  result: T;
  /** Wall-clock milliseconds of main-thread tasks (Performance.getMetrics TaskDuration). */
  busyMs: number;
  /** CPU milliseconds of the renderer main threads, when the system says. */
  cpuMs?: number;
}

/** Main-thread time spent while `act` runs (less the cost of measuring it). */
export async function busyDuring<T>(bench: BenchPage, act: () => Promise<T>): Promise<Busy<T>> {
  const cpuBefore = await bench.mainThreadCpuMs();
  const before = await mainThread(bench.cdp);
  const result = await act();
  const after = await mainThread(bench.cdp);
  const cpuAfter = await bench.mainThreadCpuMs();
  return {
    result,
    busyMs: Math.max(0, (after.task - before.task - bench.metricsCost) * 1000),
    cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
  };
}
