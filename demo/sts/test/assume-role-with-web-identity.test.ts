import {
  AssumeRoleWithWebIdentityCommand,
  ExpiredTokenException,
  IDPCommunicationErrorException,
  InvalidIdentityTokenException,
  MalformedPolicyDocumentException,
  PackedPolicyTooLargeException,
  type AssumeRoleWithWebIdentityCommandInput,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningAlgorithm } from './fake-issuer.ts';
import {
  ALICE_CLAIMS,
  failure,
  PRODUCTION_DEPLOYER,
  PRODUCTION_READONLY,
  SANDBOX_ADMIN,
  SANDBOX_DEVELOPER,
  SANDBOX_MISCONFIGURED,
  startHarness,
  type Harness,
} from './harness.ts';
import { labRole, labWorld } from './lab-world.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ data: labWorld() });
});
afterAll(() => h.close());

type Input = Partial<AssumeRoleWithWebIdentityCommandInput>;

async function assume(input: Input = {}) {
  const WebIdentityToken = input.WebIdentityToken ?? (await h.idp.mint(ALICE_CLAIMS));
  const command = new AssumeRoleWithWebIdentityCommand({
    RoleArn: SANDBOX_DEVELOPER,
    RoleSessionName: 'alice',
    ...input,
    WebIdentityToken,
  });
  return h.client().send(command);
}

const assumeFails = (input: Input = {}) => failure(assume(input));

