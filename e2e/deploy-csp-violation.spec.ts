import { expect, test } from './fixtures';

// A deployment whose Content-Security-Policy leaves out the provider: the person is told that the
// policy, not the network, blocked it, and what fixes it.
const IDP = `http://localhost:${process.env.IDP_PORT ?? 5180}`;

test('a provider the CSP does not allow is told as a CSP problem, with the fix', async ({
  page,
}) => {
  await page.route('/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replaceAll(` ${IDP}`, '');
    expect(html).not.toContain(IDP);
    await route.fulfill({ response, body: html });
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  const notice = page
    .getByRole('alert')
    .filter({ hasText: "This deployment's Content-Security-Policy" });
  await expect(notice).toContainText(
    "This deployment's Content-Security-Policy does not allow your identity provider",
  );
  await expect(notice).toContainText(`refused to connect to ${IDP}`);
  await expect(notice).toContainText('It is not a network problem');
  await expect(notice).toContainText(`--allow-origin ${IDP}`);
});
