import { describe, expect, it } from 'vitest';
import demoConfig from '../../public/config.json';
import { loadConfig } from './load-config';

function fakeFetch(body: string, status = 200): typeof fetch {
  return async () =>
    new Response(body, { status, statusText: status === 200 ? 'OK' : 'Not Found' });
}

async function failureOf(fetcher: typeof fetch) {
  const result = await loadConfig('/config.json', fetcher);
  if (result.ok) throw new Error('expected the config to fail');
  return result.error;
}

describe('loadConfig', () => {
  it('returns the parsed config', async () => {
    const result = await loadConfig('/config.json', fakeFetch(JSON.stringify(demoConfig)));
    expect(result.ok).toBe(true);
  });

  it('explains a missing file', async () => {
    expect(await failureOf(fakeFetch('', 404))).toMatchObject({
      source: 'config',
      code: 'HTTP 404',
      title: '/config.json answered 404 Not Found',
      hint: expect.stringContaining('Put a config.json next to index.html'),
    });
  });

  it('explains a file that is not JSON', async () => {
    const error = await failureOf(fakeFetch('{ "oidc": '));
    expect(error.title).toContain('/config.json is not valid JSON');
    expect(error.hint).toBe('Correct the file and reload.');
  });

  it('explains an unreachable server', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await failureOf(failing)).toMatchObject({
      title: 'Could not download /config.json',
      retryable: true,
    });
  });
});

describe('loadConfig on a host that answers every path with the app', () => {
  it('says config.json is missing rather than "not JSON"', async () => {
    const error = await failureOf(fakeFetch('<!doctype html><html></html>'));
    expect(error.title).toContain('/config.json is missing');
  });
});
