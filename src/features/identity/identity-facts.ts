import type { RoleSession } from '../sessions/session-queries';

export type Fact = [label: string, value: string | undefined];

/**
 * The non-secret facts about who a session is and how it was reached, shared by the identity card
 * and the support summary. Never reads a key id, secret, session token or ID token.
 */
export function identityFacts(
  session: RoleSession,
  time: (ms: number | undefined) => string | undefined,
): Fact[] {
  const { identity, role, token } = session;
  const tags = Object.entries(token.tags).map(([key, value]) => `${key}=${value}`);
  return [
    ['Account', `${role.accountName} (${identity.account})`],
    ['Role', `${role.label} (${role.arn})`],
    ['Session name', session.roleSessionName],
    ['Assumed role ARN', identity.arn],
    ['User ID', identity.userId],
    ['Source identity', session.sourceIdentity],
    ['Session tags', tags.length > 0 ? tags.join(', ') : undefined],
    ['Reached through', session.chain.length > 0 ? session.chain.join(' -> ') : undefined],
    ['Token issuer', token.issuer],
    // AWS answers with the IAM OIDC provider's ARN in the account, not the issuer URL.
    ['IAM OIDC provider', session.provider],
    ['Token subject', session.subject ?? token.subject],
    ['Token audience', session.audience ?? token.audience],
    ['Token issued', time(token.issuedAt)],
    ['Credentials expire', time(session.localExpiresAt)],
    [
      'Confirmed by GetCallerIdentity',
      session.identityUnconfirmed ? `no (${session.identityUnconfirmed.details.code})` : undefined,
    ],
  ];
}
