import type { Page } from '@playwright/test';
import { chooseRole, expect, recordTokens, signIn, signOut, test } from './fixtures';

interface BrowserStorage {
  local: string[];
  session: string[];
  cookies: string;
  indexedDbNames: string[];
  cacheNames: string[];
}

async function readBrowserStorage(page: Page): Promise<BrowserStorage> {
  return page.evaluate(async () => {
    const entries = (storage: Storage) =>
      Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`);
    return {
      local: entries(localStorage),
      session: entries(sessionStorage),
      cookies: document.cookie,
      indexedDbNames: (await indexedDB.databases()).map((db) => db.name ?? ''),
      cacheNames: await caches.keys(),
    };
  });
}

test('no token or credential reaches browser storage, cookies, the URL or the console', async ({
  page,
  context,
}) => {
  const tokens = recordTokens(page);
  const consoleText: string[] = [];
  page.on('console', (message) => consoleText.push(message.text()));
  page.on('pageerror', (error) => consoleText.push(String(error)));

  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
  for (const label of ['Access key ID', 'Secret access key', 'Session token']) {
    await credentials.getByRole('button', { name: `Reveal ${label}` }).click();
  }
  const secrets = [
    ...tokens,
    ...(await credentials.locator('code').allTextContents()).map((text) => text.trim()),
  ];
  expect(tokens.length).toBeGreaterThanOrEqual(2);
  expect(secrets.length).toBe(tokens.length + 3);

  const storage = await readBrowserStorage(page);
  expect(storage.local).toEqual([]);
  expect(storage.indexedDbNames).toEqual([]);
  expect(storage.cacheNames).toEqual([]);
  const cookies = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`);
  const everywhere = [
    ...storage.session,
    storage.cookies,
    ...cookies,
    page.url(),
    ...consoleText,
  ].join('\n');
  for (const secret of secrets) {
    expect(everywhere).not.toContain(secret);
    expect(everywhere).not.toContain(secret.slice(0, 24));
  }
  // The PKCE sign-in state is removed once the callback has been handled.
  expect(storage.session.filter((entry) => entry.startsWith('oidc.'))).toEqual([]);
});

test('a reload forgets the sign-in and the credentials', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Credentials', exact: true })).toHaveCount(0);
  await expect(page.getByText(/^Signed in as/)).toHaveCount(0);
});

test('sign out clears everything and ends the provider session', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toBeVisible();
  await signOut(page);
  await expect(page.getByRole('status')).toContainText(
    'your identity provider ended its session too',
  );
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByText(/^Signed in as/)).toHaveCount(0);

  // The provider asks again who you are: its session ended too.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in as alice' })).toBeVisible();
});

test('a provider whose sign-out answers no page still leaves the person signed out, told so', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toBeVisible();
  // 204 No Content: the browser stays on Rolecall's page, which must not wait for ever.
  await page.route('**/session/end**', (route) => route.fulfill({ status: 204 }));
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toHaveText('Signing you out…');
  await expect(page.getByRole('status')).toContainText(
    'could not confirm that your identity provider ended its session, so you may still be signed in there',
    { timeout: 15_000 },
  );
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
  await expect(page.getByText(/^Signed in as/)).toHaveCount(0);
});

test('a sign-in abandoned at the provider leaves no PKCE verifier behind once Rolecall starts again', async ({
  page,
}) => {
  await page.goto('/');
  // What oidc-client-ts keeps for a sign-in in progress: state, nonce and the PKCE code verifier.
  await page.evaluate(() => {
    const now = Math.floor(Date.now() / 1000);
    const state = (id: string, created: number) =>
      JSON.stringify({ id, created, request_type: 'si:r', code_verifier: `verifier-${id}` });
    sessionStorage.setItem('oidc.abandoned', state('abandoned', now - 20 * 60));
    sessionStorage.setItem('oidc.in-progress', state('in-progress', now - 30));
  });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('oidc.'))),
    )
    .toEqual(['oidc.in-progress']);
});

test('favourites stay in memory unless the config allows remembering role ARNs', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await page.getByRole('button', { name: 'Favourite Read-only in Production' }).click();
  await expect(
    page.getByRole('button', { name: 'Favourite Read-only in Production' }),
  ).toHaveAttribute('aria-pressed', 'true');
  expect((await readBrowserStorage(page)).local).toEqual([]);
});

test('with rememberRoles, only role ARNs are kept, and they survive a reload', async ({ page }) => {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), rememberRoles: true } });
  });
  await signIn(page, 'alice');
  await page.getByRole('button', { name: 'Favourite Read-only in Production' }).click();
  await chooseRole(page, 'Developer', 'Sandbox');
  await expect(page.getByRole('region', { name: 'Assumed as', exact: true })).toBeVisible();

  const stored = (await readBrowserStorage(page)).local;
  expect(stored).toHaveLength(1);
  const value = JSON.parse(stored[0].slice(stored[0].indexOf('=') + 1)) as unknown;
  expect(value).toEqual({
    favourites: ['arn:aws:iam::222222222222:role/ReadOnly'],
    recents: ['arn:aws:iam::111111111111:role/Developer'],
  });

  await page.reload();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText(/^Signed in as/)).toBeVisible();
  const quick = page.getByRole('navigation', { name: 'Quick access' });
  await expect(quick.getByRole('region', { name: 'Favourites' })).toContainText('Read-only');
});