describe('success', () => {
  it('returns every result field, filled from the verified token', async () => {
    const before = Date.now();
    const result = await assume({ DurationSeconds: 7200 });
    expect(result.$metadata.httpStatusCode).toBe(200);
    expect(result.SubjectFromWebIdentityToken).toBe('user-alice');
    expect(result.Audience).toBe('rolecall');
    expect(result.Provider).toBe(
      `arn:aws:iam::111111111111:oidc-provider/${h.idp.issuer.slice(7)}`,
    );
    expect(result.SourceIdentity).toBe('alice');
    expect(result.PackedPolicySize).toBeGreaterThan(0);
    expect(result.AssumedRoleUser).toEqual({
      AssumedRoleId: 'AROAQSANDBOXDEV00001:alice',
      Arn: 'arn:aws:sts::111111111111:assumed-role/Developer/alice',
    });
    const credentials = result.Credentials;
    expect(credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials?.SecretAccessKey).toHaveLength(40);
    expect(credentials?.SessionToken?.length).toBeGreaterThan(100);
    const expiresIn = (credentials?.Expiration?.getTime() ?? 0) - before;
    expect(expiresIn).toBeGreaterThan(7200_000 - 2000);
    expect(expiresIn).toBeLessThanOrEqual(7200_000 + 1000);
  });

  it('defaults to one hour and leaves PackedPolicySize out when nothing was packed', async () => {
    const token = await h.idp.mint({ sub: 'user-bob' });
    const result = await assume({ RoleArn: PRODUCTION_READONLY, WebIdentityToken: token });
    const expiresIn = (result.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
    expect(Math.round(expiresIn / 60_000)).toBe(60);
    expect(result.PackedPolicySize).toBeUndefined();
    expect(result.SourceIdentity).toBeUndefined();
  });

  it.each<SigningAlgorithm>(['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'])(
    'accepts tokens signed with %s',
    async (alg) => {
      const token = await h.idp.mint(ALICE_CLAIMS, { alg });
      const result = await assume({ WebIdentityToken: token });
      expect(result.AssumedRoleUser?.Arn).toContain('assumed-role/Developer/alice');
    },
  );

  it('finds a role with a path, by its full ARN and by its name alone', async () => {
    for (const RoleArn of [PRODUCTION_DEPLOYER, 'arn:aws:iam::222222222222:role/Deployer']) {
      const result = await assume({ RoleArn });
      expect(result.AssumedRoleUser?.Arn).toBe(
        'arn:aws:sts::222222222222:assumed-role/Deployer/alice',
      );
    }
    const wrongPath = await assumeFails({ RoleArn: 'arn:aws:iam::222222222222:role/ops/Deployer' });
    expect(wrongPath.code).toBe('AccessDenied');
  });

  it('accepts a token up to five minutes past exp', async () => {
    const token = await h.idp.mint({ ...ALICE_CLAIMS, exp: h.idp.nowSeconds() - 240 });
    await expect(assume({ WebIdentityToken: token })).resolves.toBeDefined();
  });

  it('matches azp, when present, against the client ids', async () => {
    const token = await h.idp.mint({ ...ALICE_CLAIMS, aud: ['other', 'x'], azp: 'rolecall' });
    const result = await assume({ WebIdentityToken: token });
    expect(result.Audience).toBe('rolecall');
  });

  it('picks up rotated keys by fetching the JWKS again for an unknown kid', async () => {
    await assume();
    const { discoveryFetches, jwksFetches } = h.idp;
    await assume();
    expect(h.idp.jwksFetches).toBe(jwksFetches);
    await h.idp.rotateKeys();
    await expect(assume()).resolves.toBeDefined();
    expect(h.idp.jwksFetches).toBe(jwksFetches + 1);
    // The discovery document is cached: only the keys changed.
    expect(h.idp.discoveryFetches).toBe(discoveryFetches);
  });

  it('fetches the new keys once for all the requests that need them', async () => {
    await h.idp.rotateKeys();
    const { jwksFetches } = h.idp;
    await Promise.all([assume(), assume(), assume()]);
    expect(h.idp.jwksFetches).toBe(jwksFetches + 1);
  });

  it('returns a valid PackedPolicySize for a session policy', async () => {
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const token = await h.idp.mint({ sub: 'user-bob' });
    const result = await assume({ RoleArn: PRODUCTION_READONLY, WebIdentityToken: token, Policy });
    expect(result.PackedPolicySize).toBeGreaterThan(0);
    expect(result.PackedPolicySize).toBeLessThan(20);
  });
});

describe('token errors', () => {
  it('rejects a token that is not a JWT', async () => {
    const f = await assumeFails({ WebIdentityToken: 'not-a-jwt-at-all' });
    expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
    expect(f.status).toBe(400);
    expect(f.message).toBe(
      'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    );
  });

  it('rejects an issuer that is not a provider in the role account', async () => {
    const token = await h.idp.mint({ ...ALICE_CLAIMS, iss: 'https://elsewhere.example.com' });
    const f = await assumeFails({ WebIdentityToken: token });
    expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
    expect(f.message).toBe(
      'No OpenIDConnect provider found in your account for https://elsewhere.example.com',
    );
    const audit = await assumeFails({ RoleArn: 'arn:aws:iam::333333333333:role/Auditor' });
    expect(audit.message).toBe(
      `No OpenIDConnect provider found in your account for ${h.idp.issuer}`,
    );
  });

  it('rejects a tampered token', async () => {
    const [header, , signature] = (await h.idp.mint(ALICE_CLAIMS)).split('.');
    const payload = Buffer.from(
      JSON.stringify({
        ...ALICE_CLAIMS,
        iss: h.idp.issuer,
        aud: 'rolecall',
        exp: h.idp.nowSeconds() + 60,
      }),
    ).toString('base64url');
    const f = await assumeFails({ WebIdentityToken: `${header}.${payload}.${signature}` });
    expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
    expect(f.message).toBe('Token signature invalid');
  });

  it('rejects a token signed by a key the provider never published', async () => {
    const token = await h.idp.mint(ALICE_CLAIMS, { unpublishedKey: true });
    const f = await assumeFails({ WebIdentityToken: token });
    expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
    expect(f.message).toMatch(/^Couldn't retrieve verification key from your identity provider/);
  });

  it('rejects alg none', async () => {
    const payload = {
      iss: h.idp.issuer,
      sub: 'user-alice',
      aud: 'rolecall',
      exp: h.idp.nowSeconds() + 60,
    };
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    const f = await assumeFails({ WebIdentityToken: unsigned });
    expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
  });

  it('raises ExpiredTokenException more than five minutes past exp', async () => {
    const exp = h.idp.nowSeconds() - 301;
    const token = await h.idp.mint({ ...ALICE_CLAIMS, exp, iat: exp - 3600 });
    const f = await assumeFails({ WebIdentityToken: token });
    expect(f.error).toBeInstanceOf(ExpiredTokenException);
    expect(f.code).toBe('ExpiredTokenException');
    expect(f.status).toBe(400);
    expect(f.message).toMatch(
      new RegExp(
        `^Token expired: current date/time \\d+ must be before the expiration date/time ${exp}$`,
      ),
    );
  });

  it('requires integer exp and iat', async () => {
    for (const claims of [
      { exp: h.idp.nowSeconds() + 60.5 },
      { iat: String(h.idp.nowSeconds()) },
    ]) {
      const token = await h.idp.mint({ ...ALICE_CLAIMS, ...claims });
      const f = await assumeFails({ WebIdentityToken: token });
      expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
      expect(f.message).toMatch(/claim must be an integer/);
    }
  });

  it('rejects a wrong audience, and an azp that is not a client id', async () => {
    for (const claims of [{ aud: 'another-app' }, { aud: 'rolecall', azp: 'another-app' }]) {
      const token = await h.idp.mint({ ...ALICE_CLAIMS, ...claims });
      const f = await assumeFails({ WebIdentityToken: token });
      expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
      expect(f.message).toBe('Incorrect token audience');
    }
  });

  it('rejects malformed session tags in the token', async () => {
    const tags = { principal_tags: { Team: ['a', 'b'] } };
    const token = await h.idp.mint({ ...ALICE_CLAIMS, 'https://aws.amazon.com/tags': tags });
    const f = await assumeFails({ WebIdentityToken: token });
    expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
    expect(f.message).toContain('https://aws.amazon.com/tags');
  });
});

describe('trust policy', () => {
  it('denies a role whose trust policy does not match the token', async () => {
    const f = await assumeFails({ RoleArn: SANDBOX_MISCONFIGURED });
    expect(f.name).toBe('AccessDenied');
    expect(f.code).toBe('AccessDenied');
    expect(f.status).toBe(403);
    expect(f.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  it('denies someone the sub condition leaves out', async () => {
    const token = await h.idp.mint({ sub: 'user-carol' });
    const f = await assumeFails({ WebIdentityToken: token });
    expect(f.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  it('denies an unknown role the same way', async () => {
    const f = await assumeFails({ RoleArn: 'arn:aws:iam::111111111111:role/NoSuchRole' });
    expect(f.code).toBe('AccessDenied');
    expect(f.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  it('lets an explicit Deny win', async () => {
    const bob = await h.idp.mint({ sub: 'user-bob' });
    const f = await assumeFails({ RoleArn: labRole('DenyBob'), WebIdentityToken: bob });
    expect(f.code).toBe('AccessDenied');
    await expect(assume({ RoleArn: labRole('DenyBob') })).resolves.toBeDefined();
  });

  it('evaluates ForAnyValue conditions on the multi-valued amr claim', async () => {
    const withMfa = await h.idp.mint({ ...ALICE_CLAIMS, amr: ['pwd', 'mfa'] });
    const without = await h.idp.mint({ ...ALICE_CLAIMS, amr: ['pwd'] });
    const RoleArn = labRole('NeedsMfaAmr');
    await expect(assume({ RoleArn, WebIdentityToken: withMfa })).resolves.toBeDefined();
    expect((await assumeFails({ RoleArn, WebIdentityToken: without })).code).toBe('AccessDenied');
    expect((await assumeFails({ RoleArn })).code).toBe('AccessDenied');
  });

  it('needs sts:TagSession for tags and sts:SetSourceIdentity for a source identity', async () => {
    const tags = await assumeFails({ RoleArn: labRole('NoTagSession') });
    expect(tags.message).toBe('Not authorized to perform sts:TagSession');
    const source = await assumeFails({ RoleArn: labRole('NoSourceIdentity') });
    expect(source.message).toBe('Not authorized to perform sts:SetSourceIdentity');
    const plain = await h.idp.mint({});
    await expect(
      assume({ RoleArn: labRole('NoTagSession'), WebIdentityToken: plain }),
    ).resolves.toBeDefined();
  });

  it('evaluates aws:RequestTag conditions against the token tags', async () => {
    await expect(assume({ RoleArn: labRole('TeamPlatformOnly') })).resolves.toBeDefined();
    const other = await h.idp.mint({
      'https://aws.amazon.com/tags': { principal_tags: { Team: ['support'] } },
    });
    const f = await assumeFails({ RoleArn: labRole('TeamPlatformOnly'), WebIdentityToken: other });
    expect(f.code).toBe('AccessDenied');
  });
});

describe('parameter validation', () => {
  it('reports one broken constraint in AWS format', async () => {
    const f = await assumeFails({ RoleSessionName: 'has space' });
    expect(f.name).toBe('ValidationError');
    expect(f.status).toBe(400);
    expect(f.message).toBe(
      "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });

  it('reports several broken constraints together, never echoing the token', async () => {
    const f = await assumeFails({
      RoleArn: 'arn:short',
      RoleSessionName: 'a',
      WebIdentityToken: 'abc',
    });
    expect(f.message).toBe(
      "3 validation errors detected: Value 'arn:short' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4",
    );
  });

  it('checks RoleSessionName length and DurationSeconds range', async () => {
    const long = await assumeFails({ RoleSessionName: 'x'.repeat(65) });
    expect(long.message).toContain('Member must have length less than or equal to 64');
    const short = await assumeFails({ DurationSeconds: 899 });
    expect(short.message).toBe(
      "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    const high = await assumeFails({ DurationSeconds: 43201 });
    expect(high.message).toContain('Member must have value less than or equal to 43200');
  });

  it("refuses a duration above the role's MaxSessionDuration", async () => {
    const f = await assumeFails({ RoleArn: SANDBOX_ADMIN, DurationSeconds: 7200 });
    expect(f.name).toBe('ValidationError');
    expect(f.message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  });

  it('refuses a RoleArn that is no role ARN', async () => {
    const f = await assumeFails({ RoleArn: 'arn:aws:iam::111111111111:user/trainer' });
    expect(f.name).toBe('ValidationError');
    expect(f.message).toBe('Request ARN is invalid');
  });

  it('refuses ProviderId with an OpenID Connect token', async () => {
    const f = await assumeFails({ ProviderId: 'www.amazon.com' });
    expect(f.name).toBe('ValidationError');
  });

  it('limits PolicyArns to 10', async () => {
    const arns = Array.from({ length: 11 }, (_, i) => ({
      arn: `arn:aws:iam::aws:policy/Policy${i}`,
    }));
    const f = await assumeFails({ PolicyArns: arns });
    expect(f.name).toBe('ValidationError');
    expect(f.message).toContain(
      "at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  });

  it('limits the inline policy to 2048 characters', async () => {
    const f = await assumeFails({ Policy: ' '.repeat(2049) });
    expect(f.message).toContain(
      "at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048",
    );
  });

  it('raises MalformedPolicyDocumentException for an invalid session policy', async () => {
    for (const Policy of [
      '{"Version": "2012-10-17", ',
      '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}',
    ]) {
      const f = await assumeFails({ Policy });
      expect(f.error).toBeInstanceOf(MalformedPolicyDocumentException);
      expect(f.code).toBe('MalformedPolicyDocument');
      expect(f.status).toBe(400);
    }
  });

  it('raises PackedPolicyTooLargeException when policy and tags do not pack', async () => {
    const actions = Array.from({ length: 60 }, (_, i) => `service${i}:DoSomethingUseful`);
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
    });
    expect(Policy.length).toBeLessThanOrEqual(2048);
    const f = await assumeFails({ Policy });
    expect(f.error).toBeInstanceOf(PackedPolicyTooLargeException);
    expect(f.message).toMatch(
      /^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/,
    );
  });
});

describe('identity provider unreachable', () => {
  let down: Harness;
  beforeAll(async () => {
    down = await startHarness({ idpTimeoutMs: 100 });
  });
  afterAll(() => down.close());

  const attempt = async () => {
    const token = await down.idp.mint(ALICE_CLAIMS);
    const command = new AssumeRoleWithWebIdentityCommand({
      RoleArn: SANDBOX_DEVELOPER,
      RoleSessionName: 'alice',
      WebIdentityToken: token,
    });
    return failure(down.client().send(command));
  };

  it.each(['discovery-500', 'jwks-500', 'hang'] as const)(
    'raises IDPCommunicationErrorException when the provider answers %s',
    async (behaviour) => {
      down.idp.behave(behaviour);
      const f = await attempt();
      expect(f.error).toBeInstanceOf(IDPCommunicationErrorException);
      expect(f.code).toBe('IDPCommunicationError');
      expect(f.status).toBe(400);
    },
  );

  it('tries again once the provider is back', async () => {
    down.idp.behave('normal');
    const token = await down.idp.mint(ALICE_CLAIMS);
    const command = new AssumeRoleWithWebIdentityCommand({
      RoleArn: SANDBOX_DEVELOPER,
      RoleSessionName: 'alice',
      WebIdentityToken: token,
    });
    await expect(down.client().send(command)).resolves.toBeDefined();
  });
});
