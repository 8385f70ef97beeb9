import type { RoleSession } from '../../types/session';
import { identityFacts, type Fact } from './identity-facts';

/**
 * The plain-text facts a support agent pastes into a ticket: who the credentials are, how they were
 * reached, and the STS request ids AWS support can trace. Built from non-secret fields only.
 */
export function supportSummary(
  session: RoleSession,
  context: { now: number; stsEndpoint: string },
): string {
  const time = (ms: number | undefined) =>
    ms === undefined ? 'unknown' : new Date(ms).toISOString();
  const facts: Fact[] = [
    ...identityFacts(session, time),
    ['Credentials received', time(session.receivedAt)],
    ['Session length', `${session.durationSeconds} s`],
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
      .map(([label, value]) => `${label}: ${value}`),
  ].join('\n');
}
