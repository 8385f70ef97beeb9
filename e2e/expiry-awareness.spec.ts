import type { Page } from '@playwright/test';
import { chooseRole, expect, signIn, signOut, STS_ORIGIN, test } from './fixtures';

/** Short sessions that refresh 10 s after they arrive, and a warning window wider than a session. */
async function shortSessions(page: Page): Promise<void> {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { session?: Record<string, unknown> };
    config.session = {
      ...config.session,
      durationSeconds: 900,
      refreshLeadSeconds: 890,
      expiryWarningMinutes: 20,
    };
    await route.fulfill({ response, json: config });
  });
}

/** From now on STS refuses every call as AWS does when the trust policy no longer lets the person in. */
async function stsRefuses(page: Page): Promise<void> {
  await page.route(`${STS_ORIGIN}/**`, (route) =>
    route.fulfill({
      status: 403,
      contentType: 'text/xml',
      headers: { 'access-control-allow-origin': '*' },
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error><RequestId>e2e-refused</RequestId></ErrorResponse>',
    }),
  );
}

/** Records the notifications the page shows, and answers the permission prompt with `answer`. */
async function fakeNotifications(page: Page, answer: NotificationPermission): Promise<void> {
  await page.addInitScript((permission) => {
    const shown: string[] = [];
    let current: NotificationPermission = 'default';
    class Recorded {
      static get permission() {
        return current;
      }
      static requestPermission() {
        current = permission;
        return Promise.resolve(permission);
      }
      constructor(title: string, options?: NotificationOptions) {
        shown.push(`${title}: ${options?.body ?? ''}`);
      }
    }
    Object.assign(window, { Notification: Recorded, shownNotifications: shown });
  }, answer);
}

const shownNotifications = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications);

test('the tab title follows the selected session and is Rolecall again once signed out', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await expect(page).toHaveTitle('Rolecall');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page).toHaveTitle(/^Developer · (1 h|59 min) — Rolecall$/);
  await chooseRole(page, 'Read-only', 'Production');
  await expect(page).toHaveTitle(/^Read-only · (1 h|59 min) — Rolecall$/);
  await signOut(page);
  await expect(page).toHaveTitle('Rolecall');
});

test('a production account is framed and named on the session, the role list and the switcher', async ({
  page,
}) => {
  await signIn(page, 'alice');
  const roles = page.getByRole('navigation', { name: 'Roles' });
  await expect(roles.getByRole('heading', { name: /Production/ })).toContainText('production');
  await chooseRole(page, 'Read-only', 'Production');
  const heading = page.getByRole('heading', { name: /Read-only in Production/, level: 2 });
  await expect(heading.getByText('production', { exact: true })).toBeVisible();
  // The badge is written in capitals, and the frame is drawn round the whole session.
  await expect(heading.getByText('production', { exact: true })).toHaveCSS(
    'text-transform',
    'uppercase',
  );
  const panel = page.locator('[data-environment="production"]');
  await expect(panel).toHaveCSS('border-top-width', '4px');
  await page.keyboard.press('Control+k');
  const switcher = page.getByRole('dialog', { name: 'Switch role' });
  await expect(switcher.getByRole('group', { name: /^Production .*production$/ })).toBeVisible();
  await expect(switcher.getByRole('option', { name: 'Read-only in Production' })).toBeVisible();
});

test('a session that cannot be refreshed and is near expiry is told in a banner, the title and a notification', async ({
  page,
}) => {
  await shortSessions(page);
  await fakeNotifications(page, 'granted');
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page).toHaveTitle(/^Developer · 15 min — Rolecall$/);
  await page.getByRole('button', { name: 'Notify me before keys expire' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'You will get a browser notification' }),
  ).toBeVisible();

  await stsRefuses(page);
  const banner = page.getByRole('alert').filter({ hasText: 'cannot be refreshed' });
  await expect(banner).toContainText('Keys expire soon and cannot be refreshed', {
    timeout: 30_000,
  });
  await expect(banner).toContainText(/Developer in Sandbox expires in 1[45] min\./);
  await expect(page).toHaveTitle(/^⚠ Developer · 1[45] min — Rolecall$/);
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([
      expect.stringMatching(
        /^Rolecall: keys expire soon: Developer in Sandbox expires in 1[45] min and cannot be refreshed\./,
      ),
    ]);
  // Once per session and expiry, however often the shared clock ticks.
  const countdown = page
    .getByRole('region', { name: 'Active sessions' })
    .getByRole('timer', { name: /^Developer in Sandbox expires at/ });
  const shownAt = await countdown.textContent();
  await expect(countdown).not.toHaveText(shownAt ?? '');
  expect(await shownNotifications(page)).toHaveLength(1);
});

test('a browser that refuses notifications is told', async ({ page }) => {
  await fakeNotifications(page, 'denied');
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await page.getByRole('button', { name: 'Notify me before keys expire' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your browser blocks notifications' }),
  ).toBeVisible();
});
