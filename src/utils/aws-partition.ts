import type { Partition } from '../config/schema';

// The partitions' DNS suffixes, as the AWS SDK's partitions.json has them.
const DNS_SUFFIX: Record<Partition, string> = {
  aws: 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-us-gov': 'amazonaws.com',
};

/** The partition a region belongs to: cn-north-1 → aws-cn, us-gov-west-1 → aws-us-gov. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The regional STS endpoint the AWS SDK calls for this region (no FIPS, no dual-stack). */
export function stsRegionalEndpoint(region: string, partition: Partition): string {
  return `https://sts.${region}.${DNS_SUFFIX[partition]}`;
}

/** Where STS is reached with this config: its `sts.endpoint`, else the regional endpoint. */
export function stsEndpointOf(sts: {
  region: string;
  partition: Partition;
  endpoint?: string;
}): string {
  return sts.endpoint ?? stsRegionalEndpoint(sts.region, sts.partition);
}
