import { describe, expect, it } from 'vitest';
import { discoveryUrl } from './oidc-keys.ts';
import {
  expandTrustedIssuers,
  extraIssuersFromEnv,
  issuerHostAndPath,
  mergeTrustedIssuers,
} from './trusted-issuers.ts';

describe('issuerHostAndPath', () => {
  it('drops the scheme, keeps port, path and a trailing slash (IAM matches iss exactly)', () => {
    expect(issuerHostAndPath('http://localhost:5180')).toBe('localhost:5180');
    expect(issuerHostAndPath('https://idp.example.com/realms/demo/')).toBe(
      'idp.example.com/realms/demo/',
    );
  });
});

describe('discoveryUrl (OpenID Connect Discovery 1.0 §4)', () => {
  it('appends the well-known path after removing a terminating slash', () => {
    const wellKnown = '/.well-known/openid-configuration';
    expect(discoveryUrl('http://localhost:5180')).toBe(`http://localhost:5180${wellKnown}`);
    expect(discoveryUrl('https://tenant.auth0.com/')).toBe(`https://tenant.auth0.com${wellKnown}`);
    expect(discoveryUrl('https://kc.example/realms/x')).toBe(
      `https://kc.example/realms/x${wellKnown}`,
    );
  });
});

describe('expandTrustedIssuers', () => {
  const issuers = [
    { issuer: 'http://localhost:5180', clientIds: ['rolecall'] },
    { issuer: 'https://tenant.auth0.com/', clientIds: ['a', 'b'] },
  ];

  it('repeats a single-object Statement that names {{idp}}, leaving others alone', () => {
    const data = {
      accounts: [
        {
          id: '123456789012',
          oidcProviders: [{ url: 'fixed.example.com', clientIds: ['x'] }],
          roles: [
            {
              name: 'Web',
              trustPolicy: {
                Statement: {
                  Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/{{idp}}' },
                  Condition: { StringEquals: { '{{idp}}:aud': '{{clientId}}' } },
                },
              },
            },
            { name: 'Chained', trustPolicy: { Statement: [{ Principal: { AWS: '*' } }] } },
          ],
        },
      ],
    };
    expect(expandTrustedIssuers(data, issuers)).toEqual({
      accounts: [
        {
          id: '123456789012',
          oidcProviders: [{ url: 'fixed.example.com', clientIds: ['x'] }],
          roles: [
            {
              name: 'Web',
              trustPolicy: {
                Statement: [
                  {
                    Principal: {
                      Federated: 'arn:aws:iam::123456789012:oidc-provider/localhost:5180',
                    },
                    Condition: { StringEquals: { 'localhost:5180:aud': ['rolecall'] } },
                  },
                  {
                    Principal: {
                      Federated: 'arn:aws:iam::123456789012:oidc-provider/tenant.auth0.com/',
                    },
                    Condition: { StringEquals: { 'tenant.auth0.com/:aud': ['a', 'b'] } },
                  },
                ],
              },
            },
            { name: 'Chained', trustPolicy: { Statement: [{ Principal: { AWS: '*' } }] } },
          ],
        },
      ],
    });
  });

  it('merges an issuer given twice and keeps the demo IdP first', () => {
    expect(
      mergeTrustedIssuers([
        { issuer: 'http://localhost:5180', clientIds: ['rolecall'] },
        { issuer: 'http://localhost:5300', clientIds: ['e2e'] },
        { issuer: 'http://localhost:5180', clientIds: ['rolecall', 'other'] },
      ]),
    ).toEqual([
      { issuer: 'http://localhost:5180', clientIds: ['rolecall', 'other'] },
      { issuer: 'http://localhost:5300', clientIds: ['e2e'] },
    ]);
  });
});

describe('DEMO_EXTRA_ISSUERS', () => {
  it('reads issuers with and without a client id', () => {
    const env = {
      DEMO_EXTRA_ISSUERS:
        'http://localhost:5300/ , https://idp.example.com/realms/x=app-a,https://idp.example.com/realms/x=app-b',
    };
    expect(extraIssuersFromEnv(env)).toEqual([
      { issuer: 'http://localhost:5300/', clientIds: ['rolecall'] },
      { issuer: 'https://idp.example.com/realms/x', clientIds: ['app-a', 'app-b'] },
    ]);
    expect(extraIssuersFromEnv({})).toEqual([]);
  });

  it('refuses what is no issuer URL, naming the variable', () => {
    expect(() => extraIssuersFromEnv({ DEMO_EXTRA_ISSUERS: 'localhost:5300' })).toThrow(
      'DEMO_EXTRA_ISSUERS: "localhost:5300" is not an issuer URL (http or https, no query or fragment).',
    );
    expect(() => extraIssuersFromEnv({ DEMO_EXTRA_ISSUERS: 'https://x.example/?a=b' })).toThrow(
      'is not an issuer URL',
    );
    expect(() => extraIssuersFromEnv({ DEMO_EXTRA_ISSUERS: 'https://x.example=' })).toThrow(
      'names no client id',
    );
  });
});
