import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../sts/test/harness.ts';
import { startConsoleStack, type RunningConsoleStack } from './stack.ts';

const APP_ORIGIN = 'http://localhost:5173';
let h: Harness;
let stack: RunningConsoleStack;

beforeAll(async () => {
  h = await startHarness();
  stack = await startConsoleStack({
    consolePort: 0,
    brokerPort: 0,
    sts: h.sts,
    appOrigin: APP_ORIGIN,
  });
});
afterAll(async () => {
  await stack.close();
  await h.close();
});

const preflight = (origin: string) =>
  fetch(stack.brokerUrl, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
  });

describe('the console part of the demo stack', () => {
  it("runs the broker for Rolecall's origin only", async () => {
    const fromApp = await preflight(APP_ORIGIN);
    expect(fromApp.status).toBe(204);
    expect(fromApp.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);

    expect((await preflight('http://localhost:5999')).status).toBe(403);
  });

  it('serves the demo console beside it', async () => {
    const page = await fetch(new URL('/console/home', stack.consoleUrl));

    expect(page.status).toBe(401);
    expect(await page.text()).toContain('not signed in to the demo console');
  });
});
