import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parse-config.ts';
import type { AppConfig } from '../src/config/schema.ts';
import { allowedOrigins } from './allowed-origins.ts';

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
