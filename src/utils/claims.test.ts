import { describe, expect, it } from 'vitest';
import {
  awsAudience,
  chainedTokenFacts,
  formatTags,
  sessionTags,
  tokenFacts,
  TAGS_CLAIM,
} from './claims';

const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '');
const token = (payload: unknown) => `${encode({ alg: 'RS256' })}.${encode(payload)}.sig`;

describe('tokenFacts', () => {
  it('reads issuer, subject, audience, times and session tags', () => {
    const facts = tokenFacts(
      token({
        iss: 'http://localhost:5180',
        sub: 'user-alice',
        aud: 'rolecall',
        iat: 1_800_000_000,
        exp: 1_800_003_600,
        [TAGS_CLAIM]: {
          principal_tags: { Team: ['platform'], CostCenter: ['cc-1234'] },
          transitive_tag_keys: ['Team'],
        },
      }),
    );
    expect(facts).toEqual({
      issuer: 'http://localhost:5180',
      subject: 'user-alice',
      audience: 'rolecall',
      issuedAt: 1_800_000_000_000,
      expiresAt: 1_800_003_600_000,
      tags: { Team: ['platform'], CostCenter: ['cc-1234'] },
      transitiveTagKeys: ['Team'],
    });
    expect(chainedTokenFacts(facts).tags).toEqual({ Team: ['platform'] });
  });

  it('copes with a token without tags or with an unreadable payload', () => {
    expect(tokenFacts(token({ sub: 'x', aud: ['a', 'b'] }))).toMatchObject({
      audience: 'a b',
      tags: {},
    });
    expect(tokenFacts('garbage')).toEqual({ tags: {}, transitiveTagKeys: [] });
  });
});

describe('session tags', () => {
  // AWS's form is a list of one; some providers send a bare string or (wrongly) several values.
  const claims = {
    [TAGS_CLAIM]: {
      principal_tags: { Team: ['platform'], Project: 'apollo', Env: ['dev', 'test'], Level: 3 },
      transitive_tag_keys: ['Team', 7],
    },
  };

  it('keeps every value of every tag, whatever form it comes in', () => {
    expect(sessionTags(claims)).toEqual({
      tags: { Team: ['platform'], Project: ['apollo'], Env: ['dev', 'test'], Level: ['3'] },
      transitiveKeys: ['Team'],
    });
    expect(formatTags(sessionTags(claims)!.tags)).toEqual([
      'Team=platform',
      'Project=apollo',
      'Env=dev,test',
      'Level=3',
    ]);
  });

  it('reads the same tags for the session (identity card, support summary) as for the training view', () => {
    expect(tokenFacts(token(claims)).tags).toEqual(sessionTags(claims)!.tags);
  });

  it('says there are none when the token has no tags claim', () => {
    expect(sessionTags({ sub: 'x' })).toBeUndefined();
  });
});

describe('awsAudience', () => {
  it('prefers azp, then a single aud, then every aud', () => {
    expect(awsAudience({ aud: ['api', 'rolecall'], azp: 'rolecall' })).toEqual({
      value: 'rolecall',
      from: 'azp',
    });
    expect(awsAudience({ aud: ['rolecall'] })).toEqual({ value: 'rolecall', from: 'aud' });
    expect(awsAudience({ aud: ['api', 'rolecall'] })).toEqual({
      value: ['api', 'rolecall'],
      from: 'aud',
    });
    expect(awsAudience({})).toBeUndefined();
  });
});
