import type { Partition } from '../config/schema';

// Commercial regions people pick most, then the other partitions' own: a choice list, not a
// validator (the config's region is always offered, whatever it is).
const REGIONS: Record<Partition, readonly string[]> = {
  aws: [
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'ca-central-1',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'eu-central-1',
    'eu-central-2',
    'eu-north-1',
    'eu-south-1',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-south-1',
    'ap-southeast-1',
    'ap-southeast-2',
    'sa-east-1',
  ],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
};

/** The regions to offer in a picker for this partition, the configured one first. */
export function regionChoices(partition: Partition, configured: string): string[] {
  return [configured, ...REGIONS[partition].filter((region) => region !== configured)];
}
