import { queryOptions, type QueryObserverOptions } from '@tanstack/react-query';
import { SignInRequired } from '../../lib/auth/id-token-source';
import type { RoleSession } from '../../types/session';
import { ExplainedError } from '../../utils/explained-error';
import {
  openSession,
  type OpeningProgress,
  type SessionRequest,
  type SessionServices,
} from './open-session';
import { refreshDelayMs, refreshIsOverdue } from './refresh-schedule';

export const sessionQueries = {
  all: (subject: string) => ['sessions', subject] as const,
  /** Every session of one role, whatever its length. */
  role: (subject: string, roleArn: string) => [...sessionQueries.all(subject), roleArn] as const,
  detail: (
    services: SessionServices,
    request: SessionRequest,
    onStep?: (progress: OpeningProgress) => void,
  ) =>
    // `onStep` only watches the fetch (like `services`, it never decides what comes back).
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      // The request is everything the function reads: a new length is a new session.
      queryKey: [...sessionQueries.role(request.subject, request.role.arn), request] as const,
      // TanStack Query aborts `signal` when the query is cancelled: the STS call in flight stops.
      queryFn: ({ signal }) => openSession(services, request, { signal, onStep }),
      // Credentials stay valid until they expire: they are refreshed on a schedule, never because
      // a component mounted.
      staleTime: Infinity,
      gcTime: Infinity,
      retry: (failures, error) =>
        error instanceof ExplainedError && error.retryable && failures < 2,
    }),
};

export type SessionQueryKey = readonly ['sessions', string, string, SessionRequest];

type SessionObserverOptions = Pick<
  QueryObserverOptions<RoleSession, Error, RoleSession, RoleSession, SessionQueryKey>,
  | 'refetchInterval'
  | 'refetchIntervalInBackground'
  | 'refetchOnWindowFocus'
  | 'refetchOnReconnect'
  | 'refetchOnMount'
>;

/** The refresh schedule, for the one observer per session that the session registry owns. */
export function refreshSchedule(refreshLeadSeconds: number): SessionObserverOptions {
  return {
    refetchOnMount: false,
    refetchOnReconnect: false,
    refetchIntervalInBackground: true,
    // A laptop that slept, or a background tab whose timers were throttled, may have missed a
    // refresh: catch up when the person comes back.
    refetchOnWindowFocus: (query) => {
      const session = query.state.data;
      return session !== undefined && refreshIsOverdue(session, refreshLeadSeconds, Date.now())
        ? 'always'
        : false;
    },
    refetchInterval: (query) => {
      const session = query.state.data;
      if (!session) return false;
      const failed = query.state.fetchFailureReason;
      return refreshDelayMs({
        receivedAt: session.receivedAt,
        localExpiresAt: session.localExpiresAt,
        leadMs: refreshLeadSeconds * 1000,
        now: Date.now(),
        lastRefresh: !failed
          ? 'ok'
          : failed instanceof SignInRequired
            ? 'needs-person'
            : failed instanceof ExplainedError && !failed.retryable
              ? 'refused'
              : 'failed',
      });
    },
  };
}
