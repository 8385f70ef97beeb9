import { describe, expect, it } from 'vitest';
import { partitionOfRegion, stsEndpointOf, stsRegionalEndpoint } from './aws-partition';

describe('AWS partitions', () => {
  it('knows which partition a region is in', () => {
    expect(partitionOfRegion('eu-west-1')).toBe('aws');
    expect(partitionOfRegion('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOfRegion('us-gov-east-1')).toBe('aws-us-gov');
  });

  it('builds the regional STS endpoint the SDK calls in each partition', () => {
    expect(stsRegionalEndpoint('eu-west-1', 'aws')).toBe('https://sts.eu-west-1.amazonaws.com');
    expect(stsRegionalEndpoint('cn-north-1', 'aws-cn')).toBe(
      'https://sts.cn-north-1.amazonaws.com.cn',
    );
    expect(stsRegionalEndpoint('us-gov-west-1', 'aws-us-gov')).toBe(
      'https://sts.us-gov-west-1.amazonaws.com',
    );
  });

  it('prefers a configured endpoint', () => {
    expect(
      stsEndpointOf({ region: 'us-east-1', partition: 'aws', endpoint: 'http://localhost:5190' }),
    ).toBe('http://localhost:5190');
  });
});
