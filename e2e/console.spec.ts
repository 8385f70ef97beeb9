import { chooseRole, expect, signIn, test } from './fixtures';

test('Open console shows the demo console signed in as the session, at the destination and region', async ({
  page,
  context,
}) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const panel = page.getByRole('region', { name: 'AWS console' });
  await panel.getByLabel('Open at').selectOption({ label: 'S3' });
  await panel.getByLabel('Console region').selectOption('eu-west-1');
  const tabOpened = context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Open console' }).click();
  const tab = await tabOpened;
  await expect(tab.getByRole('heading', { name: 'Demo AWS console' })).toBeVisible();
  await expect(tab.getByText(/arn:aws:sts::111111111111:assumed-role\/Developer\//)).toBeVisible();
  await expect(tab.getByText(/s3\/home\?region=eu-west-1/)).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Opened S3 in eu-west-1' }),
  ).toBeVisible();
  // The login URL was never put on Rolecall's page.
  await expect(page.locator('body')).not.toContainText('/federation');
});

test('a chained role says AWS caps its console session at 1 hour', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Auditor (chained from Sandbox Developer)', 'Audit');
  const panel = page.getByRole('region', { name: 'AWS console' });
  await expect(panel).toContainText('AWS ends its console session after 1 hour at most');
});
