import type { Partition } from '../../config/schema';

/** What a CloudTrail lookup of one session needs, all non-secret. */
export interface TraceInput {
  partition: Partition;
  /** The STS region the session was assumed in: where its AssumeRole* event is logged. */
  stsRegion: string;
  accountId: string;
  /** AssumeRoleWithWebIdentity, or AssumeRole for a chained role. */
  assumeAction: string;
  accessKeyId: string;
  roleSessionName: string;
  sourceIdentity?: string;
  receivedAt: number;
}

export interface Lookup {
  title: string;
  /** Where to look and what to match, in a sentence. */
  explain: string;
  /** CloudTrail event history, filtered, in the console; undefined when no filter fits. */
  consoleUrl?: string;
  command: string;
}

const CONSOLE_HOST: Record<Partition, string> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

/** Values here are AWS ids and names ([\w+=,.@-]); quoted anyway, as a pasted command must be. */
const shellWord = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const FIVE_MINUTES = 5 * 60_000;

function eventHistory(partition: Partition, region: string, key: string, value: string): string {
  const filter = new URLSearchParams({ [key]: value });
  return `https://${region}.${CONSOLE_HOST[partition]}/cloudtrailv2/home?region=${encodeURIComponent(region)}#/events?${filter.toString()}`;
}

function lookupCommand(region: string, key: string, value: string, extra = ''): string {
  return `aws cloudtrail lookup-events --region ${shellWord(region)} --lookup-attributes AttributeKey=${key},AttributeValue=${shellWord(value)}${extra}`;
}

/**
 * The CloudTrail lookups that find one session (STS-FACTS, "CloudTrail: finding a web-identity
 * session"): where it was issued, then what was done with it. Run in the role's account.
 */
export function traceLookups(input: TraceInput): Lookup[] {
  const { partition, stsRegion: region } = input;
  const window = ` --start-time ${iso(input.receivedAt - FIVE_MINUTES)} --end-time ${iso(input.receivedAt + FIVE_MINUTES)}`;
  const lookups: Lookup[] = [
    {
      title: `The ${input.assumeAction} event that issued it`,
      explain: `In account ${input.accountId}, region ${region} (the STS endpoint used), around the time the credentials arrived: pick the event whose responseElements.credentials.accessKeyId is ${input.accessKeyId}.`,
      consoleUrl: eventHistory(partition, region, 'EventName', input.assumeAction),
      command: lookupCommand(region, 'EventName', input.assumeAction, window),
    },
    {
      title: 'Calls made with its access key id',
      explain: `Everything signed with ${input.accessKeyId}, in each region the session was used in (change --region).`,
      consoleUrl: eventHistory(partition, region, 'AccessKeyId', input.accessKeyId),
      command: lookupCommand(region, 'AccessKeyId', input.accessKeyId),
    },
    {
      title: 'Calls by its session name',
      explain: `CloudTrail's user name of an assumed-role session is its session name, ${input.roleSessionName}: this also finds the person's earlier and later sessions.`,
      consoleUrl: eventHistory(partition, region, 'Username', input.roleSessionName),
      command: lookupCommand(region, 'Username', input.roleSessionName),
    },
  ];
  if (input.sourceIdentity) {
    lookups.push({
      title: 'Calls by its source identity',
      explain: `CloudTrail cannot filter on sessionContext.sourceIdentity directly: this lists events mentioning ${input.sourceIdentity}, which stays the same through role chaining.`,
      command: `aws cloudtrail lookup-events --region ${shellWord(region)} --query ${shellWord(`Events[?contains(CloudTrailEvent, '"sourceIdentity":"${input.sourceIdentity}"')]`)}`,
    });
  }
  return lookups;
}
