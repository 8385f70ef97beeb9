/**
 * Where the console may open, by the ids the console broker accepts
 * (deploy/console-broker/src/destinations.ts builds the URL for each; the app only names them).
 */
export const CONSOLE_DESTINATIONS = [
  { id: 'console', label: 'Console home' },
  { id: 's3', label: 'S3' },
  { id: 'ec2', label: 'EC2' },
  { id: 'cloudwatch', label: 'CloudWatch' },
  { id: 'iam', label: 'IAM (global)' },
  { id: 'cloudtrail', label: 'CloudTrail' },
  { id: 'lambda', label: 'Lambda' },
  { id: 'cloudformation', label: 'CloudFormation' },
] as const;

export type ConsoleDestination = (typeof CONSOLE_DESTINATIONS)[number]['id'];
