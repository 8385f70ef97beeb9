import { describe, expect, it } from 'vitest';
import demoConfig from '../../public/config.json';
import { loadConfig } from './load-config';

function fakeFetch(body: string, status = 200): typeof fetch {
  return async () =>
    new Response(body, { status, statusText: status === 200 ? 'OK' : 'Not Found' });
}

describe('loadConfig', () => {
  it('returns the parsed config', async () => {
    const result = await loadConfig('/config.json', fakeFetch(JSON.stringify(demoConfig)));
    expect(result.ok).toBe(true);
  });

  it('explains a missing file', async () => {
    const result = await loadConfig('/config.json', fakeFetch('', 404));
    expect(result).toMatchObject({ ok: false, summary: expect.stringContaining('answered 404') });
  });

  it('explains a file that is not JSON', async () => {
    const result = await loadConfig('/config.json', fakeFetch('{ "oidc": '));
    expect(result).toMatchObject({ ok: false, summary: expect.stringContaining('not valid JSON') });
  });

  it('explains an unreachable server', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await loadConfig('/config.json', failing);
    expect(result).toMatchObject({
      ok: false,
      summary: expect.stringContaining('Could not download'),
    });
  });
});

describe('loadConfig on a host that answers every path with the app', () => {
  it('says config.json is missing rather than "not JSON"', async () => {
    const result = await loadConfig('/config.json', fakeFetch('<!doctype html><html></html>'));
    expect(result).toMatchObject({
      ok: false,
      summary: expect.stringContaining('/config.json is missing'),
    });
  });
});
