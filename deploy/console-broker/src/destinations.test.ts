import { describe, expect, it } from 'vitest';
import { DESTINATION_IDS, destinationUrl } from './destinations.ts';
import { PARTITIONS } from './partitions.ts';

describe('console destinations', () => {
  it('opens console home and each service in the chosen region', () => {
    const urls = DESTINATION_IDS.map((id) => destinationUrl(PARTITIONS.aws, id, 'eu-central-1'));

    expect(urls).toEqual([
      'https://console.aws.amazon.com/console/home?region=eu-central-1',
      'https://console.aws.amazon.com/s3/home?region=eu-central-1',
      'https://console.aws.amazon.com/ec2/home?region=eu-central-1',
      'https://console.aws.amazon.com/cloudwatch/home?region=eu-central-1',
      'https://console.aws.amazon.com/iam/home?region=eu-central-1',
      'https://console.aws.amazon.com/cloudtrailv2/home?region=eu-central-1',
      'https://console.aws.amazon.com/lambda/home?region=eu-central-1',
      'https://console.aws.amazon.com/cloudformation/home?region=eu-central-1',
    ]);
  });

  it("uses each partition's own console host", () => {
    expect(destinationUrl(PARTITIONS['aws-cn'], 'ec2', 'cn-northwest-1')).toBe(
      'https://console.amazonaws.cn/ec2/home?region=cn-northwest-1',
    );
    expect(destinationUrl(PARTITIONS['aws-us-gov'], 'console', 'us-gov-east-1')).toBe(
      'https://console.amazonaws-us-gov.com/console/home?region=us-gov-east-1',
    );
  });

  it.each([
    [
      'aws',
      ['us-east-1', 'ap-southeast-5', 'il-central-1', 'mx-central-1'],
      ['cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'eu-west', 'EU-WEST-1'],
    ],
    ['aws-cn', ['cn-north-1', 'cn-northwest-1'], ['us-east-1']],
    ['aws-us-gov', ['us-gov-west-1', 'us-gov-east-1'], ['us-east-1', 'cn-north-1']],
  ] as const)('knows the region names of %s', (partition, good, bad) => {
    const pattern = PARTITIONS[partition].regionPattern;
    expect(good.filter((region) => !pattern.test(region))).toEqual([]);
    expect(bad.filter((region) => pattern.test(region))).toEqual([]);
  });
});
