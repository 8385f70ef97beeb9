import { describe, expect, it } from 'vitest';
import { chainedTrustPolicy, webIdentityTrustPolicy } from './trust-policy';

interface Statement {
  Principal: Record<string, string>;
  Action: string | string[];
  Condition?: { StringEquals: Record<string, unknown> };
}
const statementOf = (json: string) => (JSON.parse(json) as { Statement: Statement[] }).Statement[0];

const ROLE = { roleArn: 'arn:aws:iam::111111111111:role/Developer', accountId: '111111111111' };

describe('webIdentityTrustPolicy', () => {
  it('admits a realistic token from the demo issuer: http:// stripped, aud and sub pinned', () => {
    const generated = webIdentityTrustPolicy({
      ...ROLE,
      issuer: 'http://localhost:5180',
      claims: { iss: 'http://localhost:5180', aud: 'rolecall', sub: 'user-alice', exp: 1 },
    });
    expect(generated?.json).toBe(`{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Federated": "arn:aws:iam::111111111111:oidc-provider/localhost:5180"
      },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {
          "localhost:5180:aud": "rolecall",
          "localhost:5180:sub": "user-alice"
        }
      }
    }
  ]
}`);
    expect(generated?.warnings.join(' ')).toMatch(/real AWS requires an https issuer/i);
    expect(generated?.warnings.join(' ')).toMatch(/port \(5180\)/);
  });

  it('keeps the issuer path and its trailing slash, as IAM matches iss exactly', () => {
    const generated = webIdentityTrustPolicy({
      ...ROLE,
      issuer: 'https://login.example.com/tenants/Acme/',
      claims: { aud: 'client-123', sub: 'auth0|42' },
    });
    const statement = statementOf(generated!.json);
    expect(statement.Principal.Federated).toBe(
      'arn:aws:iam::111111111111:oidc-provider/login.example.com/tenants/Acme/',
    );
    expect(statement.Condition?.StringEquals).toEqual({
      'login.example.com/tenants/Acme/:aud': 'client-123',
      'login.example.com/tenants/Acme/:sub': 'auth0|42',
    });
    expect(generated!.warnings).toEqual([]);
  });

  it('uses azp for :aud when the token has an array aud and an azp', () => {
    const generated = webIdentityTrustPolicy({
      ...ROLE,
      issuer: 'https://accounts.example.com',
      claims: { aud: ['rolecall', 'https://api.example.com'], azp: 'rolecall-web', sub: 's-1' },
    });
    expect(generated?.audience).toEqual({ value: 'rolecall-web', from: 'azp' });
    expect(statementOf(generated!.json).Condition?.StringEquals).toEqual({
      'accounts.example.com:aud': 'rolecall-web',
      'accounts.example.com:sub': 's-1',
    });
    expect(generated?.warnings).toEqual([]);
  });

  it('lists every audience when an array aud comes without azp, since AWS uses the one it knows', () => {
    const generated = webIdentityTrustPolicy({
      ...ROLE,
      issuer: 'https://accounts.example.com',
      claims: { aud: ['a', 'b'], sub: 's-1' },
    });
    expect(statementOf(generated!.json).Condition?.StringEquals).toEqual({
      'accounts.example.com:aud': ['a', 'b'],
      'accounts.example.com:sub': 's-1',
    });
    const single = webIdentityTrustPolicy({
      ...ROLE,
      issuer: 'https://accounts.example.com',
      claims: { aud: ['only'], sub: 's-1' },
    });
    expect(single?.audience).toEqual({ value: 'only', from: 'aud' });
  });

  it('adds TagSession and SetSourceIdentity when the token asks for them', () => {
    const generated = webIdentityTrustPolicy({
      ...ROLE,
      issuer: 'https://idp.example.com',
      claims: {
        aud: 'rolecall',
        sub: 'user-alice',
        'https://aws.amazon.com/tags': { principal_tags: { Team: ['platform'] } },
        'https://aws.amazon.com/source_identity': 'alice',
      },
    });
    expect(statementOf(generated!.json).Action).toEqual([
      'sts:AssumeRoleWithWebIdentity',
      'sts:TagSession',
      'sts:SetSourceIdentity',
    ]);
  });

  it('follows the partition of the role ARN', () => {
    const generated = webIdentityTrustPolicy({
      roleArn: 'arn:aws-cn:iam::123456789012:role/path/Reader',
      accountId: '123456789012',
      issuer: 'https://idp.example.cn',
      claims: { aud: 'x', sub: 'y' },
    });
    expect(generated?.providerArn).toBe(
      'arn:aws-cn:iam::123456789012:oidc-provider/idp.example.cn',
    );
  });

  it.each([
    ['no sub', { aud: 'rolecall' }],
    ['no aud', { sub: 'user-alice' }],
    ['an empty aud list', { aud: [], sub: 'user-alice' }],
    ['a numeric sub', { aud: 'rolecall', sub: 42 }],
  ])('gives nothing for a token with %s, which STS would refuse anyway', (_label, claims) => {
    expect(webIdentityTrustPolicy({ ...ROLE, issuer: 'https://idp.example.com', claims })).toBe(
      undefined,
    );
  });
});

describe('chainedTrustPolicy', () => {
  it('trusts the hub role, with the external id and TagSession when tags are transitive', () => {
    const { json } = chainedTrustPolicy({
      hubRoleArn: 'arn:aws:iam::111111111111:role/Developer',
      externalId: 'audit-7f3a',
      claims: {
        'https://aws.amazon.com/tags': {
          principal_tags: { Team: ['platform'] },
          transitive_tag_keys: ['Team'],
        },
      },
    });
    expect(JSON.parse(json)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:role/Developer' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: { StringEquals: { 'sts:ExternalId': 'audit-7f3a' } },
        },
      ],
    });
  });

  it('needs no condition or TagSession without an external id or transitive tags', () => {
    const { json } = chainedTrustPolicy({ hubRoleArn: 'arn:aws:iam::111111111111:role/Hub' });
    expect(statementOf(json)).toEqual({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:role/Hub' },
      Action: 'sts:AssumeRole',
    });
  });
});
