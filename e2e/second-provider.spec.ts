import type { Page } from '@playwright/test';
import { chooseRole } from './fixtures';
import { ALICE, expect, signInThere, test } from './second-provider';

// The core flows against an OpenID Connect provider nobody here wrote (oauth2-mock-server), in
// the token shapes real providers use. Its issuers are trusted by the demo STS like the demo IdP.

const assumedAs = (page: Page) => page.getByRole('region', { name: 'Assumed as', exact: true });
const signInTimer = (page: Page) => page.getByRole('timer', { name: /^Sign-in expires at / });

async function idTokenHeader(page: Page) {
  await page.getByRole('button', { name: 'Training view: how this sign-in worked' }).click();
  // Steps are collapsed until opened, as a trainer would open them.
  await page.getByText('The decoded ID token', { exact: true }).click();
  return page.getByRole('figure', { name: 'ID token header' });
}

test('signs in, assumes a role, shows who it is and counts down (RS256, bare issuer)', async ({
  page,
  useProvider,
}) => {
  const provider = await useProvider('plain');
  await signInThere(page, '/?account=111111111111&role=Developer');
  await expect(page.getByRole('banner')).toContainText('Signed in as Alice Anders');
  await expect(page).toHaveURL(/\/\?account=111111111111&role=Developer$/);
  const identity = assumedAs(page);
  await expect(identity).toContainText(
    'arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com',
  );
  await expect(identity).toContainText(`Token issuer${provider.issuer}`);
  await expect(identity).toContainText(
    `arn:aws:iam::111111111111:oidc-provider/${provider.issuer.replace('http://', '')}`,
  );
  await expect(page.getByRole('timer', { name: /^Expires at / })).toHaveText(/^(59|1:00):\d\d$/);
  await expect(signInTimer(page)).toBeVisible();
  await expect(await idTokenHeader(page)).toContainText('"alg": "RS256"');
});

test('an issuer with a path, ES256, aud as an array with azp, no email and no groups claim', async ({
  page,
  useProvider,
}) => {
  const provider = await useProvider('path');
  provider.configure({
    claims: {
      aud: [provider.clientId, 'https://api.example.com'],
      azp: provider.clientId,
      email: undefined,
      groups: undefined,
      // Without groups, the role comes from the token's role claim.
      'https://rolecall.example/roles': ['arn:aws:iam::111111111111:role/Developer'],
    },
  });
  await signInThere(page);
  const roles = page.getByRole('navigation', { name: 'Roles' });
  await expect(
    roles.getByRole('button', { name: 'Developer in Sandbox', exact: true }),
  ).toBeVisible();
  await expect(roles).not.toContainText('Misconfigured trust');
  await expect(roles).not.toContainText('Production');
  await chooseRole(page, 'Developer', 'Sandbox');
  // No email: the session is named after the subject.
  await expect(assumedAs(page)).toContainText(
    'arn:aws:sts::111111111111:assumed-role/Developer/user-alice',
  );
  await expect(assumedAs(page)).toContainText(`Token audience${provider.clientId}`);
  await expect(await idTokenHeader(page)).toContainText('"alg": "ES256"');
});

test('an issuer with a trailing slash, aud as an array without azp', async ({
  page,
  useProvider,
}) => {
  const provider = await useProvider('slash');
  provider.configure({ claims: { aud: ['https://api.example.com', provider.clientId] } });
  expect(provider.issuer).toMatch(/\/$/);
  await signInThere(page);
  await chooseRole(page, 'Developer', 'Sandbox');
  // IAM keeps the slash in the provider's name, as AWS matches iss exactly.
  await expect(assumedAs(page)).toContainText(
    `oidc-provider/${provider.issuer.replace('http://', '')}`,
  );
  await expect(assumedAs(page)).toContainText('assumed-role/Developer/alice@example.com');
});

test('without an email claim, the session is named after the subject, made safe for AWS', async ({
  page,
  useProvider,
}) => {
  const provider = await useProvider('plain');
  // Auth0's form of subject; the demo roles trust only user-alice, so AWS refuses the role, but it
  // gets that far only with a valid session name.
  provider.configure({ claims: { sub: 'auth0|alice smith', email: undefined } });
  await signInThere(page);
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('alert')).toContainText('Your sign-in is not allowed to assume');
  await page.getByRole('button', { name: 'Training view: how this sign-in worked' }).click();
  await expect(
    page.getByRole('listitem', { name: 'AssumeRoleWithWebIdentity for Developer' }),
  ).toContainText('RoleSessionName=auth0-alice-smith');
});

test('renews the ID token with a refresh token before using it', async ({ page, useProvider }) => {
  const provider = await useProvider('plain');
  // Rolecall renews a token with less than a minute left before it sends it to STS.
  provider.configure({ idTokenTtlSeconds: 62 });
  await signInThere(page);
  await expect(signInTimer(page)).toHaveText(/^0:5\d$/);
  const renewal = page.waitForRequest(
    (request) =>
      request.url() === `${provider.issuer}/token` &&
      (request.postData() ?? '').includes('grant_type=refresh_token'),
  );
  provider.configure({ idTokenTtlSeconds: 3600 });
  await chooseRole(page, 'Developer', 'Sandbox');
  await renewal;
  await expect(assumedAs(page)).toContainText('assumed-role/Developer/');
  await expect(signInTimer(page)).toHaveText(/^(59|1:00):\d\d$/);
});

