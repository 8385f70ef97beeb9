import type { Page, Route } from '@playwright/test';
import { chooseRole, expect, signIn, STS_ORIGIN, test } from './fixtures';

// A slow STS for this page only. (The demo STS's latency fault would slow every test running
// beside this one, since they share the demo STS.)
async function slowSts(page: Page, latencyMs: number): Promise<void> {
  await page.route(`${STS_ORIGIN}/**`, async (route: Route) => {
    if (route.request().method() === 'POST') {
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
    }
    // A cancelled call's request is gone by the time its delay ends.
    await route.continue().catch(() => undefined);
  });
}

test('a slow opening shows its steps as they happen, and Cancel ends it', async ({ page }) => {
  await signIn(page, 'alice');
  await slowSts(page, 4000);
  await chooseRole(page, 'Developer', 'Sandbox');

  const session = page.getByRole('region', { name: 'Session' });
  const steps = session.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(session.getByRole('status')).toContainText(
    'Step 1 of 2: asking AWS STS for credentials (AssumeRoleWithWebIdentity)…',
  );
  await expect(steps.nth(0)).toContainText(/\(in progress, [1-9] s\)/);
  await expect(steps.nth(1)).toContainText('GetCallerIdentity');
  await expect(steps.nth(1)).toContainText('(waiting)');
  const row = page.getByRole('region', { name: 'Active sessions' }).getByRole('listitem');
  await expect(row).toContainText('Developer in Sandbox');
  await expect(row).toContainText('step 1 of 2…');

  await expect(session.getByRole('status')).toContainText(
    'Step 2 of 2: asking AWS who the credentials are (GetCallerIdentity)…',
  );
  await expect(steps.nth(0)).toContainText('(done)');
  await expect(steps.nth(1)).toContainText(/\(in progress, [1-9] s\)/);
  await expect(row).toContainText('step 2 of 2…');

  await session.getByRole('button', { name: 'Cancel' }).click();
  await expect(session.getByRole('status')).toContainText('Cancelled — nothing was opened');
  const tryAgain = session.getByRole('button', { name: 'Try again' });
  await expect(tryAgain).toBeFocused();
  await expect(page.getByRole('region', { name: 'Credentials', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Active sessions' })).toHaveCount(0);

  // Nothing opens by itself afterwards; trying again opens the session normally.
  await page.unroute(`${STS_ORIGIN}/**`);
  await tryAgain.click();
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toContainText(
    'assumed-role/Developer/',
  );
});

test('an STS that does not answer in time is told, with Try again', async ({ page }) => {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { sts: Record<string, unknown> };
    config.sts.requestTimeoutSeconds = 2;
    await route.fulfill({ response, json: config });
  });
  await signIn(page, 'alice');
  // STS never answers while this route holds its requests.
  await page.route(`${STS_ORIGIN}/**`, () => undefined);
  await chooseRole(page, 'Developer', 'Sandbox');

  await expect(page.getByRole('alert')).toContainText('AWS STS did not answer within 2 seconds');
  await page.unroute(`${STS_ORIGIN}/**`);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toContainText(
    'assumed-role/Developer/',
  );
});
