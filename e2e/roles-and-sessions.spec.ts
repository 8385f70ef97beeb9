import type { Page } from '@playwright/test';
import { chooseRole, expect, signIn, STS_ORIGIN, test } from './fixtures';

/** Counts the STS calls this page makes (other tests share the demo STS, so its own log would race). */
function countStsCalls(page: Page): { actions: string[] } {
  const seen = { actions: [] as string[] };
  page.on('request', (request) => {
    if (request.url().startsWith(STS_ORIGIN) && request.method() !== 'OPTIONS') {
      seen.actions.push(new URLSearchParams(request.postData() ?? '').get('Action') ?? '?');
    }
  });
  return seen;
}

const assumedAs = (page: Page) => page.getByRole('region', { name: 'Assumed as', exact: true });

test('switching among three roles in two accounts keeps a session for each', async ({ page }) => {
  await signIn(page, 'alice');
  const cases = [
    ['Developer', 'Sandbox', 'arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com'],
    ['Administrator', 'Sandbox', 'arn:aws:sts::111111111111:assumed-role/Admin/alice@example.com'],
    [
      'Read-only',
      'Production',
      'arn:aws:sts::222222222222:assumed-role/ReadOnly/alice@example.com',
    ],
  ] as const;
  for (const [role, account, arn] of cases) {
    await chooseRole(page, role, account);
    await expect(assumedAs(page)).toContainText(arn);
  }
  const active = page.getByRole('region', { name: 'Active sessions' });
  for (const [role, account] of cases) {
    await expect(
      active.getByRole('timer', {
        name: new RegExp(`^${role} in ${account} expires at \\d{1,2}:\\d\\d`),
      }),
    ).toBeVisible();
  }
});

test('going back to an active session is instant: no new STS call', async ({ page }) => {
  const sts = countStsCalls(page);
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(assumedAs(page)).toContainText('assumed-role/Developer/');
  await chooseRole(page, 'Read-only', 'Production');
  await expect(assumedAs(page)).toContainText('assumed-role/ReadOnly/');
  expect(sts.actions).toEqual([
    'AssumeRoleWithWebIdentity',
    'GetCallerIdentity',
    'AssumeRoleWithWebIdentity',
    'GetCallerIdentity',
  ]);

  await page.getByRole('button', { name: 'Open session Developer in Sandbox' }).click();
  await expect(assumedAs(page)).toContainText('assumed-role/Developer/');
  await chooseRole(page, 'Read-only', 'Production');
  await expect(assumedAs(page)).toContainText('assumed-role/ReadOnly/');
  expect(sts.actions).toHaveLength(4);
});

test('a session can be ended on its own', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(assumedAs(page)).toBeVisible();
  await chooseRole(page, 'Read-only', 'Production');
  await expect(assumedAs(page)).toContainText('ReadOnly');
  await page.getByRole('button', { name: 'End session Developer in Sandbox' }).click();
  const active = page.getByRole('region', { name: 'Active sessions' });
  await expect(active.getByRole('listitem')).toHaveCount(1);
  await expect(active).toContainText('Read-only in Production');
});

test('a role listed in a token claim is offered, in its configured account', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Deployer', 'Production');
  await expect(assumedAs(page)).toContainText(
    'arn:aws:sts::222222222222:assumed-role/Deployer/alice@example.com',
  );
});

test('a deep link selects its role after sign-in', async ({ page }) => {
  await signIn(page, 'alice', '/?account=222222222222&role=ReadOnly');
  await expect(assumedAs(page)).toContainText('arn:aws:sts::222222222222:assumed-role/ReadOnly/');
  await expect(page).toHaveURL(/\?account=222222222222&role=ReadOnly$/);
});

test('a deep link to a role the person lacks says so', async ({ page }) => {
  await signIn(page, 'bob', '/?account=111111111111&role=Admin');
  await expect(page.getByText('The link names a role you cannot assume')).toBeVisible();
});

test('Ctrl+K opens the switcher; typing filters and Enter switches', async ({ page }) => {
  await signIn(page, 'alice');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Switch role' });
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole('combobox', { name: 'Find a role' });
  await expect(search).toBeFocused();
  await search.fill('prod read');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(assumedAs(page)).toContainText('assumed-role/ReadOnly/');

  await page.keyboard.press('Control+k');
  await search.fill('sandbox');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('option', { selected: true })).toHaveAccessibleName(
    'Administrator in Sandbox',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('favourites and recent roles are offered for one-click switching', async ({ page }) => {
  await signIn(page, 'alice');
  await page.getByRole('button', { name: 'Favourite Read-only in Production' }).click();
  await chooseRole(page, 'Developer', 'Sandbox');
  const quick = page.getByRole('navigation', { name: 'Quick access' });
  await expect(quick.getByRole('region', { name: 'Favourites' })).toContainText('Read-only');
  await expect(quick.getByRole('region', { name: 'Recently used' })).toContainText('Developer');
  await quick.getByRole('button', { name: 'Read-only in Production' }).click();
  await expect(assumedAs(page)).toContainText('ReadOnly');
});

test('a chained role in a third account is reached through the hub, capped at one hour', async ({
  page,
}) => {
  const sts = countStsCalls(page);
  await signIn(page, 'alice');
  await chooseRole(page, 'Auditor (chained from Sandbox Developer)', 'Audit');
  await expect(assumedAs(page)).toContainText(
    'arn:aws:sts::333333333333:assumed-role/Auditor/alice@example.com',
  );
  await expect(assumedAs(page)).toContainText(
    'arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com',
  );
  await expect(page.getByRole('timer', { name: /^Expires at/ })).toHaveText(/^(59|1:00):\d\d$/);
  await expect(page.getByRole('combobox', { name: 'Session length' })).toContainText('1 hour');
  await expect(page.getByText(/caps a chained role .* at 1 hour/)).toBeVisible();
  expect(sts.actions).toEqual([
    'AssumeRoleWithWebIdentity',
    'GetCallerIdentity',
    'AssumeRole',
    'GetCallerIdentity',
  ]);
});

test('choosing a session length gets credentials of that length', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('timer', { name: /^Expires at/ })).toHaveText(/^(59|1:00):\d\d$/);
  await page.getByRole('combobox', { name: 'Session length' }).selectOption({ label: '2 hours' });
  await expect(page.getByRole('timer', { name: /^Expires at/ })).toHaveText(/^(1:59|2:00):\d\d$/);
});

