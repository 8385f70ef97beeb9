import { chooseRole, expect, signIn, test } from './fixtures';

// Against the dev server, where React reports what it considers bugs (state updates during render,
// missing keys…) on the console. Any error or warning the page prints fails the test.
test('signing in and using every screen prints no error or warning in development', async ({
  page,
}) => {
  const printed: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      printed.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => printed.push(`uncaught: ${error.message}`));

  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toBeVisible();
  await chooseRole(page, 'Administrator', 'Sandbox');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toContainText(
    'assumed-role/Admin/',
  );
  const active = page.getByRole('region', { name: 'Active sessions' });
  await expect(active.getByRole('timer')).toHaveCount(2);

  await page.keyboard.press('Control+k');
  const switcher = page.getByRole('dialog', { name: /switch role/i });
  await expect(switcher).toBeVisible();
  await page.keyboard.type('read');
  await expect(switcher.getByRole('option', { name: /Read-only/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(switcher).toBeHidden();

  const exports = page.getByRole('region', { name: 'Export credentials' });
  await exports.getByRole('radio', { name: 'fish' }).check();
  await expect(exports).toContainText('set -gx AWS_ACCESS_KEY_ID');

  await page.getByRole('button', { name: /Training view/ }).click();
  await expect(
    page.getByRole('heading', { name: /AssumeRoleWithWebIdentity/ }).first(),
  ).toBeVisible();

  expect(printed).toEqual([]);
});
