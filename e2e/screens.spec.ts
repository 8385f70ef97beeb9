import type { Locator, Page } from '@playwright/test';
import { chooseRole, expect, signIn, test } from './fixtures';

// What changes from run to run is masked: countdowns, clock times, the decoded token's numbers.
// Regenerate the baselines after a deliberate UI change (and look at them):
//   npx playwright test e2e/screens.spec.ts --update-snapshots
test.describe.configure({ timeout: 90_000 });

function changing(page: Page): Locator[] {
  return [
    page.getByRole('timer'),
    page.getByText(/\b\d{1,2}:\d{2}\b/),
    page.getByRole('region', { name: 'Decoded claims' }),
  ];
}

async function openSessions(page: Page): Promise<void> {
  await signIn(page, 'alice');
  for (const [role, account] of [
    ['Administrator', 'Sandbox'],
    ['Auditor (chained from Sandbox Developer)', 'Audit'],
    ['Developer', 'Sandbox'],
  ]) {
    await chooseRole(page, role, account);
    await expect(
      page.getByRole('heading', { level: 2, name: `${role} in ${account}` }),
    ).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Assumed as' })).toBeVisible();
  // The last choice scrolled to the session: the screens start at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: /^Switch role/ }).focus();
  await page.getByRole('button', { name: /^Switch role/ }).blur();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('signed out', async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
      await expect(page).toHaveScreenshot(`signed-out-${colorScheme}.png`);
    });

    test('signed in with sessions, 1440×900', async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await openSessions(page);
      await expect(page).toHaveScreenshot(`sessions-1440-${colorScheme}.png`, {
        mask: changing(page),
      });
    });

    test('presenter mode, 1280×720', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openSessions(page);
      await page.getByRole('button', { name: /^Presenter mode/ }).click();
      await expect(page.getByRole('button', { name: 'Presenter mode: on' })).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(page).toHaveScreenshot(`presenter-1280-${colorScheme}.png`, {
        mask: changing(page),
      });
    });

    test('training view after a refusal, 1280×720', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await signIn(page, 'alice');
      await chooseRole(page, 'Misconfigured trust (training)', 'Sandbox');
      await page.getByRole('alert').getByRole('link', { name: 'Why it failed' }).click();
      const view = page.getByRole('region', { name: 'How this sign-in worked' });
      const why = view.getByRole('region', { name: 'Why it failed' });
      await expect(why).toBeFocused();
      // The explanation and the diagram; the request id changes from run to run.
      await expect(why).toHaveScreenshot(`training-why-${colorScheme}.png`, {
        mask: [why.getByText(/request id/)],
      });
      await expect(view.getByRole('img', { name: /message by message/ })).toHaveScreenshot(
        `training-diagram-${colorScheme}.png`,
      );
    });

    test('phone, 390×844', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openSessions(page);
      await expect(page).toHaveScreenshot(`phone-390-${colorScheme}.png`, {
        mask: changing(page),
      });
    });
  });
}
