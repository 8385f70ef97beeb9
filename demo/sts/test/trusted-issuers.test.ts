import {
  AssumeRoleWithWebIdentityCommand,
  InvalidIdentityTokenException,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeIssuer, type FakeIssuer } from './fake-issuer.ts';
import {
  ALICE_CLAIMS,
  failure,
  SANDBOX_ADMIN,
  SANDBOX_DEVELOPER,
  SANDBOX_MISCONFIGURED,
  startHarness,
  type Harness,
} from './harness.ts';

/**
 * Providers other than the demo IdP: the STS trusts whichever issuers are registered as IAM OIDC
 * providers, with the same roles and conditions, whatever the issuer's form.
 */
let h: Harness;
let auth0Style: FakeIssuer;
let keycloakStyle: FakeIssuer;
let ownClient: FakeIssuer;
let stranger: FakeIssuer;
let twoKeysEach: FakeIssuer;

beforeAll(async () => {
  const algorithms = ['RS256' as const];
  [auth0Style, keycloakStyle, ownClient, stranger, twoKeysEach] = await Promise.all([
    startFakeIssuer({ path: '/', algorithms }),
    startFakeIssuer({ path: '/realms/x', algorithms }),
    startFakeIssuer({ algorithms }),
    startFakeIssuer({ algorithms }),
    startFakeIssuer({ algorithms }),
  ]);
  await twoKeysEach.publishSecondKeys();
  h = await startHarness({
    extraIssuers: [
      { issuer: auth0Style.issuer, clientIds: ['rolecall'] },
      { issuer: keycloakStyle.issuer, clientIds: ['rolecall'] },
      { issuer: ownClient.issuer, clientIds: ['rolecall-e2e'] },
      { issuer: twoKeysEach.issuer, clientIds: ['rolecall'] },
    ],
  });
}, 30_000);

afterAll(async () => {
  await h.close();
  const issuers = [auth0Style, keycloakStyle, ownClient, stranger, twoKeysEach];
  await Promise.all(issuers.map((idp) => idp.close()));
});

function assume(token: string, RoleArn = SANDBOX_DEVELOPER) {
  const command = new AssumeRoleWithWebIdentityCommand({
    RoleArn,
    RoleSessionName: 'alice',
    WebIdentityToken: token,
  });
  return h.client().send(command);
}

describe('issuers registered as IAM OIDC providers', () => {
  it('trusts an issuer with a trailing slash, fetching discovery without a double slash', async () => {
    expect(auth0Style.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const result = await assume(await auth0Style.mint(ALICE_CLAIMS));
    const name = auth0Style.issuer.replace('http://', '');
    expect(result.Provider).toBe(`arn:aws:iam::111111111111:oidc-provider/${name}`);
    expect(auth0Style.discoveryFetches).toBe(1);
  });

  it('trusts an issuer with a path', async () => {
    const result = await assume(await keycloakStyle.mint(ALICE_CLAIMS));
    expect(result.Provider).toMatch(/:oidc-provider\/127\.0\.0\.1:\d+\/realms\/x$/);
    expect(result.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::111111111111:assumed-role/Developer/alice',
    );
  });

  it("accepts the app's client id at that issuer, and only that one", async () => {
    const token = await ownClient.mint({ ...ALICE_CLAIMS, aud: 'rolecall-e2e' });
    await expect(assume(token)).resolves.toMatchObject({ Audience: 'rolecall-e2e' });
    const f = await failure(assume(await ownClient.mint({ ...ALICE_CLAIMS, aud: 'rolecall' })));
    expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
    expect(f.message).toBe('Incorrect token audience');
  });

  it("keeps each role's own conditions for every issuer", async () => {
    const bob = await keycloakStyle.mint({ sub: 'user-bob' });
    expect((await failure(assume(bob, SANDBOX_ADMIN))).message).toBe(
      'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    );
    const alice = await auth0Style.mint(ALICE_CLAIMS);
    expect((await failure(assume(alice, SANDBOX_MISCONFIGURED))).code).toBe('AccessDenied');
  });

  it('refuses a working issuer nobody registered, as AWS does', async () => {
    const token = await stranger.mint(ALICE_CLAIMS);
    const f = await failure(assume(token));
    expect(f.error).toBeInstanceOf(InvalidIdentityTokenException);
    expect(f.status).toBe(400);
    expect(f.message).toBe(
      `No OpenIDConnect provider found in your account for ${stranger.issuer}`,
    );
    expect(stranger.discoveryFetches).toBe(0);
  });

  it('tries every key of the algorithm for a token without kid', async () => {
    const token = await twoKeysEach.mint(ALICE_CLAIMS, { kid: undefined });
    await expect(assume(token)).resolves.toMatchObject({ Audience: 'rolecall' });
  });
});
