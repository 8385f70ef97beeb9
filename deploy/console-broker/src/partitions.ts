/**
 * The AWS partitions with a public console: their federation endpoint, console host and region
 * names. Hosts from the IAM User Guide ("Enable custom identity broker access to the AWS
 * console") and the partition list in aws-vault and Granted; the ISO partitions have no public
 * console and are left out.
 */
export interface Partition {
  id: PartitionId;
  federationUrl: string;
  consoleOrigin: string;
  /** Region names of this partition only, so a console URL never mixes partitions. */
  regionPattern: RegExp;
  exampleRegion: string;
}

export type PartitionId = 'aws' | 'aws-cn' | 'aws-us-gov';

export const PARTITIONS: Readonly<Record<PartitionId, Partition>> = {
  aws: {
    id: 'aws',
    federationUrl: 'https://signin.aws.amazon.com/federation',
    consoleOrigin: 'https://console.aws.amazon.com',
    // xx-name-N, except the China and GovCloud names that share the shape.
    regionPattern: /^(?!cn-)[a-z]{2}-[a-z]+-\d{1,2}$/,
    exampleRegion: 'eu-west-1',
  },
  'aws-cn': {
    id: 'aws-cn',
    federationUrl: 'https://signin.amazonaws.cn/federation',
    consoleOrigin: 'https://console.amazonaws.cn',
    regionPattern: /^cn-[a-z]+-\d{1,2}$/,
    exampleRegion: 'cn-north-1',
  },
  'aws-us-gov': {
    id: 'aws-us-gov',
    federationUrl: 'https://signin.amazonaws-us-gov.com/federation',
    consoleOrigin: 'https://console.amazonaws-us-gov.com',
    regionPattern: /^us-gov-[a-z]+-\d{1,2}$/,
    exampleRegion: 'us-gov-west-1',
  },
};

export function isPartitionId(value: string): value is PartitionId {
  return Object.hasOwn(PARTITIONS, value);
}
