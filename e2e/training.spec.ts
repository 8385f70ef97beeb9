import { chooseRole, expect, signIn, test } from './fixtures';
import { IDP_HOST } from './ports';

test('the training view shows each step of a real sign-in, with secrets redacted', async ({
  page,
}) => {
  const tokens: string[] = [];
  page.on('response', async (response) => {
    if (response.url().endsWith('/token') && response.request().method() === 'POST') {
      const body = (await response.json()) as Record<string, unknown>;
      if (typeof body.id_token === 'string') tokens.push(body.id_token);
    }
  });
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toBeVisible();
  const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
  await credentials.getByRole('button', { name: 'Reveal Secret access key' }).click();
  const secret = (await credentials.getByText(/^[A-Za-z0-9/+]{40}$/).textContent())!;

  await page.getByRole('button', { name: 'Training view: how this sign-in worked' }).click();
  const view = page.getByRole('region', { name: 'How this sign-in worked' });
  for (const step of [
    'Authorization request',
    "The provider's redirect back",
    'Token response',
    'The decoded ID token',
    'AssumeRoleWithWebIdentity for Developer',
    'GetCallerIdentity',
  ]) {
    await expect(view.getByRole('heading', { name: new RegExp(step) }).first()).toBeVisible();
  }
  await expect(view).toContainText('code_challenge_method');
  await expect(view).toContainText('S256');
  await expect(view).toContainText('<AssumeRoleWithWebIdentityResponse');
  await expect(view).toContainText('"sub": "user-alice"');
  expect(tokens.length).toBeGreaterThan(0);
  for (const token of tokens) await expect(view).not.toContainText(token.slice(0, 40));
  await expect(view).not.toContainText(secret);

  const policy = view.getByRole('region', { name: /trust policy/i });
  await expect(policy).toContainText(
    `"Federated": "arn:aws:iam::111111111111:oidc-provider/${IDP_HOST}"`,
  );
  await expect(policy).toContainText(`"${IDP_HOST}:aud": "rolecall"`);
  await expect(policy).toContainText(`"${IDP_HOST}:sub": "user-alice"`);
});

test('a provoked trust-policy failure is explained with its likely cause and fix', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Misconfigured trust (training)', 'Sandbox');
  await expect(page.getByRole('alert')).toContainText('AccessDenied');
  await page.getByRole('button', { name: 'Training view: how this sign-in worked' }).click();
  const why = page.getByRole('region', { name: 'Why it failed' });
  await expect(why).toContainText('AccessDenied');
  await expect(why).toContainText('rolecall');
  await expect(why).toContainText('user-alice');
});
