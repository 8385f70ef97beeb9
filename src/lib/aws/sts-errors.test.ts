import { describe, expect, it } from 'vitest';
import type { StsFailureInContext } from './sts-error-facts';
import { explainStsError } from './sts-errors';

const EXP = 1767268800; // 2026-01-01 12:00:00 UTC
const CLAIMS = {
  iss: 'http://localhost:5180',
  aud: 'rolecall',
  sub: 'user-alice',
  exp: EXP,
  'https://aws.amazon.com/tags': {
    principal_tags: { Team: ['platform'], CostCenter: ['cc-1234'] },
    transitive_tag_keys: ['Team'],
  },
};
const ROLE = {
  arn: 'arn:aws:iam::111111111111:role/Developer',
  accountId: '111111111111',
  name: 'Developer',
  maxDurationSeconds: 14400,
};

function explain(overrides: Partial<StsFailureInContext>) {
  return explainStsError({
    code: 'UnknownError',
    action: 'AssumeRoleWithWebIdentity',
    claims: CLAIMS,
    issuer: 'http://localhost:5180',
    role: ROLE,
    endpoint: 'http://localhost:5190/',
    now: EXP * 1000 + 7 * 60_000,
    ...overrides,
  });
}

describe('explainStsError in depth, for the training view', () => {
  it('AccessDenied names the aud, sub, provider and account the trust policy must match', () => {
    const result = explain({
      code: 'AccessDenied',
      said: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
    expect(result.meaning).toMatch(/trust policy of Developer/);
    expect(result.likelyCause).toContain(`The token's aud is "rolecall" and sub is "user-alice"`);
    expect(result.likelyCause).toContain('localhost:5180:aud and localhost:5180:sub');
    expect(result.likelyCause).toContain('arn:aws:iam::111111111111:oidc-provider/localhost:5180');
    expect(result.likelyCause).toContain(
      'AWS said: "Not authorized to perform sts:AssumeRoleWithWebIdentity"',
    );
    expect(result.fix).toMatch(/trust policy that would admit this token/);
  });

  it('AccessDenied says when AWS takes the audience from azp', () => {
    const result = explain({
      code: 'AccessDenied',
      claims: { ...CLAIMS, aud: ['rolecall', 'api'], azp: 'rolecall-spa' },
    });
    expect(result.likelyCause).toContain(`azp (which AWS uses as aud) is "rolecall-spa"`);
  });

  it('AccessDenied for sts:TagSession points at the tags claim, not at aud or sub', () => {
    const result = explain({
      code: 'AccessDenied',
      said: 'Not authorized to perform sts:TagSession',
    });
    expect(result.likelyCause).toMatch(/session tags/);
    expect(result.fix).toContain('"sts:TagSession"');
    expect(result.fix).toContain('arn:aws:iam::111111111111:oidc-provider/localhost:5180');
  });

  it('AccessDenied on a chained AssumeRole points at the hub role and the external id', () => {
    const result = explain({
      code: 'AccessDenied',
      action: 'AssumeRole',
      role: {
        arn: 'arn:aws:iam::333333333333:role/Auditor',
        accountId: '333333333333',
        name: 'Auditor',
        chainFrom: 'arn:aws:iam::111111111111:role/Developer',
        externalId: 'audit-7f3a',
      },
    });
    expect(result.meaning).toContain('arn:aws:iam::111111111111:role/Developer');
    expect(result.likelyCause).toContain(
      'sts:AssumeRole on arn:aws:iam::333333333333:role/Auditor',
    );
    expect(result.likelyCause).toMatch(/sts:ExternalId/);
  });

  it('InvalidIdentityToken without a provider names the issuer and the account, quoting AWS', () => {
    const result = explain({
      code: 'InvalidIdentityToken',
      said: 'No OpenIDConnect provider found in your account for http://localhost:5180',
    });
    expect(result.likelyCause).toContain(
      'Account 111111111111 has no IAM OIDC provider for the issuer http://localhost:5180',
    );
    expect(result.likelyCause).toContain(
      'AWS said: "No OpenIDConnect provider found in your account for http://localhost:5180"',
    );
    expect(result.fix).toContain('"rolecall" as a client id');
  });

  it('InvalidIdentityToken for the audience names the aud missing from the client ids', () => {
    const result = explain({
      code: 'InvalidIdentityToken',
      said: 'Incorrect token audience',
    });
    expect(result.likelyCause).toContain(
      'arn:aws:iam::111111111111:oidc-provider/localhost:5180 does not list the token\'s audience "rolecall"',
    );
  });

  it('InvalidIdentityToken with another message still names both usual causes', () => {
    const result = explain({ code: 'InvalidIdentityToken', said: 'Something else' });
    expect(result.likelyCause).toMatch(/no IAM OIDC provider for http:\/\/localhost:5180/);
    expect(result.likelyCause).toMatch(/do not include "rolecall"/);
    expect(result.likelyCause).toContain('AWS said: "Something else"');
  });

  it('ExpiredTokenException says when the token expired and how long ago', () => {
    const result = explain({
      code: 'ExpiredTokenException',
      said: 'Token expired: current date/time 1767269220 must be before 1767268800',
    });
    expect(result.likelyCause).toContain(
      `The token expired at 2026-01-01 12:00:00 UTC (exp claim ${EXP}), 7 minutes before the call, beyond`,
    );
    expect(result.fix).toMatch(/Sign in again/);
  });

  it('ExpiredTokenException within the 5-minute allowance blames a clock', () => {
    const result = explain({ code: 'ExpiredTokenException', now: EXP * 1000 + 120_000 });
    expect(result.likelyCause).toMatch(
      /only 2 minutes before the call, within .* a clock is probably off/,
    );
  });

  it('ExpiredTokenException with a future exp says the clocks disagree, not to sign in again', () => {
    const result = explain({ code: 'ExpiredTokenException', now: EXP * 1000 - 90_000 });
    expect(result.title).toBe('AWS STS and this computer disagree about the time');
    expect(result.hint).toMatch(
      /^By this computer's clock your ID token was valid for another 2 minutes, but to AWS it had already expired\. Set the local STS's clock right/,
    );
    expect(result.hint).toContain('signing in again would not help');
  });

  it.each([
    [
      'the local STS',
      'http://localhost:5190/',
      /^Set the local STS's clock right .* signing in again would not help/,
    ],
    [
      'AWS',
      'https://sts.eu-west-1.amazonaws.com/',
      /^AWS's clock is right, so this computer's clock is about 15 minutes behind: let it set its time automatically, then sign in again\. If that fails the same way, the identity provider's clock is behind too/,
    ],
  ])(
    'ExpiredTokenException with %s 15 minutes ahead names the clock to set',
    (_, endpoint, fix) => {
      // The session panel's case: no claims, only what the gateway measured for the call.
      const result = explainStsError({
        code: 'ExpiredTokenException',
        action: 'AssumeRoleWithWebIdentity',
        endpoint,
        sentAt: EXP * 1000 - 70_000,
        serverClockAheadMs: 900_000,
        tokenExpiresAt: EXP * 1000,
      });
      expect(result.title).toBe("AWS STS's clock is 15 minutes ahead of this computer's");
      expect(result.hint).toMatch(
        /^By this computer's clock your ID token was valid for another 1 minute, but/,
      );
      expect(result.fix).toMatch(fix);
      expect(result.hint).toContain(result.fix);
    },
  );

  it('ExpiredTokenException with a token past its expiry here too still says to sign in again', () => {
    const result = explainStsError({
      code: 'ExpiredTokenException',
      action: 'AssumeRoleWithWebIdentity',
      sentAt: EXP * 1000 + 1_000,
      serverClockAheadMs: 0,
      tokenExpiresAt: EXP * 1000,
    });
    expect(result.title).toBe('Your sign-in has expired');
    expect(result.hint).toMatch(/Sign in again/);
  });

  it.each([
    [1_200_000, "AWS STS's clock is 20 minutes ahead of this computer's"],
    // An STS clock behind ours cannot make a token look expired early: a new token is the fix.
    [-1_200_000, 'Your sign-in has expired'],
  ])(
    'ExpiredTokenException from an STS %i ms off, without the token',
    (serverClockAheadMs, title) => {
      const result = explainStsError({
        code: 'ExpiredTokenException',
        action: 'AssumeRoleWithWebIdentity',
        serverClockAheadMs,
      });
      expect(result.title).toBe(title);
    },
  );

  it('IDPCommunicationError tells the demo from AWS, which can never reach a localhost issuer', () => {
    const demo = explain({ code: 'IDPCommunicationError' });
    expect(demo.likelyCause).toContain(
      'The local STS could not fetch the signing keys from http://localhost:5180',
    );
    const aws = explain({
      code: 'IDPCommunicationError',
      endpoint: 'https://sts.eu-west-1.amazonaws.com/',
    });
    expect(aws.likelyCause).toContain('The issuer http://localhost:5180 is on this computer');
    const remote = explain({
      code: 'IDPCommunicationError',
      claims: { ...CLAIMS, iss: 'https://idp.example.com' },
    });
    expect(remote.likelyCause).toContain(
      'https://idp.example.com/.well-known/openid-configuration',
    );
  });

  it('IDPRejectedClaim quotes AWS and lists the claims it checks', () => {
    const result = explain({ code: 'IDPRejectedClaim', said: 'Token was revoked' });
    expect(result.likelyCause).toContain('aud "rolecall", sub "user-alice"');
    expect(result.likelyCause).toContain('AWS said: "Token was revoked"');
  });

  it('ValidationError on the duration names the role maximum', () => {
    const message =
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
    const result = explain({ code: 'ValidationError', said: message });
    expect(result.likelyCause).toContain('This role allows at most 4 hours.');
    expect(result.likelyCause).toContain(`AWS said: "${message}"`);
    const chained = explain({ code: 'ValidationError', action: 'AssumeRole', said: message });
    expect(chained.likelyCause).toMatch(/capped at 1 hour/);
  });

  it('ValidationError on the session name gives the rule, and quotes anything else', () => {
    const name = explain({
      code: 'ValidationError',
      said: "1 validation error detected: Value 'alice smith' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    });
    expect(name.likelyCause).toMatch(/2 to 64 characters/);
    expect(name.likelyCause).toContain("Value 'alice smith' at 'roleSessionName'");
    const other = explain({ code: 'ValidationError', said: 'Policy too long' });
    expect(other.likelyCause).toBe('AWS said: "Policy too long"');
  });

  it('ValidationError on the source identity or the token points at the provider, not config.json or the length', () => {
    const source = explain({
      code: 'ValidationError',
      said: "1 validation error detected: Value 'alice smith' at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    });
    expect(source.hint).toMatch(/source identity your identity provider sends/);
    expect(source.fix).toMatch(/identity provider administrator/);
    for (const words of [source.hint, source.likelyCause, source.fix]) {
      expect(words).not.toMatch(/shorter|session length|config\.json's/);
    }
    const token = explain({
      code: 'ValidationError',
      said: "1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must have length less than or equal to 20000",
    });
    expect(token.hint).toMatch(/ID token is too large/);
    expect(token.likelyCause).toMatch(/20,000 characters/);
    for (const words of [token.hint, token.likelyCause, token.fix]) {
      expect(words).not.toMatch(/shorter|session length|config\.json/);
    }
    const duration = explain({
      code: 'ValidationError',
      said: "1 validation error detected: Value '50000' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    });
    expect(duration.hint).toMatch(/shorter sessions/);
  });

  it('RegionDisabledException names the region of the endpoint and the account', () => {
    const result = explain({
      code: 'RegionDisabledException',
      endpoint: 'https://sts.ap-east-1.amazonaws.com/',
    });
    expect(result.meaning).toBe(
      'AWS STS is not activated in the ap-east-1 region for account 111111111111.',
    );
  });

  it('NetworkError names the endpoint that could not be reached', () => {
    const result = explain({ code: 'NetworkError' });
    expect(result.likelyCause).toContain('could not connect to http://localhost:5190/');
    expect(result.fix).toMatch(/npm start/);
  });

  it('PackedPolicyTooLarge counts the session tags the token asks for', () => {
    const result = explain({
      code: 'PackedPolicyTooLarge',
      said: 'Packed policy consumes 112% of allotted space, please use smaller policy.',
    });
    expect(result.likelyCause).toContain('2 session tags (Team, CostCenter)');
    expect(result.likelyCause).toContain('112%');
  });

  it('MalformedPolicyDocument quotes AWS', () => {
    const result = explain({
      code: 'MalformedPolicyDocument',
      said: 'Syntax errors in policy.',
    });
    expect(result.meaning).toMatch(/session policy/);
    expect(result.likelyCause).toContain('AWS said: "Syntax errors in policy."');
  });

  it('falls back to the code and message for a code it does not know', () => {
    const result = explain({ code: 'SomethingNew', said: 'A new failure' });
    expect(result).toMatchObject({
      meaning: 'AWS STS refused AssumeRoleWithWebIdentity with the error code SomethingNew.',
      likelyCause: 'AWS said: "A new failure"',
      fix: 'Look up SomethingNew in the STS API reference; if it keeps happening, send the request id to your administrator.',
    });
  });

  it.each([
    'AccessDenied',
    'InvalidIdentityToken',
    'ExpiredTokenException',
    'ExpiredToken',
    'IDPRejectedClaim',
    'IDPCommunicationError',
    'ValidationError',
    'RegionDisabledException',
    'InvalidClientTokenId',
    'SignatureDoesNotMatch',
    'RequestExpired',
    'MalformedPolicyDocument',
    'PackedPolicyTooLarge',
    'Throttling',
    'ServiceUnavailable',
    'NetworkError',
  ])('explains %s in both depths, without the fallback', (code) => {
    const result = explain({ code, said: 'x' });
    expect(result.title).not.toContain(`(${code})`);
    expect(result.meaning).not.toContain('with the error code');
    expect(result.hint).not.toBe('');
    expect(result.fix).not.toMatch(/^Look up/);
  });

  it('copes without a token or a role', () => {
    const result = explain({ code: 'AccessDenied', claims: undefined, role: undefined });
    expect(result.likelyCause).toContain("The token's aud is (none) and sub is (none)");
    expect(result.likelyCause).toContain('arn:aws:iam::<account>:oidc-provider/localhost:5180');
  });
});

describe('the support calls', () => {
  it('says exactly that the session lacks sts:DecodeAuthorizationMessage', () => {
    const words = explain({
      code: 'AccessDenied',
      action: 'DecodeAuthorizationMessage',
      status: 403,
    });
    expect(words.title).toBe('This session may not decode authorization messages');
    expect(words.hint).toContain('sts:DecodeAuthorizationMessage');
    expect(words.retryable).toBe(false);
  });

  it('says a message that is not decodable is cut, altered or from elsewhere', () => {
    const words = explain({
      code: 'InvalidAuthorizationMessageException',
      action: 'DecodeAuthorizationMessage',
      status: 400,
    });
    expect(words.code).toBe('InvalidAuthorizationMessage');
    expect(words.title).toBe('This is not an encoded authorization message AWS can read');
  });

  it('explains a refused GetAccessKeyInfo', () => {
    expect(explain({ code: 'AccessDenied', action: 'GetAccessKeyInfo' }).title).toBe(
      'This session may not look up access keys',
    );
  });
});
