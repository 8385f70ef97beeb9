import { describe, expect, it } from 'vitest';
import {
  cloudFrontResponseHeadersPolicy,
  headersFile,
  nginxHeaders,
  nginxMaps,
  securityHeaders,
} from './security-headers.ts';

const headers = securityHeaders("default-src 'none'; frame-ancestors 'none'");
const names = headers.map(([name]) => name);

describe('securityHeaders', () => {
  it('carries what a meta tag cannot', () => {
    expect(names).toEqual([
      'Content-Security-Policy',
      'Strict-Transport-Security',
      'Referrer-Policy',
      'X-Content-Type-Options',
      'Permissions-Policy',
      'X-Frame-Options',
    ]);
  });
});

describe('nginx', () => {
  it('adds every header on every answer, and the opener policy from the map', () => {
    const conf = nginxHeaders(headers);
    expect(conf).toContain(
      `add_header Content-Security-Policy "default-src 'none'; frame-ancestors 'none'" always;`,
    );
    expect(conf).toContain('add_header Cross-Origin-Opener-Policy $rolecall_opener_policy always;');
  });

  it('leaves the opener policy out on the callback path only, with and without a query', () => {
    const map = nginxMaps('/auth/callback.html');
    expect(map).toContain('default "same-origin-allow-popups";');
    // nginx reads \\ inside a quoted string as one backslash.
    const pattern = /"~(.*)" "";/.exec(map)![1].replaceAll('\\\\', '\\');
    const matches = (uri: string) => new RegExp(pattern).test(uri);
    expect(matches('/auth/callback.html?code=1&state=2')).toBe(true);
    expect(matches('/auth/callback.html')).toBe(true);
    expect(matches('/auth/callbackXhtml')).toBe(false);
    expect(matches('/auth/callback.html/more')).toBe(false);
    expect(matches('/')).toBe(false);
  });
});

describe('_headers', () => {
  it('sends the headers everywhere and the opener policy on the pages people open', () => {
    const file = headersFile(headers);
    expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: /);
    expect(file).toContain('\n/\n  Cross-Origin-Opener-Policy: same-origin-allow-popups\n');
    expect(file).toContain(
      '\n/index.html\n  Cross-Origin-Opener-Policy: same-origin-allow-popups\n',
    );
  });
});

describe('CloudFront', () => {
  it('maps the headers onto a response headers policy, with or without the opener policy', () => {
    const pages = cloudFrontResponseHeadersPolicy(headers, 'p', { openerPolicy: true });
    expect(pages.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(
      headers[0][1],
    );
    expect(pages.SecurityHeadersConfig.StrictTransportSecurity.AccessControlMaxAgeSec).toBe(
      63072000,
    );
    expect(pages.CustomHeadersConfig.Items.map((item) => item.Header)).toEqual([
      'Permissions-Policy',
      'Cross-Origin-Opener-Policy',
    ]);
    const callback = cloudFrontResponseHeadersPolicy(headers, 'c', { openerPolicy: false });
    expect(callback.CustomHeadersConfig).toMatchObject({ Quantity: 1 });
  });
});
