import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { expect, test } from './fixtures';

// The dev server (`npm start`, `npm run dev`) serves what production does, as far as hot reload
// allows: a Content-Security-Policy, no referrer, and only the app's own files.
const PORT = Number(process.env.DEV_TEST_PORT ?? 5477);
const origin = `http://localhost:${PORT}`;
let server: ViteDevServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await createServer({
    root: fileURLToPath(new URL('..', import.meta.url)),
    logLevel: 'error',
    server: { port: PORT, strictPort: true },
  });
  await server.listen();
});
test.afterAll(async () => server?.close());

test('the dev server sends a Content-Security-Policy and no referrer, and the app runs under it', async ({
  page,
  pageProblems,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const response = await page.goto(`${origin}/`);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(
    /default-src 'none'; script-src 'self' 'nonce-/,
  );
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
  expect(pageProblems).toEqual([]);
  expect(errors).toEqual([]);
});

test('no request from the callback page carries the sign-in code in its Referer', async ({
  page,
}) => {
  const referers: string[] = [];
  page.on('request', (request) => {
    const referer = request.headers()['referer'];
    if (referer) referers.push(`${request.url()} <- ${referer}`);
  });
  const clientLoaded = page.waitForResponse((response) => response.url().endsWith('/@vite/client'));
  await page.goto(`${origin}/callback?code=secret-sign-in-code&state=abc`);
  await clientLoaded;
  await page.waitForLoadState('networkidle');
  expect(referers).toEqual([]);
});

// Which files it serves (only the app's, however the path is spelled) is checked over raw sockets,
// without a browser: demo/app/app-server.test.ts.
