import { chooseRole, expect, signIn, test } from './fixtures';

// Time is Playwright's clock, run on from the real one: minutes without input pass in an instant.
test('after the idle times, revealed secrets are masked again and then the person is signed out', async ({
  page,
}) => {
  await page.clock.install();
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { security?: Record<string, unknown> };
    config.security = { ...config.security, idleLockMinutes: 1, idleSignOutMinutes: 3 };
    await route.fulfill({ response, json: config });
  });
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
  await credentials.getByRole('button', { name: 'Reveal Secret access key' }).click();
  await expect(credentials.getByRole('button', { name: 'Hide Secret access key' })).toBeVisible();

  await page.clock.runFor('01:01');
  await expect(credentials.getByRole('button', { name: 'Reveal Secret access key' })).toBeVisible();

  await page.clock.runFor('02:00');
  // The idle sign-out forgets everything here before it asks the provider to end its session.
  await expect(page.getByRole('heading', { name: /^Sign out of the Rolecall demo/ })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByText(/^Signed in as/)).toHaveCount(0);
});
