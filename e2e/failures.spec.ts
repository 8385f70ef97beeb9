import { chooseRole, expect, signIn, test } from './fixtures';
import { IDP_ORIGIN, STS_ORIGIN } from './ports';

test('an invalid config.json gets a page that names the bad field', async ({ page }) => {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { accounts: { id: string }[] };
    config.accounts[0].id = '1234';
    await route.fulfill({ response, json: config });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /configuration needs fixing/ })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('accounts[0].id');
  await expect(page.getByRole('alert')).toContainText('12-digit AWS account id');
});

test('a missing config.json is explained', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('/config.json answered 404');
});

test('an unreachable STS is explained, and trying again works once it is back', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await page.route(`${STS_ORIGIN}/**`, (route) => route.abort('connectionrefused'));
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('alert')).toContainText('AWS STS could not be reached');

  await page.unroute(`${STS_ORIGIN}/**`);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toContainText(
    'assumed-role/Developer/',
  );
});

test('an unreachable identity provider is explained on sign-in', async ({ page }) => {
  await page.route(`${IDP_ORIGIN}/**`, (route) => route.abort('connectionrefused'));
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Your identity provider could not be reached',
  );
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
});

test('credentials are kept when GetCallerIdentity cannot confirm who they are', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await page.route(`${STS_ORIGIN}/**`, async (route) => {
    const isWhoAmI = (route.request().postData() ?? '').includes('Action=GetCallerIdentity');
    await (isWhoAmI ? route.abort('connectionrefused') : route.continue());
  });
  await chooseRole(page, 'Developer', 'Sandbox');
  const identity = page.getByRole('region', { name: 'Assumed as', exact: true });
  await expect(identity).toContainText('Not confirmed by GetCallerIdentity');
  await expect(identity).toContainText(
    'arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com',
  );
  await expect(page.getByRole('region', { name: 'Credentials', exact: true })).toBeVisible();
});
