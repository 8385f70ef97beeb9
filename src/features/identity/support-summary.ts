import type { RoleSession } from '../../types/session';
import { quotedValue } from '../../utils/untrusted-text';
import { identityFacts, type Fact } from './identity-facts';

const SESSION_TAGS = 'Session tags';

/**
 * The plain-text facts a support agent pastes into a ticket: who the credentials are, how they were
 * reached, and the STS request ids AWS support can trace. Built from non-secret fields only.
 *
 * One fact per line, `Label: "value"`: labels are Rolecall's own, and every value is quoted and
 * escaped, so a claim or tag cannot forge a line (a newline inside a value stays `\n`).
 */
export function supportSummary(
  session: RoleSession,
  context: { now: number; stsEndpoint: string; stsRegion?: string },
): string {
  const time = (ms: number | undefined) =>
    ms === undefined ? 'unknown' : new Date(ms).toISOString();
  const facts: Fact[] = [
    ...identityFacts(session, time).filter(([label]) => label !== SESSION_TAGS),
    ...Object.entries(session.token.tags).map(([key, values]): Fact => [
      `Session tag ${quotedValue(key)}`,
      values.join(','),
    ]),
    ['Credentials received', time(session.receivedAt)],
    ['Session length', `${session.durationSeconds} s`],
    ['STS region', context.stsRegion],
    ['STS endpoint', context.stsEndpoint],
    ...session.calls.map((call): Fact => [
      `STS request id (${call.action})`,
      call.requestId ?? 'not returned',
    ]),
  ];
  return [
    `Rolecall support summary, ${time(context.now)}`,
    ...facts
      .filter(([, value]) => value !== undefined)
      .map(([label, value]) => `${label}: ${quotedValue(value ?? '')}`),
  ].join('\n');
}
