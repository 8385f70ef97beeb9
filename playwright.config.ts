import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_WORKERS, extraIssuersSetting } from './e2e/second-provider-issuers';

// Playwright's own browser download cannot run on every machine (no CDN access here). Use the
// system Chromium when there is one (or the one CHROMIUM_PATH names); elsewhere Playwright's own.
const systemChromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const runningAsRoot = process.getuid?.() === 0;

const APP_URL = `http://localhost:${process.env.APP_PORT ?? 5173}`;
// The development smoke test runs against the dev server (React's development warnings are on),
// with a demo stack of its own, 50 ports above the production one's.
const devPort = (name: string, fallback: number) =>
  String(Number(process.env[name] ?? fallback) + 50);
const DEV_PORTS = {
  APP_PORT: devPort('APP_PORT', 5173),
  IDP_PORT: devPort('IDP_PORT', 5180),
  STS_PORT: devPort('STS_PORT', 5190),
  CONSOLE_PORT: devPort('CONSOLE_PORT', 5191),
  BROKER_PORT: devPort('BROKER_PORT', 5192),
};
const DEV_APP_URL = `http://localhost:${DEV_PORTS.APP_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry in CI, so that a test made flaky by a busy two-core machine shows up as flaky, not red.
  retries: process.env.CI ? 1 : 0,
  // The second provider runs per worker (e2e/second-provider.ts): the STS trusts each worker's.
  workers: E2E_WORKERS,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: {
    timeout: 10_000,
    // Screens (e2e/screens.spec.ts): font rendering differs a little between machines.
    toHaveScreenshot: { maxDiffPixelRatio: 0.02, animations: 'disabled', caret: 'hide' },
  },
  // Baselines named by screen only, not by platform or browser: the same on every machine.
  snapshotPathTemplate: '{testDir}/screens/{arg}{ext}',
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: systemChromium,
      args: [
        ...(runningAsRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'production build', testIgnore: /dev-mode\.spec\.ts$/ },
    { name: 'dev server', testMatch: /dev-mode\.spec\.ts$/, use: { baseURL: DEV_APP_URL } },
  ],
  webServer: [
    {
      command: 'npx tsx demo/start.ts --preview',
      // Short-lived ID tokens, so the tests see them renewed; the second provider trusted as well.
      env: { IDP_ID_TOKEN_TTL: '70', DEMO_EXTRA_ISSUERS: extraIssuersSetting() },
      url: APP_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'npx tsx demo/start.ts',
      env: DEV_PORTS,
      url: DEV_APP_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
