import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawRequest } from '../../shared/raw-http.ts';
import { startHarness, type Harness } from './harness.ts';

/**
 * The STS as a classroom service: it answers only for the host names it is reached by, so that a
 * DNS-rebinding page cannot read it, and a nonsense request target is a 400, not a stack trace.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ allowedHosts: ['classroom.lan', '10.0.0.5'] });
});
afterAll(() => h.close());
afterEach(() => vi.restoreAllMocks());

const port = () => new URL(h.sts.url).port;

describe('Host header', () => {
  it('refuses a host name nobody allowed, for the STS and the admin endpoints', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const target of ['/__admin/calls', '/?Action=GetCallerIdentity&Version=2011-06-15']) {
      const answer = await rawRequest(
        h.sts.url,
        `GET ${target} HTTP/1.1\nHost: evil.example:${port()}`,
      );
      expect(answer.status, target).toBe(421);
      expect(answer.body).toContain('this request was for "evil.example:');
      expect(answer.body).toContain('DEMO_ALLOWED_HOSTS');
      expect(answer.body).not.toContain('"calls"');
    }
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('answers loopback names and the names allowed for the classroom', async () => {
    for (const host of [
      'localhost',
      'LOCALHOST.',
      '127.0.0.1',
      '[::1]',
      'classroom.lan',
      '10.0.0.5',
    ]) {
      const answer = await rawRequest(
        h.sts.url,
        `GET /__admin/health HTTP/1.1\nHost: ${host}:${port()}`,
      );
      expect(answer.status, host).toBe(200);
    }
  });

  it('refuses a request without a Host header', async () => {
    const answer = await rawRequest(h.sts.url, 'GET /__admin/health HTTP/1.0');
    expect(answer.status).toBe(421);
  });
});

describe('request target', () => {
  it('answers 400 to a target that is no URL, without logging a stack trace', async () => {
    const error = vi.spyOn(console, 'error');
    const answer = await rawRequest(h.sts.url, `GET http://[/ HTTP/1.1\nHost: localhost:${port()}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toBe('Bad request: the request target is not a valid URL path.\n');
    expect(error).not.toHaveBeenCalled();
  });
});
