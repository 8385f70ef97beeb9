import { test as base, expect, type Page } from '@playwright/test';

/** The demo stack's addresses (the ports can be moved with the same variables as `npm start`). */
export const IDP_ORIGIN = `http://localhost:${process.env.IDP_PORT ?? 5180}`;
export const STS_ORIGIN = `http://localhost:${process.env.STS_PORT ?? 5190}`;

export type DemoUser = 'alice' | 'bob' | 'carol';

/** Signs in through the demo provider's page, as a person would. Tokens live in memory, so there is no saved state to reuse. */
export async function signIn(page: Page, user: DemoUser, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: `Sign in as ${user}` }).click();
  await expect(page.getByText(/^Signed in as/)).toBeVisible();
}

/**
 * Signs out in Rolecall. The demo provider asks the person to confirm (Rolecall sends no ID token
 * to it), as a provider may; the test confirms.
 */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  const confirm = page.getByRole('heading', { name: /^Sign out of the Rolecall demo/ });
  const signedOut = page.getByRole('status').filter({ hasText: /^Note: You are signed out/ });
  await expect(confirm.or(signedOut)).toBeVisible();
  if (await confirm.isVisible()) await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(signedOut).toBeVisible();
}

export async function chooseRole(page: Page, role: string, account: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Roles' })
    .getByRole('button', { name: `${role} in ${account}`, exact: true })
    .click();
}

/** Records the tokens the provider's token endpoint hands this page (ID, access, refresh). */
export function recordTokens(page: Page): string[] {
  const tokens: string[] = [];
  page.on('response', async (response) => {
    if (response.url().endsWith('/token') && response.request().method() === 'POST') {
      const body = (await response.json()) as Record<string, unknown>;
      for (const key of ['id_token', 'access_token', 'refresh_token']) {
        if (typeof body[key] === 'string') tokens.push(body[key]);
      }
    }
  });
  return tokens;
}

/** Collects Content-Security-Policy violations and page errors, which a test can then require to be none. */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (
        message.type() === 'error' &&
        /Content Security Policy|Refused to/i.test(message.text())
      ) {
        problems.push(message.text());
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await use(problems);
  },
});

export { expect };
