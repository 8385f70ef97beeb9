import { describe, expect, it } from 'vitest';
import { traceLookups, type TraceInput } from './trace';

const INPUT: TraceInput = {
  partition: 'aws',
  stsRegion: 'eu-west-1',
  accountId: '111111111111',
  assumeAction: 'AssumeRoleWithWebIdentity',
  accessKeyId: 'ASIAXAMPLE7KQ2EXAMPL',
  roleSessionName: 'alice@example.com',
  receivedAt: Date.UTC(2026, 0, 1, 12, 0, 0),
};

describe('traceLookups', () => {
  it('finds the issuing event in the STS region, around the time it was issued', () => {
    const [issued] = traceLookups(INPUT);
    expect(issued?.command).toBe(
      "aws cloudtrail lookup-events --region 'eu-west-1' --lookup-attributes AttributeKey=EventName,AttributeValue='AssumeRoleWithWebIdentity' --start-time 2026-01-01T11:55:00Z --end-time 2026-01-01T12:05:00Z",
    );
    expect(issued?.consoleUrl).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/events?EventName=AssumeRoleWithWebIdentity',
    );
  });

  it('looks up later calls by access key id and by session name', () => {
    const [, byKey, byName] = traceLookups(INPUT);
    expect(byKey?.command).toContain(
      "AttributeKey=AccessKeyId,AttributeValue='ASIAXAMPLE7KQ2EXAMPL'",
    );
    expect(byName?.consoleUrl).toContain('#/events?Username=alice%40example.com');
  });

  it('adds a source identity lookup only when there is one', () => {
    expect(traceLookups(INPUT)).toHaveLength(3);
    const withSource = traceLookups({ ...INPUT, sourceIdentity: 'alice' });
    expect(withSource[3]?.command).toContain('sourceIdentity');
  });

  it('uses the partition’s console host', () => {
    const [issued] = traceLookups({ ...INPUT, partition: 'aws-cn', stsRegion: 'cn-north-1' });
    expect(issued?.consoleUrl).toMatch(/^https:\/\/cn-north-1\.console\.amazonaws\.cn\//);
  });
});