test('a session refreshes itself before it expires', async ({ page }) => {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { session: Record<string, number> };
    config.session = { ...config.session, durationSeconds: 900, refreshLeadSeconds: 890 };
    await route.fulfill({ response, json: config });
  });
  const sts = countStsCalls(page);
  await signIn(page, 'alice');
  await chooseRole(page, 'Read-only', 'Production');
  const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
  await credentials.getByRole('button', { name: 'Reveal Access key ID' }).click();
  const firstKey = (await credentials.locator('code').first().textContent())!;
  expect(firstKey).toMatch(/^ASIA/);
  // Refreshed 890 s before its 900 s expiry: about 10 s after it arrived.
  await expect(credentials.locator('code').first()).not.toHaveText(firstKey, { timeout: 20_000 });
  await expect(credentials.locator('code').first()).toHaveText(/^ASIA/);
  expect(
    sts.actions.filter((action) => action === 'AssumeRoleWithWebIdentity').length,
  ).toBeGreaterThanOrEqual(2);
});

test('an ID token about to expire is renewed silently before it is used', async ({ page }) => {
  // The e2e demo provider issues ID tokens for 70 s (IDP_ID_TOKEN_TTL in playwright.config.ts);
  // Rolecall renews a token with less than a minute left before sending it to STS.
  await signIn(page, 'alice');
  const signInTimer = page.getByRole('timer', { name: /^Sign-in expires at/ });
  await expect(signInTimer).toHaveText(/^0:5\d$/, { timeout: 20_000 });
  const renewal = page.waitForRequest(
    (request) =>
      request.url().endsWith('/token') &&
      (request.postData() ?? '').includes('grant_type=refresh_token'),
  );
  await chooseRole(page, 'Developer', 'Sandbox');
  await renewal;
  await expect(assumedAs(page)).toContainText('assumed-role/Developer/');
  await expect(signInTimer).toHaveText(/^1:0\d$/);
});

test('when the provider refuses to renew, the person is told, keeps their sessions, and signs in again in a popup', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(assumedAs(page)).toContainText('assumed-role/Developer/');

  // The provider ends the grant: every refresh is refused from now on.
  await page.route('**/token', async (route) => {
    if ((route.request().postData() ?? '').includes('grant_type=refresh_token')) {
      await route.fulfill({
        status: 400,
        json: { error: 'invalid_grant', error_description: 'grant request is invalid' },
      });
    } else {
      await route.continue();
    }
  });
  const signInTimer = page.getByRole('timer', { name: /^Sign-in expires at/ });
  await expect(signInTimer).toHaveText(/^0:5\d$/, { timeout: 20_000 });
  await chooseRole(page, 'Read-only', 'Production');
  const notice = page.getByRole('status').filter({ hasText: 'Your sign-in has expired' });
  await expect(notice).toBeVisible();
  const active = page.getByRole('region', { name: 'Active sessions' });
  await expect(
    active.getByRole('timer', { name: /^Developer in Sandbox expires at/ }),
  ).toBeVisible();

  await page.unroute('**/token');
  const popupOpened = page.waitForEvent('popup');
  await notice.getByRole('button', { name: 'Sign in again' }).click();
  const popup = await popupOpened;
  // The popup closes itself once it has handed the answer back (it may already be gone).
  await expect.poll(() => popup.isClosed()).toBe(true);
  await expect(assumedAs(page)).toContainText('arn:aws:sts::222222222222:assumed-role/ReadOnly/');
  await expect(
    active.getByRole('timer', { name: /^Developer in Sandbox expires at/ }),
  ).toBeVisible();
});

test('a length the role does not allow is refused once, explained, and the credentials in hand stay', async ({
  page,
}) => {
  const calls = countStsCalls(page);
  await signIn(page, 'alice');
  // Deployer comes from a token claim: the config does not know its maximum (1 hour in IAM).
  await chooseRole(page, 'Deployer', 'Production');
  await expect(assumedAs(page)).toContainText('assumed-role/Deployer/');
  const length = page.getByRole('combobox', { name: 'Session length' });
  await length.selectOption({ label: '4 hours' });

  const refusal = page.getByRole('status').filter({ hasText: 'AWS refused a 4 hours session' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('Your 1 hour credentials stay in use');
  await expect(length).toHaveValue('3600');
  await expect(length.getByRole('option', { name: '4 hours' })).toHaveCount(0);
  const assumeCalls = () =>
    calls.actions.filter((action) => action === 'AssumeRoleWithWebIdentity').length;
  // Asked once; that it is not sent again on a schedule is session-registry.test.ts's to show.
  expect(assumeCalls()).toBe(2);
});
