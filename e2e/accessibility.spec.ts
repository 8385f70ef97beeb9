import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chooseRole, expect, signIn, signOut, STS_ORIGIN, test } from './fixtures';

// axe analyses a whole page at a time: on two busy cores that takes a while.
test.describe.configure({ timeout: 60_000 });

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(serious, screen).toEqual([]);
}

// Contrast is checked in both themes: the dark one follows the system setting.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the signed-out page and the demo sign-in page', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
      await expectNoSeriousViolations(page, 'signed out');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Sign in as alice' })).toBeVisible();
      await expectNoSeriousViolations(page, 'demo sign-in page');
    });

    test('the signed-in screens: roles, a session with export, the switcher, presenter mode', async ({
      page,
    }) => {
      await signIn(page, 'alice');
      await expectNoSeriousViolations(page, 'signed in, no session');
      await chooseRole(page, 'Developer', 'Sandbox');
      await expect(page.getByRole('region', { name: 'Export credentials' })).toBeVisible();
      await expectNoSeriousViolations(page, 'session');
      await page.getByRole('button', { name: 'Training view: how this sign-in worked' }).click();
      await expect(page.getByRole('region', { name: 'How this sign-in worked' })).toBeVisible();
      await expectNoSeriousViolations(page, 'training view');
      await page.getByRole('button', { name: /^Presenter mode/ }).click();
      await expectNoSeriousViolations(page, 'presenter mode');
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog', { name: 'Switch role' })).toBeVisible();
      await expectNoSeriousViolations(page, 'role switcher');
    });

    test('the failure screens: a refused role, no roles, a bad config', async ({ page }) => {
      await signIn(page, 'alice');
      await chooseRole(page, 'Misconfigured trust (training)', 'Sandbox');
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoSeriousViolations(page, 'refused role');

      await signOut(page);
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
      await signIn(page, 'carol');
      await expect(page.getByText('You have no AWS roles yet')).toBeVisible();
      await expectNoSeriousViolations(page, 'no roles');

      await page.route('**/config.json', (route) =>
        route.fulfill({ status: 200, body: '{"oidc": {}}' }),
      );
      await page.goto('/');
      await expect(page.getByRole('heading', { name: /configuration needs fixing/ })).toBeVisible();
      await expectNoSeriousViolations(page, 'config error');
    });

    test('a slow opening with its steps, and its cancellation', async ({ page }) => {
      await signIn(page, 'alice');
      // STS holds every request: the session stays opening until it is cancelled.
      await page.route(`${STS_ORIGIN}/**`, () => undefined);
      await chooseRole(page, 'Developer', 'Sandbox');
      await expect(page.getByRole('list', { name: 'Steps' })).toBeVisible();
      await expectNoSeriousViolations(page, 'opening');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByText('Cancelled — nothing was opened')).toBeVisible();
      await expectNoSeriousViolations(page, 'cancelled');
    });
  });
}
