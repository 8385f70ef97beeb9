import { describe, expect, it } from 'vitest';
import { chainedTokenFacts, tokenFacts } from './token-facts';

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
        'https://aws.amazon.com/tags': {
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
      tags: { Team: 'platform', CostCenter: 'cc-1234' },
      transitiveTagKeys: ['Team'],
    });
    expect(chainedTokenFacts(facts).tags).toEqual({ Team: 'platform' });
  });

  it('copes with a token without tags or with an unreadable payload', () => {
    expect(tokenFacts(token({ sub: 'x', aud: ['a', 'b'] }))).toMatchObject({
      audience: 'a b',
      tags: {},
    });
    expect(tokenFacts('garbage')).toEqual({ tags: {}, transitiveTagKeys: [] });
  });
});
