import type { Partition } from './partitions.ts';

/**
 * Where a console sign-in may land: console home or one of a few services, by name. The broker
 * builds the URL itself, so a caller can never make it hand out a login link to anywhere else.
 * Paths as the console uses them (`https://console.aws.amazon.com/<service>/home?region=<region>`,
 * STS-FACTS "Console deep links"); global services such as IAM ignore the region.
 */
export const DESTINATIONS = {
  console: 'console/home',
  s3: 's3/home',
  ec2: 'ec2/home',
  cloudwatch: 'cloudwatch/home',
  iam: 'iam/home',
  cloudtrail: 'cloudtrailv2/home',
  lambda: 'lambda/home',
  cloudformation: 'cloudformation/home',
} as const;

export type DestinationId = keyof typeof DESTINATIONS;

export const DESTINATION_IDS = Object.keys(DESTINATIONS) as DestinationId[];

export function isDestinationId(value: string): value is DestinationId {
  return Object.hasOwn(DESTINATIONS, value);
}

export function destinationUrl(
  partition: Partition,
  destination: DestinationId,
  region: string,
): string {
  const url = new URL(`/${DESTINATIONS[destination]}`, partition.consoleOrigin);
  url.searchParams.set('region', region);
  return url.toString();
}
