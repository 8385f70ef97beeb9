import { chooseRole, expect, signIn, test } from './fixtures';

// These tests read back what Copy put on the clipboard.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the support summary holds who you are and the STS request ids, and no secret', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const identity = page.getByRole('region', { name: 'Assumed as', exact: true });
  await expect(identity).toContainText('Source identity');
  await expect(identity).toContainText('Team=platform');
  await expect(identity).toContainText('user-alice');

  const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
  for (const label of ['Access key ID', 'Secret access key', 'Session token']) {
    await credentials.getByRole('button', { name: `Reveal ${label}` }).click();
  }
  const secrets = (await credentials.locator('code').allTextContents()).map((text) => text.trim());

  await identity.getByRole('button', { name: 'Copy support summary' }).click();
  await expect(identity.getByRole('button', { name: 'Copy support summary' })).toHaveText('Copied');
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  expect(summary).toContain(
    'Assumed role ARN: "arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com"',
  );
  expect(summary).toMatch(/STS request id \(AssumeRoleWithWebIdentity\): "[0-9a-f-]{36}"/);
  expect(summary).toMatch(/STS request id \(GetCallerIdentity\): "[0-9a-f-]{36}"/);
  for (const secret of secrets) expect(summary).not.toContain(secret);
  expect(summary).not.toContain('eyJ');

  await identity.getByRole('button', { name: 'Copy Assumed role ARN' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com',
  );
});

test('the ID token claims are shown decoded', async ({ page }) => {
  await signIn(page, 'alice');
  await page.getByText("Your ID token's claims").click();
  await expect(
    page.getByText(/"https:\/\/aws.amazon.com\/source_identity": "alice"/),
  ).toBeVisible();
});

test('presenter mode keeps secrets hidden even on reveal and masks account ids', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
  await credentials.getByRole('button', { name: 'Reveal Secret access key' }).click();
  const secret = credentials.getByText(/^[A-Za-z0-9/+]{40}$/);
  await expect(secret).toBeVisible();
  const secretValue = (await secret.textContent())!;

  await page.getByRole('button', { name: /^Presenter mode/ }).click();
  await expect(page.getByRole('button', { name: /^Presenter mode/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(credentials.getByText('••••••••••••••••')).toHaveCount(3);
  await expect(credentials).not.toContainText(secretValue);
  for (const label of ['Access key ID', 'Secret access key', 'Session token']) {
    await expect(
      credentials.getByRole('button', { name: new RegExp(`(Reveal|Hide) ${label}`) }),
    ).toBeDisabled();
  }
  const exportPanel = page.getByRole('region', { name: 'Export credentials' });
  await expect(exportPanel.getByRole('button', { name: 'Reveal secrets' })).toBeDisabled();
  await expect(exportPanel).toContainText('(secrets hidden)');

  const identity = page.getByRole('region', { name: 'Assumed as', exact: true });
  await expect(identity).toContainText('arn:aws:sts::••••••••••••:assumed-role/Developer/');
  await expect(identity).not.toContainText('111111111111');
  await expect(page.getByRole('navigation', { name: 'Roles' })).not.toContainText('111111111111');
  await expect(page.getByRole('timer', { name: /^Expires at/ })).toHaveClass(/text-2xl/);

  await page.getByRole('button', { name: /^Presenter mode/ }).click();
  await expect(identity).toContainText('111111111111');
});
