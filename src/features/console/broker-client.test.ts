import { describe, expect, it, vi } from 'vitest';
import { requestConsoleLogin, type ConsoleRequest } from './broker-client';

const NOW = Date.UTC(2026, 0, 1, 12);
const REQUEST: ConsoleRequest = {
  credentials: {
    accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiresAt: NOW + 3_600_000,
  },
  destination: 's3',
  region: 'eu-west-1',
  chained: false,
};
const BROKER = 'https://broker.example.com/';

const answer = (status: number, body: unknown) =>
  vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status })));

describe('requestConsoleLogin', () => {
  it('posts the three credential fields, destination, region and chained, and returns the URL', async () => {
    const fetch = answer(200, { loginUrl: 'https://signin.aws.amazon.com/federation?x' });
    const result = await requestConsoleLogin(BROKER, REQUEST, NOW, fetch);
    expect(result).toEqual({ ok: true, loginUrl: 'https://signin.aws.amazon.com/federation?x' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(BROKER);
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({
      credentials: {
        accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
        secretAccessKey: 'secret',
        sessionToken: 'token',
      },
      destination: 's3',
      region: 'eu-west-1',
      chained: false,
    });
  });

  it('does not post expired credentials', async () => {
    const fetch = answer(200, {});
    const expired = { ...REQUEST, credentials: { ...REQUEST.credentials, expiresAt: NOW } };
    const result = await requestConsoleLogin(BROKER, expired, NOW, fetch);
    expect(result).toMatchObject({
      ok: false,
      problem: { title: 'These credentials have expired' },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says the broker did not answer when the request fails', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await requestConsoleLogin(BROKER, REQUEST, NOW, fetch);
    expect(result).toMatchObject({
      ok: false,
      problem: { title: 'The console broker did not answer' },
    });
  });

  it('tells a refusal by its code, with the broker’s words beside it', async () => {
    const fetch = answer(400, { error: 'SigninRefused', message: 'AWS said no' });
    const result = await requestConsoleLogin(BROKER, REQUEST, NOW, fetch);
    expect(result).toMatchObject({
      ok: false,
      problem: { title: expect.stringMatching(/AWS refused/), said: 'AWS said no' },
    });
  });

  it('tells an unknown refusal by its status', async () => {
    const result = await requestConsoleLogin(BROKER, REQUEST, NOW, answer(502, 'nope'));
    expect(result).toMatchObject({
      ok: false,
      problem: { title: expect.stringMatching(/HTTP 502/) },
    });
  });

  it('refuses to open a login URL that is not https', async () => {
    const fetch = answer(200, { loginUrl: 'javascript:alert(1)' });
    const result = await requestConsoleLogin(BROKER, REQUEST, NOW, fetch);
    expect(result.ok).toBe(false);
  });
});
