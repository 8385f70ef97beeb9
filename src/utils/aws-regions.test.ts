import { describe, expect, it } from 'vitest';
import { regionChoices } from './aws-regions';

describe('regionChoices', () => {
  it('puts the configured region first, once', () => {
    const choices = regionChoices('aws', 'eu-west-1');
    expect(choices[0]).toBe('eu-west-1');
    expect(choices.filter((r) => r === 'eu-west-1')).toHaveLength(1);
  });

  it('offers a region the list does not know, and only the partition’s own', () => {
    expect(regionChoices('aws-cn', 'cn-north-1')).toEqual(['cn-north-1', 'cn-northwest-1']);
    expect(regionChoices('aws', 'mx-central-1')[0]).toBe('mx-central-1');
  });
});
