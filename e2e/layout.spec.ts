import type { Locator, Page } from '@playwright/test';
import { chooseRole, expect, signIn, signOut, test } from './fixtures';

// Several sessions, the chained one with the longest name among them.
const SESSIONS: [role: string, account: string][] = [
  ['Developer', 'Sandbox'],
  ['Auditor (chained from Sandbox Developer)', 'Audit'],
  ['Administrator', 'Sandbox'],
];

test.describe.configure({ timeout: 90_000 });

async function openSessions(page: Page): Promise<void> {
  await signIn(page, 'alice');
  for (const [role, account] of SESSIONS) {
    await chooseRole(page, role, account);
    await expect(
      page.getByRole('heading', { level: 2, name: `${role} in ${account}` }),
    ).toBeVisible();
  }
  const active = page.getByRole('region', { name: 'Active sessions' });
  await expect(active.getByRole('button', { name: /^End session/ })).toHaveCount(SESSIONS.length);
}

/** The page is no wider than the window, and every visible control is what a click there hits. */
async function expectLayoutHolds(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.scroll, 'no horizontal overflow').toBeLessThanOrEqual(widths.window);
  const covered = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, summary',
    );
    const problems: string[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      const style = getComputedStyle(control);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (control.closest('dialog:not([open])') || control.classList.contains('sr-only')) continue;
      control.scrollIntoView({ block: 'center', inline: 'center' });
      const after = control.getBoundingClientRect();
      const hit = document.elementFromPoint(after.x + after.width / 2, after.y + after.height / 2);
      if (!hit || !(hit === control || control.contains(hit) || hit.contains(control))) {
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? '';
        problems.push(`${name.slice(0, 60)} is covered by <${hit?.tagName ?? 'nothing'}>`);
      }
    }
    return problems;
  });
  expect(covered).toEqual([]);
}

test('1280×900 with a chained session: the columns stay apart', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openSessions(page);
  await expectLayoutHolds(page);
});

test('1280×720 in presenter mode: everything larger, nothing overlaps', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSessions(page);
  const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  await page.getByRole('button', { name: /^Presenter mode/ }).click();
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize))
    .toBe(`${parseFloat(before) * 1.25}px`);
  await expect(page.locator('body')).not.toContainText(/\d{12}/);
  await expectLayoutHolds(page);
});

test('390×844: one column, and choosing a role brings its session into view with focus', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSessions(page);
  await expectLayoutHolds(page);
  await chooseRole(page, 'Developer', 'Sandbox');
  const session = page.getByRole('region', { name: 'Session', exact: true });
  await expect(session).toBeFocused();
  await expect(session.getByRole('heading', { name: 'Developer in Sandbox' })).toBeInViewport();
});

test('a skip link leads past the roles to the session', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  // The first stop of the page, just before the header's first button.
  await page.getByRole('button', { name: /^Switch role/ }).focus();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Skip to session' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Session', exact: true })).toBeFocused();
});

test('Ctrl+K then Enter moves focus to the chosen session', async ({ page }) => {
  await signIn(page, 'alice');
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Find a role' });
  await input.fill('Administrator');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Session', exact: true })).toBeFocused();
});

test('Ctrl+K with no roles says so instead of an empty switcher', async ({ page }) => {
  await signIn(page, 'carol');
  await expect(page.getByText('You have no AWS roles yet')).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Switch role' });
  await expect(dialog).toContainText('You have no AWS roles to switch to yet');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('"Recently used" leaves out a role whose session failed', async ({ page }) => {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  await chooseRole(page, 'Misconfigured trust (training)', 'Sandbox');
  await expect(page.getByRole('alert')).toBeVisible();
  const recents = page.getByRole('region', { name: 'Recently used' });
  await expect(recents.getByRole('button', { name: 'Developer in Sandbox' })).toBeVisible();
  await expect(recents.getByRole('button', { name: /Misconfigured trust/ })).toHaveCount(0);
});

test('390×844: a refusal quoting a long ARN wraps inside its card', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'alice');
  await chooseRole(page, 'Misconfigured trust (training)', 'Sandbox');
  await expect(page.getByRole('alert')).toContainText('arn:aws:iam::');
  await expectLayoutHolds(page);
});

test('a deep link says which role it opens before sign-in, and names the account by name', async ({
  page,
}) => {
  await page.goto('/?account=111111111111&role=Developer');
  await expect(page.getByText('After you sign in, Rolecall opens the role')).toContainText(
    '“Developer” in Sandbox “111111111111”',
  );
  await signIn(page, 'alice', '/?account=111111111111&role=NotMine');
  await expect(page.getByText('The link asks for the role')).toContainText(
    'in account Sandbox “111111111111”',
  );
});

// A link is anyone's to write and send: what it asks for is echoed quoted, isolated and cut,
// before and after sign-in, on a phone too.
const LURE = 'Admin. URGENT: call +1-555-0100 and read out your secret key '.repeat(170);
const HOSTILE_LINKS: [what: string, role: string, account: string][] = [
  ['a 10 KB lure', LURE, '111111111111'],
  ['bidi overrides and isolates', 'Dev\u202Erepo\u2066l\u2069', '\u2067111111111111\u2069'],
  ['markup, a forged line, a 10 KB account', '<img src=x onerror=alert(1)>\nConfirmed: yes', LURE],
];

/** Every value the echo holds is in quotes, in its own isolate, shown and cut to 64 characters. */
async function expectQuotedAndCut(echo: Locator, what: string): Promise<void> {
  await expect(echo, what).toBeVisible();
  const text = (await echo.textContent()) ?? '';
  expect(text.length, what).toBeLessThan(400);
  expect(text, what).not.toMatch(/[\n\u202e\u2066\u2067\u2069]/);
  const values = await echo.locator('bdi').allTextContents();
  expect(values.length, what).toBeGreaterThan(0);
  for (const value of values) {
    expect(text, what).toContain(`“${value}”`);
    expect(value.replace(/… \(\d+ more characters\)$/, '').length, what).toBeLessThanOrEqual(64);
  }
}

test(`${HOSTILE_LINKS.length} hostile ?role= links are quoted and cut, signed out and signed in (390×844)`, async ({
  page,
  pageProblems,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  page.on('dialog', (dialog) => {
    pageProblems.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  for (const [what, role, account] of HOSTILE_LINKS) {
    const link = `/?${new URLSearchParams({ account, role }).toString()}`;
    await page.goto(link);
    await expectQuotedAndCut(page.getByText('After you sign in, Rolecall opens the role'), what);
    await expectLayoutHolds(page);
    await signIn(page, 'alice', link);
    const notice = page.getByRole('status').filter({ hasText: 'The link asks for the role' });
    await expectQuotedAndCut(notice, what);
    await expect(notice).toContainText(
      role === LURE ? /“Admin\. URGENT: call .*… \(\d+ more characters\)”/ : /⟨U\+/,
    );
    await expectLayoutHolds(page);
    await signOut(page);
  }
  expect(pageProblems).toEqual([]);
});
