import { chooseRole, expect, signIn, signOut, test } from './fixtures';

// These tests read back what Copy put on the clipboard.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const FORMATS: [label: string, expected: RegExp][] = [
  ['bash/zsh', /^export AWS_ACCESS_KEY_ID='?ASIA[A-Z0-9]{16}'?$/m],
  ['fish', /^set -gx AWS_SESSION_TOKEN /m],
  ['PowerShell', /^\$Env:AWS_SECRET_ACCESS_KEY = '/m],
  ['Windows cmd', /^set "AWS_ACCESS_KEY_ID=ASIA[A-Z0-9]{16}"$/m],
  ['Credentials file', /^\[sandbox-developer\]\naws_access_key_id = ASIA/m],
  ['.env file', /^AWS_REGION='?us-east-1'?$/m],
  ['Docker env file', /^AWS_SESSION_TOKEN=[^'"]/m],
  ['credential_process JSON', /"Version": 1/],
];

test('each export format is copied ready to paste, with the real secrets', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const panel = page.getByRole('region', { name: 'Export credentials' });
  await expect(panel).toBeVisible();

  const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
  await credentials.getByRole('button', { name: 'Reveal Secret access key' }).click();
  const secret = (await credentials.locator('code').nth(1).textContent())!.trim();
  await expect(panel).not.toContainText(secret);

  for (const [label, expected] of FORMATS) {
    await panel.getByRole('radio', { name: label }).check();
    await panel.getByRole('button', { name: `Copy ${label} export` }).click();
    await expect(panel.getByRole('status')).toContainText(/copied/i);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied, label).toMatch(expected);
    expect(copied, label).toContain(secret);
  }
  const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<
    string,
    unknown
  >;
  expect(json).toMatchObject({
    Version: 1,
    SecretAccessKey: secret,
    Expiration: expect.stringMatching(/Z$/),
  });
});

test('the export carries AWS_CREDENTIAL_EXPIRATION and the region chosen in the panel', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const panel = page.getByRole('region', { name: 'Export credentials' });
  const block = panel.getByRole('figure');
  await expect(block).toContainText(
    /export AWS_CREDENTIAL_EXPIRATION='\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z'/,
  );
  await panel.getByLabel('Region').selectOption('eu-central-1');
  await expect(block).toContainText("export AWS_REGION='eu-central-1'");
  await panel.getByRole('radio', { name: '.env file' }).check();
  await expect(block).toContainText(
    /# Temporary credentials from Rolecall, valid until .* local time\./,
  );
  await expect(block).toContainText("AWS_DEFAULT_REGION='eu-central-1'");
});

test('the export is masked until revealed', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const panel = page.getByRole('region', { name: 'Export credentials' });
  await expect(panel.getByText('(secrets hidden)')).toBeVisible();
  await panel.getByRole('button', { name: 'Reveal secrets' }).click();
  await expect(panel.getByRole('button', { name: 'Hide secrets' })).toBeVisible();
  await expect(panel.getByText('(secrets hidden)')).toHaveCount(0);
});

test('a copied secret is cleared from the clipboard after the delay, and at sign-out', async ({
  page,
}) => {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { security?: Record<string, unknown> };
    config.security = { ...config.security, clipboardClearSeconds: 2 };
    await route.fulfill({ response, json: config });
  });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  // Playwright's clock, run on from the real one: the delay is passed exactly.
  await page.clock.install();
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const panel = page.getByRole('region', { name: 'Export credentials' });
  const copy = panel.getByRole('button', { name: 'Copy bash/zsh export' });

  await copy.click();
  expect(await clipboard()).toContain('AWS_SECRET_ACCESS_KEY=');
  // Cleared by itself once the configured 2 seconds are up, not before.
  await page.clock.runFor(1_500);
  expect(await clipboard()).toContain('AWS_SECRET_ACCESS_KEY=');
  await page.clock.runFor(1_000);
  await expect.poll(clipboard).toBe('');

  await copy.click();
  expect(await clipboard()).toContain('AWS_SECRET_ACCESS_KEY=');
  await signOut(page);
  expect(await clipboard()).toBe('');

  // Something the person copied themselves since is left alone.
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await copy.click();
  await page.evaluate(() => navigator.clipboard.writeText('my own notes'));
  await signOut(page);
  expect(await clipboard()).toBe('my own notes');
});
