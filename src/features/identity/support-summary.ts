import type { RoleSession } from '../sessions/session-queries';

/**
 * The plain-text facts a support agent pastes into a ticket: who the credentials are, how they were
 * reached, and the STS request ids AWS support can trace. Built from non-secret fields only — no
 * key id, secret, session token or ID token is ever read here.
 */
export function supportSummary(
  session: RoleSession,
  context: { now: number; stsEndpoint: string },
): string {
  const { identity, role, token } = session;
  const time = (ms: number | undefined) =>
    ms === undefined ? 'unknown' : new Date(ms).toISOString();
  const tags = Object.entries(token.tags).map(([key, value]) => `${key}=${value}`);
  const lines: [string, string | undefined][] = [
    ['Assumed role ARN', identity.arn],
    ['User ID', identity.userId],
    ['Account', `${role.accountName} (${identity.account})`],
    ['Role', `${role.label} (${role.arn})`],
    ['Session name', session.roleSessionName],
    ['Source identity', session.sourceIdentity],
    ['Session tags', tags.length > 0 ? tags.join(', ') : undefined],
    ['Reached through', session.chain.length > 0 ? session.chain.join(' -> ') : undefined],
    ['Token issuer', token.issuer],
    // AWS answers with the IAM OIDC provider's ARN in the account, not the issuer URL.
    ['IAM OIDC provider', session.provider],
    ['Token subject', session.subject ?? token.subject],
    ['Token audience', session.audience ?? token.audience],
    ['Token issued at', time(token.issuedAt)],
    ['Credentials received', time(session.receivedAt)],
    ['Credentials expire', time(session.credentials.expiresAt)],
    ['Session length', `${session.durationSeconds} s`],
    ['STS endpoint', context.stsEndpoint],
    ...session.calls.map((call): [string, string] => [
      `STS request id (${call.action})`,
      call.requestId ?? 'not returned',
    ]),
  ];
  return [
    `Rolecall support summary, ${time(context.now)}`,
    ...lines
      .filter(([, value]) => value !== undefined)
      .map(([label, value]) => `${label}: ${value}`),
  ].join('\n');
}
