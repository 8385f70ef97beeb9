import { chooseRole, expect, IDP_ORIGIN, signIn, test } from './fixtures';

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
    `"Federated": "arn:aws:iam::111111111111:oidc-provider/${IDP_ORIGIN.slice('http://'.length)}"`,
  );
  await expect(policy).toContainText(`"${IDP_ORIGIN.slice('http://'.length)}:aud": "rolecall"`);
  await expect(policy).toContainText(`"${IDP_ORIGIN.slice('http://'.length)}:sub": "user-alice"`);
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

test('a failed assume: the error card links to the explanation, shown first, and the diagram marks the failed call', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Misconfigured trust (training)', 'Sandbox');
  const card = page.getByRole('alert');
  await expect(card).toContainText('AccessDenied');
  const toggle = page.getByRole('button', { name: 'Training view: how this sign-in worked' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // The link opens the collapsed training view and moves focus to the explanation.
  await card.getByRole('link', { name: 'Why it failed' }).click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const why = page.getByRole('region', { name: 'Why it failed' });
  await expect(why).toBeFocused();
  await expect(why).toBeInViewport();
  await expect(why).toContainText('AssumeRoleWithWebIdentity failed with AccessDenied');

  // First in the view: before the diagram and the steps.
  const view = page.getByRole('region', { name: 'How this sign-in worked' });
  const firstRegion = view.locator('section, figure, ol').first();
  await expect(firstRegion).toHaveAttribute('id', 'why-it-failed');

  const diagram = view.getByRole('img', { name: /message by message/ });
  await expect(diagram).toBeVisible();
  for (const message of [
    'Authorization request (PKCE)',
    'Redirect back with code',
    'Token request (code, verifier)',
  ]) {
    await expect(diagram).toContainText(message);
  }
  // Readable on a projector: every label at least 14 px at 1280 wide.
  await page.setViewportSize({ width: 1280, height: 720 });
  const smallest = await diagram.evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map((text) =>
      Number(text.getAttribute('font-size')),
    );
    return Math.min(...sizes) * scale;
  });
  expect(smallest).toBeGreaterThanOrEqual(14);
  const failed = diagram.locator('text', { hasText: 'failed: AccessDenied' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('✕');
  await expect(failed).toContainText(/^✕ \d+\. failed: AccessDenied$/);
  // The failed arrow is the answer from STS to the browser: drawn right to left.
  const arrow = failed.locator('xpath=preceding-sibling::*[local-name()="line"][1]');
  const [x1, x2] = await Promise.all([arrow.getAttribute('x1'), arrow.getAttribute('x2')]);
  expect(Number(x1)).toBeGreaterThan(Number(x2));

  // Steps are numbered as the text refers to them, and collapsible.
  const first = view.getByRole('listitem', { name: 'Authorization request' });
  await expect(first).toContainText('Step 1');
  await expect(first.getByText('code_challenge_method', { exact: true })).toBeHidden();
  await first.getByRole('heading', { name: 'Authorization request' }).click();
  await expect(first.getByText('code_challenge_method', { exact: true })).toBeVisible();
});
