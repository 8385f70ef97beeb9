import { describe, expect, it } from 'vitest';
import { fieldList, parseParams, stringList, tagList } from './query.ts';

describe('query protocol parameters', () => {
  const params = parseParams(
    new URLSearchParams('Action=AssumeRole&Version=2011-06-15'),
    'RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2FR&PolicyArns.member.2.arn=b&PolicyArns.member.1.arn=a&PolicyArns.member.10.arn=c' +
      '&Tags.member.1.Key=Team&Tags.member.1.Value=platform%20ops&TransitiveTagKeys.member.1=Team',
  );

  it('merges the query string and the form body', () => {
    expect(params.get('Action')).toBe('AssumeRole');
    expect(params.get('RoleArn')).toBe('arn:aws:iam::1:role/R');
  });

  it('reads flattened lists in numeric order', () => {
    expect(fieldList(params, 'PolicyArns', 'arn')).toEqual(['a', 'b', 'c']);
    expect(tagList(params, 'Tags')).toEqual([{ key: 'Team', value: 'platform ops' }]);
    expect(stringList(params, 'TransitiveTagKeys')).toEqual(['Team']);
    expect(stringList(params, 'Missing')).toEqual([]);
  });
});
