import { queryOptions } from '@tanstack/react-query';
import type { StsGateway } from '../../lib/aws/sts-gateway';
import { StsProblem } from '../../lib/aws/sts-problem';
import type { CallerIdentity, WebIdentitySession } from '../../lib/aws/types';
import { toRoleSessionName } from '../../utils/session-name';
import type { RoleOption } from '../roles/role-catalog';

export interface RoleSession {
  role: RoleOption;
  roleSessionName: string;
  assumed: WebIdentitySession;
  identity: CallerIdentity;
  /** When the credentials were received, in epoch milliseconds. */
  assumedAt: number;
  /** STS request ids of the calls that made this session, for support tickets. */
  requestIds: string[];
}

export interface SessionRequest {
  sts: StsGateway;
  subject: string;
  idToken: string;
  sessionNameSource: string;
  durationSeconds: number;
  role: RoleOption;
}

export const sessionQueries = {
  all: (subject: string) => ['sessions', subject] as const,
  detail: (request: SessionRequest) =>
    // The token and gateway are inputs, not identity: a renewed token must not start a new session.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...sessionQueries.all(request.subject), request.role.arn] as const,
      queryFn: () => assumeRole(request),
      // Credentials are valid until they expire: never refetch them on focus or reconnect.
      staleTime: Infinity,
      gcTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: (failures, error) =>
        error instanceof StsProblem && error.details.retryable && failures < 2,
    }),
};

/** Session length: what the config asks for, capped by the role's own limit. */
export function sessionDuration(configured: number, role: RoleOption): number {
  return Math.min(configured, role.maxDurationSeconds ?? configured);
}

async function assumeRole(request: SessionRequest): Promise<RoleSession> {
  const roleSessionName = toRoleSessionName(request.sessionNameSource);
  const assumed = await request.sts.assumeRoleWithWebIdentity({
    roleArn: request.role.arn,
    roleSessionName,
    webIdentityToken: request.idToken,
    durationSeconds: sessionDuration(request.durationSeconds, request.role),
  });
  const { requestId, ...identity } = await request.sts.getCallerIdentity(assumed.credentials);
  return {
    role: request.role,
    roleSessionName,
    assumed,
    identity,
    assumedAt: Date.now(),
    requestIds: [assumed.requestId, requestId].filter((id): id is string => id !== undefined),
  };
}
