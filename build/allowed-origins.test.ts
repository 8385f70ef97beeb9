import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parse-config.ts';
import type { AppConfig } from '../src/config/schema.ts';
import { visibleText } from '../src/utils/untrusted-text.ts';
import { allowedOrigins } from './allowed-origins.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';

function config(sts: object = { region: 'eu-west-1' }): AppConfig {
  const result = parseConfig({
    oidc: { authority: 'https://idp.example.com/tenant', clientId: 'rolecall' },
    sts,
    accounts: [],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

const discovery = {
  ok: true as const,
  url: 'https://idp.example.com/tenant/.well-known/openid-configuration',
  document: {
    issuer: 'https://idp.example.com/tenant',
    authorization_endpoint: 'https://login.example.net/authorize',
    token_endpoint: 'https://tokens.example.net/oauth/token',
    revocation_endpoint: 'https://tokens.example.net/oauth/revoke',
    userinfo_endpoint: 'https://api.example.net/userinfo',
    end_session_endpoint: 'https://login.example.net/logout',
  },
};

const pairs = (found: ReturnType<typeof allowedOrigins>) =>
  found.origins.map(({ directive, origin }) => `${directive} ${origin}`);

describe('allowedOrigins', () => {
  it('adds the provider hosts the discovery document names, each with its reason', () => {
    const found = allowedOrigins(config(), discovery);
    expect(pairs(found)).toEqual([
      'connect-src https://idp.example.com',
      'connect-src https://tokens.example.net',
      'frame-src https://login.example.net',
      'connect-src https://sts.eu-west-1.amazonaws.com',
    ]);
    expect(found.origins[1].reason).toMatch(/token_endpoint.*; revocation_endpoint/);
    expect(found.notes.join('\n')).toMatch(
      /userinfo_endpoint https:\/\/api\.example\.net: not allowed/,
    );
    expect(found.notes.join('\n')).toMatch(/end_session_endpoint .*page navigation/);
  });

  it('falls back to the issuer and says so when the discovery document could not be read', () => {
    const found = allowedOrigins(config(), {
      ok: false,
      url: discovery.url,
      reason: 'ENOTFOUND',
    });
    expect(pairs(found)).toEqual([
      'connect-src https://idp.example.com',
      'frame-src https://idp.example.com',
      'connect-src https://sts.eu-west-1.amazonaws.com',
    ]);
    expect(found.notes[0]).toMatch(/Could not read .* \(ENOTFOUND\).*--allow-origin/);
  });

  it('warns when the discovery document names another issuer', () => {
    const other = {
      ...discovery,
      document: { ...discovery.document, issuer: 'https://idp.example.com/tenant/' },
    };
    expect(allowedOrigins(config(), other).notes[0]).toMatch(/character for character/);
  });

  it('allows the console broker, with its reason', () => {
    const withBroker = { ...config(), consoleBroker: { url: 'https://broker.example.org/open' } };
    const found = allowedOrigins(withBroker, discovery);
    expect(pairs(found)).toContain('connect-src https://broker.example.org');
    expect(found.origins.find((o) => o.origin === 'https://broker.example.org')?.reason).toMatch(
      /consoleBroker\.url/,
    );
  });

  it('follows the partition to its STS endpoint', () => {
    expect(
      pairs(allowedOrigins(config({ region: 'cn-north-1', partition: 'aws-cn' }), discovery)),
    ).toContain('connect-src https://sts.cn-north-1.amazonaws.com.cn');
    expect(
      pairs(
        allowedOrigins(config({ region: 'us-gov-west-1', partition: 'aws-us-gov' }), discovery),
      ),
    ).toContain('connect-src https://sts.us-gov-west-1.amazonaws.com');
  });

  it('uses a configured STS endpoint instead of AWS, and adds origins given by hand', () => {
    const found = allowedOrigins(
      config({ region: 'us-east-1', endpoint: 'http://localhost:5190/' }),
      undefined,
      ['https://extra.example.org/path', 'not a url'],
    );
    expect(pairs(found)).toEqual([
      'connect-src https://idp.example.com',
      'frame-src https://idp.example.com',
      'connect-src http://localhost:5190',
      'connect-src https://extra.example.org',
      'frame-src https://extra.example.org',
    ]);
    expect(found.notes.join('\n')).toMatch(/--allow-origin not a url: not an http\(s\) URL/);
  });
});

describe('hostile configuration values', () => {
  const base = () => ({
    oidc: { authority: 'https://idp.example.com', clientId: 'rolecall' },
    sts: { region: 'eu-west-1' },
    consoleBroker: { url: 'https://broker.example.com/' },
    accounts: [
      {
        id: '111122223333',
        name: 'Main',
        roles: [{ name: 'Hub' }, { name: 'Dev', chainFrom: 'arn:aws:iam::111122223333:role/Hub' }],
      },
    ],
  });
  type Raw = ReturnType<typeof base> & Record<string, unknown>;
  const set = (change: (raw: Raw) => void) => () => {
    const raw = base() as Raw;
    change(raw);
    return raw;
  };
  const huge = 'a'.repeat(100_000);
  // As the app reads config.json: JSON.parse makes "__proto__" an own key, not the prototype.
  const fromJson = (text: string): unknown => JSON.parse(text);

  // Each value either is refused with a message naming its field, or is harmless where shown.
  const cases: [string, () => unknown, string | ((config: AppConfig) => void)][] = [
    [
      'a javascript: issuer',
      set((c) => (c.oidc.authority = 'javascript:alert(1)')),
      'oidc.authority',
    ],
    [
      'a data: issuer',
      set((c) => (c.oidc.authority = 'data:text/html,<script>x</script>')),
      'oidc.authority',
    ],
    [
      'a plain-http STS endpoint',
      set((c) => (c.sts = { ...c.sts, endpoint: 'http://sts.example.com' } as Raw['sts'])),
      'sts.endpoint',
    ],
    [
      'a plain-http broker URL',
      set((c) => (c.consoleBroker.url = 'http://broker.example.com/')),
      'consoleBroker.url',
    ],
    [
      'an STS endpoint with userinfo',
      set(
        (c) => (c.sts = { ...c.sts, endpoint: 'https://user:pass@sts.example.com' } as Raw['sts']),
      ),
      'sts.endpoint',
    ],
    [
      "an issuer with 'unsafe-inline' after it",
      set((c) => (c.oidc.authority = "https://a.example 'unsafe-inline'")),
      'oidc.authority',
    ],
    [
      'a wildcard STS endpoint',
      set((c) => (c.sts = { ...c.sts, endpoint: 'https://*' } as Raw['sts'])),
      'sts.endpoint',
    ],
    [
      'a wildcard broker host',
      set((c) => (c.consoleBroker.url = 'https://*.example.com/')),
      'consoleBroker.url',
    ],
    [
      'a ; injected into the broker host',
      set((c) => (c.consoleBroker.url = 'https://a.example;script-src/')),
      'consoleBroker.url',
    ],
    [
      "a quote in the issuer's host",
      set((c) => (c.oidc.authority = "https://a.example'unsafe-eval'")),
      'oidc.authority',
    ],
    [
      'a huge issuer host',
      set((c) => (c.oidc.authority = `https://${huge}.example`)),
      'oidc.authority',
    ],
    [
      'a __proto__ key',
      () => fromJson(JSON.stringify(base()).replace('{', '{"__proto__":{"polluted":true},')),
      '',
    ],
    [
      'a __proto__ key in oidc',
      () =>
        fromJson(
          JSON.stringify(base()).replace('"oidc":{', '"oidc":{"__proto__":{"polluted":true},'),
        ),
      'oidc',
    ],
    [
      'a chain from another partition',
      set((c) => (c.accounts[0].roles[1].chainFrom = 'arn:aws-cn:iam::111122223333:role/Hub')),
      'accounts[0].roles[1].chainFrom',
    ],
    [
      'a negative session duration',
      set((c) => (c.session = { durationSeconds: -3600 })),
      'session.durationSeconds',
    ],
    [
      'a huge session duration',
      set((c) => (c.session = { durationSeconds: 1e12 })),
      'session.durationSeconds',
    ],
    [
      'a huge role maximum',
      set((c) => (c.accounts[0].roles[0] = { name: 'Hub', maxDurationSeconds: 1e9 } as never)),
      'accounts[0].roles[0].maxDurationSeconds',
    ],
    [
      'a negative STS timeout',
      set((c) => (c.sts = { ...c.sts, requestTimeoutSeconds: -5 } as Raw['sts'])),
      'sts.requestTimeoutSeconds',
    ],
    // A browser fires a timer over 2^31-1 ms (24.8 days) at once: the person would be signed out
    // the moment they signed in.
    [
      'a huge idle sign-out',
      set((c) => (c.security = { idleSignOutMinutes: 40_000 })),
      'security.idleSignOutMinutes',
    ],
    [
      'a huge idle lock',
      set((c) => (c.security = { idleLockMinutes: 1e9 })),
      'security.idleLockMinutes',
    ],
    [
      'an account name with bidi and HTML',
      set((c) => (c.accounts[0].name = '<img src=x onerror=alert(1)>\u202eniam')),
      (config) =>
        expect(visibleText(config.accounts[0].name)).toBe(
          '<img src=x onerror=alert(1)>⟨U+202E⟩niam',
        ),
    ],
    [
      'a huge account name',
      set((c) => (c.accounts[0].name = huge)),
      (config) =>
        expect(visibleText(config.accounts[0].name)).toMatch(/^a{200}… \(99800 more characters\)$/),
    ],
  ];

  it.each(cases)(
    '%s: refused naming the field, or harmless where shown',
    (_label, raw, expected) => {
      const result = parseConfig(raw());
      expect(Object.prototype).not.toHaveProperty('polluted');
      if (typeof expected === 'function') {
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expected(result.config);
        return;
      }
      expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual([expected]);
    },
  );

  // What the policy may hold: the app's own sources and plain origins, in the same directives.
  const baseline = contentSecurityPolicy([], 'header');
  const directives = (policy: string) => policy.split('; ').map((part) => part.split(' '));
  const plainOrigin = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d+)?$/;
  const widened = (policy: string) =>
    directives(policy).flatMap(([name = '', ...sources], index) => {
      const [baseName, ...baseSources] = directives(baseline)[index] ?? [];
      if (name !== baseName) return [`directive ${name}`];
      return sources.filter((s) => !baseSources.includes(s) && !plainOrigin.test(s));
    });

  const urlValues = [
    "https://a.example 'unsafe-inline'",
    '*',
    'https://*',
    'https://*.example.com',
    'https://a.example;script-src/',
    'https://a.example%3Bframe-ancestors/',
    "https://a.example'unsafe-eval'/",
    'https://a.example,b/',
    'https://user:pass@a.example/',
    'javascript:alert(1)',
    'data:text/html,x',
    `https://${huge}.example`,
  ];

  // configure refuses such a config.json; the dev server reads its config without the validator,
  // and the discovery document and --allow-origin reach the policy without it too.
  it.each(urlValues)('%s never widens the policy, from any field', (value) => {
    const found = allowedOrigins(
      {
        oidc: { authority: value },
        sts: { region: 'eu-west-1', partition: 'aws', endpoint: value },
        consoleBroker: { url: value },
      },
      {
        ok: true,
        url: 'https://idp.example.com/.well-known/openid-configuration',
        document: {
          token_endpoint: value,
          revocation_endpoint: value,
          authorization_endpoint: value,
        },
      },
      [value],
    );
    expect(widened(contentSecurityPolicy(found.origins, 'header'))).toEqual([]);
  });
});
