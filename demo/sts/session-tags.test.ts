import { describe, expect, it } from 'vitest';
import { StsError } from './errors.ts';
import {
  mergeSessionTags,
  requestTagContext,
  tagsFromToken,
  transitiveTags,
} from './session-tags.ts';

describe('tagsFromToken', () => {
  it("reads the AWS tags claim from alice's token", () => {
    expect(
      tagsFromToken({
        principal_tags: { Team: ['platform'], CostCenter: ['cc-1234'] },
        transitive_tag_keys: ['Team'],
      }),
    ).toEqual({
      tags: [
        { key: 'Team', value: 'platform' },
        { key: 'CostCenter', value: 'cc-1234' },
      ],
      transitiveTagKeys: ['Team'],
    });
    expect(tagsFromToken(undefined)).toEqual({ tags: [], transitiveTagKeys: [] });
  });

  it.each([
    ['not an object', 'x'],
    ['several values', { principal_tags: { Team: ['a', 'b'] } }],
    ['a non-string transitive key', { principal_tags: {}, transitive_tag_keys: [1] }],
    [
      'a transitive key without a tag',
      { principal_tags: { A: ['1'] }, transitive_tag_keys: ['B'] },
    ],
    ['duplicate keys', { principal_tags: { Team: ['a'], team: ['b'] } }],
    [
      '51 tags',
      {
        principal_tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, ['v']])),
      },
    ],
    ['a 129-character key', { principal_tags: { ['k'.repeat(129)]: ['v'] } }],
    ['a 257-character value', { principal_tags: { k: ['v'.repeat(257)] } }],
  ])('refuses %s as InvalidIdentityToken', (_name, claim) => {
    expect(() => tagsFromToken(claim)).toThrow(StsError);
    expect(() => tagsFromToken(claim)).toThrow(/https:\/\/aws\.amazon\.com\/tags/);
  });
});

describe('chaining', () => {
  const session = {
    tags: [
      { key: 'Team', value: 'platform' },
      { key: 'CostCenter', value: 'cc-1234' },
    ],
    transitiveTagKeys: ['team'],
  };

  it('passes on only the transitive tags', () => {
    expect(transitiveTags(session.tags, session.transitiveTagKeys)).toEqual({
      tags: [{ key: 'Team', value: 'platform' }],
      transitiveTagKeys: ['team'],
    });
  });

  it('merges inherited and passed tags, refusing to pass an inherited key again', () => {
    const inherited = transitiveTags(session.tags, session.transitiveTagKeys);
    const passed = { tags: [{ key: 'Project', value: 'x' }], transitiveTagKeys: [] };
    expect(mergeSessionTags(inherited, passed).tags).toHaveLength(2);
    const clash = { tags: [{ key: 'TEAM', value: 'x' }], transitiveTagKeys: [] };
    expect(() => mergeSessionTags(inherited, clash)).toThrow(/inherited as a transitive tag/);
  });

  it('describes request tags as condition keys', () => {
    expect(
      requestTagContext({ tags: [{ key: 'Team', value: 'a' }], transitiveTagKeys: ['Team'] }),
    ).toEqual([
      ['aws:RequestTag/Team', 'a'],
      ['aws:TagKeys', ['Team']],
      ['sts:TransitiveTagKeys', ['Team']],
    ]);
  });
});