test('renews the ID token in a hidden frame when there is no refresh token, with a nonce', async ({
  page,
  useProvider,
}) => {
  const provider = await useProvider('path');
  provider.configure({ idTokenTtlSeconds: 62, refreshTokens: false, requireNonce: true });
  await signInThere(page);
  await expect(signInTimer(page)).toHaveText(/^0:5\d$/);
  const silent = page.waitForRequest((request) => {
    const url = new URL(request.url());
    return (
      url.pathname.endsWith('/authorize') &&
      url.searchParams.get('prompt') === 'none' &&
      url.searchParams.has('nonce')
    );
  });
  provider.configure({ idTokenTtlSeconds: 3600 });
  await chooseRole(page, 'Developer', 'Sandbox');
  await silent;
  await expect(assumedAs(page)).toContainText('assumed-role/Developer/');
  await expect(signInTimer(page)).toHaveText(/^(59|1:00):\d\d$/);
});

test('a provider that requires a nonce signs the person in', async ({ page, useProvider }) => {
  const provider = await useProvider('plain');
  provider.configure({ requireNonce: true });
  await signInThere(page);
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(assumedAs(page)).toContainText('assumed-role/Developer/');
});

test('an ID token carrying another nonce than the one sent is refused, and said so', async ({
  page,
  useProvider,
}) => {
  const provider = await useProvider('plain');
  provider.configure({ forgeNonce: true });
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'The sign-in response does not belong to this sign-in',
  );
  await expect(page.getByText(/^Signed in as/)).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
});

test('a cancel at the provider is neutral and leaves a clean address bar', async ({
  page,
  useProvider,
}) => {
  const provider = await useProvider('plain');
  provider.configure({ answer: 'cancel' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Sign-in was cancelled' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);

  provider.configure({ answer: 'sign-in' });
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText(/^Signed in as/)).toBeVisible();
});

test('signs out at the provider when it has an end_session_endpoint', async ({
  page,
  useProvider,
}) => {
  await useProvider('plain');
  await signInThere(page);
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(assumedAs(page)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'You are signed out' });
  await expect(notice).toContainText('your identity provider ended its session too');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(/^Signed in as/)).toHaveCount(0);
});

test('signs out locally when the provider has no end_session_endpoint (as Google)', async ({
  page,
  useProvider,
}) => {
  const provider = await useProvider('path');
  provider.configure({ endSession: false });
  await signInThere(page);
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(assumedAs(page)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'You are signed out of Rolecall' });
  await expect(notice).toContainText('does not let apps end its session');
  await expect(page.getByText(/^Signed in as/)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Credentials', exact: true })).toHaveCount(0);
  // Nothing was kept to sign back in with.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByText(/^Signed in as/)).toHaveCount(0);
});

test.describe('when the ID token has run out', () => {
  test('an unreachable provider is said as such, retried on a visible schedule, and sessions resume', async ({
    page,
    useProvider,
  }) => {
    const provider = await useProvider('plain');
    provider.configure({ idTokenTtlSeconds: 3 });
    await signInThere(page);
    await page.route(`${provider.issuer}/**`, (route) => route.abort('connectionrefused'));
    const banner = page.getByRole('banner').getByRole('alert');
    await expect(banner).toContainText('Your identity provider cannot be reached.');
    await expect(banner).not.toContainText('Your sign-in has expired');
    await expect(banner.getByRole('timer')).toHaveAccessibleName(/^Trying again in 0:\d\d$/);

    await chooseRole(page, 'Developer', 'Sandbox');
    const panel = page.getByRole('region', { name: 'Session' }).getByRole('alert');
    await expect(panel).toContainText('Your identity provider cannot be reached');
    await expect(panel).toContainText('Check your network connection, then try again.');
    await expect(panel).not.toContainText('will try again');

    provider.configure({ idTokenTtlSeconds: 3600 });
    await page.unroute(`${provider.issuer}/**`);
    await banner.getByRole('button', { name: 'Try now' }).click();
    await expect(signInTimer(page)).toHaveText(/^(59|1:00):\d\d$/);
    // The session that waited for a fresh token goes ahead by itself.
    await expect(assumedAs(page)).toContainText('assumed-role/Developer/');
  });

  test('a provider that wants the person back gets them back through a popup, nonce and all', async ({
    page,
    useProvider,
  }) => {
    const provider = await useProvider('plain');
    provider.configure({ idTokenTtlSeconds: 3, refuseRefresh: true, requireNonce: true });
    await signInThere(page);
    const banner = page.getByRole('banner').getByRole('alert');
    await expect(banner).toContainText('Your sign-in has expired.');
    provider.configure({ idTokenTtlSeconds: 3600 });
    const popup = page.waitForEvent('popup');
    await banner.getByRole('button', { name: 'Sign in again' }).click();
    // The provider answers at once: the popup may be gone before a test could watch it close.
    await popup;
    await expect(signInTimer(page)).toHaveText(/^(59|1:00):\d\d$/);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${ALICE.name}`);
  });

  test('a blocked sign-in popup is told, with what to do', async ({ page, useProvider }) => {
    const provider = await useProvider('plain');
    provider.configure({ idTokenTtlSeconds: 3, refuseRefresh: true });
    // What a popup blocker does: window.open gives no window.
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await signInThere(page);
    const banner = page.getByRole('banner').getByRole('alert').first();
    await expect(banner).toContainText('Your sign-in has expired.');
    await banner.getByRole('button', { name: 'Sign in again' }).click();
    await expect(page.getByRole('banner')).toContainText(
      'Your browser blocked the sign-in window. Allow pop-ups for this site',
    );
  });
});
