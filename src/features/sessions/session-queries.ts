import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { SignInRequired, type IdTokenSource } from '../../lib/auth/id-token-source';
import type { StsGateway } from '../../lib/aws/sts-gateway';
import { StsProblem } from '../../lib/aws/sts-problem';
import type {
  CallerIdentity,
  RoleCredentials,
  StsCall,
  TemporaryCredentials,
} from '../../lib/aws/types';
import { parseAssumedRoleArn } from '../../utils/arn';
import { toRoleSessionName } from '../../utils/session-name';
import type { RoleOption } from '../roles/role-catalog';
import { localExpiry, refreshDelayMs, refreshIsOverdue } from './refresh-schedule';
import { sessionLength, sessionLimits } from './session-length';
import { chainedTokenFacts, tokenFacts, type TokenFacts } from './token-facts';

export interface RoleSession {
  role: RoleOption;
  roleSessionName: string;
  credentials: TemporaryCredentials;
  assumedRoleArn: string;
  assumedRoleId: string;
  sourceIdentity?: string;
  /**
   * From AssumeRoleWithWebIdentity: the token's `sub` and `aud` as AWS saw them, and the ARN of the
   * IAM OIDC provider that vouched for it.
   */
  subject?: string;
  audience?: string;
  provider?: string;
  identity: CallerIdentity;
  /**
   * Set when GetCallerIdentity could not confirm the identity: it is then read from the assume
   * call's AssumedRoleUser, and the credentials are kept rather than thrown away.
   */
  identityUnconfirmed?: StsProblem;
  durationSeconds: number;
  /** When the credentials arrived, and when they expire, on this computer's clock. */
  receivedAt: number;
  localExpiresAt: number;
  /** The STS calls that made this session, in order (request ids for support tickets). */
  calls: StsCall[];
  /** For a chained role: the assumed-role ARNs it was reached through, web identity role first. */
  chain: string[];
  /** The ID token this session was made with (for a chained role, its hub's), described. */
  token: TokenFacts;
}

/** Everything a session needs from the app, read at call time so that renewals use fresh values. */
export interface SessionEnvironment {
  sts: StsGateway;
  getIdToken: IdTokenSource;
  queryClient: QueryClient;
  subject: string;
  sessionNameSource: string;
  refreshLeadSeconds: number;
  /** The length to ask for: the person's choice for this role, or the configured default. */
  requestedSeconds: (roleArn: string) => number;
  findRole: (roleArn: string) => RoleOption | undefined;
}

export const sessionQueries = {
  all: (subject: string) => ['sessions', subject] as const,
  key: (subject: string, roleArn: string) => [...sessionQueries.all(subject), roleArn] as const,
  detail: (env: SessionEnvironment, role: RoleOption) =>
    // The environment holds inputs (gateway, token source), not identity: it stays out of the key,
    // and a role is identified by its ARN.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: sessionQueries.key(env.subject, role.arn),
      queryFn: () => openSession(env, role),
      // Credentials stay valid until they expire: they are refreshed on a schedule, never on focus.
      staleTime: Infinity,
      gcTime: Infinity,
      // A laptop that slept, or a background tab whose timers were throttled, may have missed a
      // refresh: catch up when the person comes back.
      refetchOnWindowFocus: (query) => {
        const session = query.state.data;
        return session !== undefined &&
          refreshIsOverdue(session, env.refreshLeadSeconds, Date.now())
          ? 'always'
          : false;
      },
      refetchOnReconnect: false,
      refetchIntervalInBackground: true,
      refetchInterval: (query) => {
        const session = query.state.data;
        if (!session) return false;
        const failed = query.state.fetchFailureReason;
        return refreshDelayMs({
          receivedAt: session.receivedAt,
          localExpiresAt: session.localExpiresAt,
          leadMs: env.refreshLeadSeconds * 1000,
          now: Date.now(),
          lastRefresh: !failed
            ? 'ok'
            : failed instanceof SignInRequired
              ? 'needs-person'
              : 'failed',
        });
      },
      retry: (failures, error) =>
        error instanceof StsProblem && error.details.retryable && failures < 2,
    }),
};

/** Hub sessions used for chaining must have this long left, or they are renewed first. */
const HUB_MIN_VALIDITY_MS = 5 * 60_000;

async function openSession(env: SessionEnvironment, role: RoleOption): Promise<RoleSession> {
  const roleSessionName = toRoleSessionName(env.sessionNameSource);
  const durationSeconds = sessionLength(sessionLimits(role), env.requestedSeconds(role.arn));
  let assumed: RoleCredentials & { subject?: string; audience?: string; provider?: string };
  let chain: string[] = [];
  let earlierCalls: StsCall[] = [];
  let token: TokenFacts;

  if (role.chainFrom) {
    const hubRole = env.findRole(role.chainFrom);
    if (!hubRole)
      throw new Error(`${role.label} chains from ${role.chainFrom}, which you cannot assume`);
    const hub = await env.queryClient.fetchQuery({
      ...sessionQueries.detail(env, hubRole),
      staleTime: (query) => {
        const data = query.state.data;
        return data && data.localExpiresAt - Date.now() > HUB_MIN_VALIDITY_MS ? Infinity : 0;
      },
    });
    assumed = await env.sts.assumeRole(hub.credentials, {
      roleArn: role.arn,
      roleSessionName,
      durationSeconds,
      externalId: role.externalId,
    });
    chain = [...hub.chain, hub.assumedRoleArn];
    earlierCalls = hub.calls;
    token = chainedTokenFacts(hub.token);
  } else {
    const idToken = await env.getIdToken();
    assumed = await env.sts.assumeRoleWithWebIdentity({
      roleArn: role.arn,
      roleSessionName,
      webIdentityToken: idToken,
      durationSeconds,
    });
    token = tokenFacts(idToken);
  }

  const { identity, call, problem } = await confirmIdentity(env.sts, assumed, role.arn);
  const clockOffsetMs = call?.clockOffsetMs || assumed.call.clockOffsetMs;
  const receivedAt = Date.now();
  return {
    role,
    roleSessionName,
    credentials: assumed.credentials,
    assumedRoleArn: assumed.assumedRoleArn,
    assumedRoleId: assumed.assumedRoleId,
    sourceIdentity: assumed.sourceIdentity,
    subject: assumed.subject,
    audience: assumed.audience,
    provider: assumed.provider,
    identity,
    durationSeconds,
    receivedAt,
    localExpiresAt: localExpiry(assumed.credentials.expiresAt, clockOffsetMs),
    calls: [...earlierCalls, assumed.call, ...(call ? [call] : [])],
    identityUnconfirmed: problem,
    chain,
    token,
  };
}

/** Asks AWS who the new credentials are; when it cannot say, falls back on what the assume call said. */
async function confirmIdentity(
  sts: StsGateway,
  assumed: RoleCredentials,
  roleArn: string,
): Promise<{ identity: CallerIdentity; call?: StsCall; problem?: StsProblem }> {
  try {
    return await sts.getCallerIdentity(assumed.credentials, roleArn);
  } catch (error) {
    if (!(error instanceof StsProblem)) throw error;
    const account = parseAssumedRoleArn(assumed.assumedRoleArn)?.accountId ?? '';
    return {
      identity: { account, arn: assumed.assumedRoleArn, userId: assumed.assumedRoleId },
      problem: error,
    };
  }
}
