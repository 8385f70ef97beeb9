import { expect, test } from './fixtures';

test('a browser that refuses session storage gets a page saying so, not a blank one', async ({
  page,
  pageProblems,
}) => {
  // As Chromium does when site data is blocked: reading window.sessionStorage throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'sessionStorage', {
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: /Rolecall cannot sign you in here/ }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Allow site data');
  expect(pageProblems).toEqual([]);
});
