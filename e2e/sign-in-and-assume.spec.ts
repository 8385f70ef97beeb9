import { chooseRole, expect, signIn, test } from './fixtures';

// These tests read back what Copy put on the clipboard.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the signed-out page explains Rolecall and offers to sign in, under the strict CSP', async ({
  page,
  pageProblems,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Rolecall' })).toBeVisible();
  await expect(page.getByText(/stay in this tab's memory only/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
  expect(pageProblems).toEqual([]);
});

test('alice signs in, assumes a role, and sees who she is assumed as with a live countdown', async ({
  page,
  pageProblems,
}) => {
  await signIn(page, 'alice');
  await expect(page.getByRole('banner')).toContainText(
    'Signed in as Alice Anders (alice@example.com)',
  );
  await expect(page).not.toHaveURL(/code=|state=/);

  const roles = page.getByRole('navigation', { name: 'Roles' });
  await expect(roles.getByRole('heading', { name: /Sandbox/ })).toBeVisible();
  await expect(roles.getByRole('heading', { name: /Production/ })).toBeVisible();

  await chooseRole(page, 'Developer', 'Sandbox');
  const identity = page.getByRole('region', { name: 'Assumed as', exact: true });
  await expect(identity).toContainText(
    'arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com',
  );
  await expect(identity).toContainText('Sandbox (111111111111)');
  await expect(identity).toContainText('AROA');

  const timer = page.getByRole('timer', { name: /^Expires at \d{1,2}:\d\d/ });
  await expect(timer).toHaveText(/^(59|1:00):\d\d$/);
  const first = await timer.textContent();
  const name = await timer.getAttribute('aria-label');
  await expect(timer).not.toHaveText(first!);
  // The name says when, and stays put while the digits count down: a timer is not a live region.
  await expect(timer).toHaveAttribute('aria-label', name!);
  expect(pageProblems).toEqual([]);
});

test('credentials are masked until revealed and can be copied', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Read-only', 'Production');
  const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
  await expect(credentials).toBeVisible();
  await expect(credentials).not.toContainText('ASIA');

  await credentials.getByRole('button', { name: 'Reveal Access key ID' }).click();
  await expect(credentials.getByRole('button', { name: 'Hide Access key ID' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const accessKey = credentials.getByText(/^ASIA[A-Z0-9]{16}$/);
  await expect(accessKey).toBeVisible();

  await credentials.getByRole('button', { name: 'Copy Secret access key' }).click();
  await expect(credentials.getByRole('button', { name: 'Copy Secret access key' })).toHaveText(
    'Copied',
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^[A-Za-z0-9/+]{40}$/);
  await expect(credentials).not.toContainText(copied);
});

test('bob sees only his read-only role', async ({ page }) => {
  await signIn(page, 'bob');
  const roles = page.getByRole('navigation', { name: 'Roles' });
  await expect(roles.getByRole('listitem')).toHaveCount(1);
  await chooseRole(page, 'Read-only', 'Production');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toContainText(
    'arn:aws:sts::222222222222:assumed-role/ReadOnly/bob@example.com',
  );
});

test('a person with no role is told so and what to do', async ({ page }) => {
  await signIn(page, 'carol');
  await expect(page.getByText('You have no AWS roles yet')).toBeVisible();
  await expect(page.getByText(/Ask your AWS administrator/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Roles' })).toHaveCount(0);
});

test('a trust policy that rejects the token is explained, and the app stays usable', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Misconfigured trust (training)', 'Sandbox');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'not allowed to assume arn:aws:iam::111111111111:role/MisconfiguredTrust',
  );
  await expect(alert).toContainText('trust policy');
  await expect(alert).toContainText('AccessDenied');

  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toContainText(
    'assumed-role/Developer/',
  );
});
