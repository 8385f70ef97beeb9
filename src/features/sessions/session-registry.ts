import {
  notifyManager,
  QueryObserver,
  type QueryClient,
  type QueryObserverResult,
} from '@tanstack/react-query';
import { isSignInFailure } from '../../lib/auth/id-token-source';
import { ExplainedError } from '../../utils/explained-error';
import type { RoleOption } from '../../types/role';
import type { RoleSession } from '../../types/session';
import { toRoleSessionName } from '../../utils/session-name';
import type { OpeningProgress, SessionRequest, SessionServices } from './open-session';
import { refreshSchedule, sessionQueries, type SessionQueryKey } from './session-queries';
import { sessionLength, sessionLimits } from './session-length';

export interface SessionSettings {
  subject: string;
  /** The claim value the role session name is made from. */
  sessionNameSource: string;
  defaultSeconds: number;
  refreshLeadSeconds: number;
  findRole: (roleArn: string) => RoleOption | undefined;
}

export interface SessionState {
  request: SessionRequest;
  result: QueryObserverResult<RoleSession>;
  /** The step the last fetch reached (read it while `result.isFetching`). */
  progress?: OpeningProgress;
}

/** One role's session as the person sees it. */
export interface OpenSession {
  role: RoleOption;
  /** The credentials in hand, refreshed on their schedule. */
  current: SessionState;
  /** A different length the person asked for, until AWS grants it. */
  pending?: SessionState;
  /** The last length AWS refused for this role, and why: the credentials in hand stayed. */
  refusedLength?: { seconds: number; error: ExplainedError };
}

export type SessionRegistry = ReturnType<typeof createSessionRegistry>;

/** Hub sessions used for chaining must have this long left, or they are renewed first. */
const HUB_MIN_VALIDITY_MS = 5 * 60_000;

interface Tracked {
  request: SessionRequest;
  observer: QueryObserver<RoleSession, Error, RoleSession, RoleSession, SessionQueryKey>;
  stop: () => void;
  /** The step its last fetch reached. */
  progress: () => OpeningProgress | undefined;
}

interface Entry {
  role: RoleOption;
  current: Tracked;
  pending?: Tracked;
  refusedLength?: { seconds: number; error: ExplainedError };
}

/**
 * The sessions the person has open, each watched by one query observer owned here, so that
 * credentials keep refreshing on their schedule whatever is on screen. Changing a session's length
 * asks for new credentials beside the ones in hand, which are replaced only once AWS grants them.
 */
export function createSessionRegistry(
  client: QueryClient,
  base: Omit<SessionServices, 'hubSession'>,
  settings: SessionSettings,
) {
  const entries = new Map<string, Entry>();
  const listeners = new Set<() => void>();
  let snapshot: readonly OpenSession[] = [];

  const publish = notifyManager.batchCalls(() => {
    snapshot = [...entries.values()].map(({ role, current, pending, refusedLength }) => ({
      role,
      current: stateOf(current),
      pending: pending ? stateOf(pending) : undefined,
      refusedLength,
    }));
    listeners.forEach((notify) => notify());
  });
  // React keeps the previous render of each component (its back buffer) until the next one: a
  // second snapshot, one task later, makes it let go of a session that was just ended.
  const publishForgetting = () => {
    publish();
    setTimeout(publish, 0);
  };

  const services: SessionServices = {
    ...base,
    hubSession: async (hubRoleArn) => {
      const hub = settings.findRole(hubRoleArn);
      if (!hub) throw new Error(`This role chains from ${hubRoleArn}, which you cannot assume`);
      const { current } = open(hub);
      return client.fetchQuery({
        ...sessionQueries.detail(services, current.request),
        staleTime: (query) => {
          const data = query.state.data;
          return data && data.localExpiresAt - Date.now() > HUB_MIN_VALIDITY_MS ? Infinity : 0;
        },
      });
    },
  };

  const requestFor = (role: RoleOption, seconds: number): SessionRequest => ({
    subject: settings.subject,
    role,
    roleSessionName: toRoleSessionName(settings.sessionNameSource),
    durationSeconds: sessionLength(sessionLimits(role), seconds),
  });

  const track = (request: SessionRequest, onResult: () => void): Tracked => {
    let progress: OpeningProgress | undefined;
    const onStep = (reached: OpeningProgress) => {
      progress = reached;
      publish();
    };
    const observer = new QueryObserver(client, {
      ...sessionQueries.detail(services, request, onStep),
      ...refreshSchedule(settings.refreshLeadSeconds),
    });
    // Refreshed credentials replace the previous ones: the gateway lets go of those.
    let held = observer.getCurrentResult().data?.credentials;
    const stop = observer.subscribe((result) => {
      const credentials = result.data?.credentials;
      if (held && credentials !== held) base.sts.forget(held);
      held = credentials;
      onResult();
    });
    return { request, observer, stop, progress: () => progress };
  };

  const forget = (tracked: Tracked) => {
    tracked.stop();
    const credentials = tracked.observer.getCurrentResult().data?.credentials;
    if (credentials) base.sts.forget(credentials);
    client.removeQueries({ queryKey: tracked.observer.options.queryKey, exact: true });
  };

  function open(role: RoleOption): Entry {
    const existing = entries.get(role.arn);
    if (existing) return existing;
    const entry: Entry = {
      role,
      current: track(requestFor(role, settings.defaultSeconds), publish),
    };
    entries.set(role.arn, entry);
    publish();
    return entry;
  }

  // The new length's credentials replace the ones in hand once they arrive. A length AWS refuses
  // for good (the role allows less) is dropped, and the credentials in hand stay.
  const settle = (roleArn: string) => {
    const entry = entries.get(roleArn);
    const pending = entry?.pending;
    const result = pending?.observer.getCurrentResult();
    if (entry && pending && result?.isSuccess) {
      forget(entry.current);
      entry.current = pending;
      entry.pending = undefined;
    } else if (
      entry &&
      pending &&
      result?.error instanceof ExplainedError &&
      !result.error.retryable
    ) {
      forget(pending);
      entry.pending = undefined;
      entry.refusedLength = { seconds: pending.request.durationSeconds, error: result.error };
    }
    publish();
  };

  function end(roleArn: string) {
    const entry = entries.get(roleArn);
    if (!entry) return;
    if (entry.pending) forget(entry.pending);
    forget(entry.current);
    entries.delete(roleArn);
    client.removeQueries({ queryKey: sessionQueries.role(settings.subject, roleArn) });
    publishForgetting();
  }

  return {
    subscribe: (onChange: () => void) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: (): readonly OpenSession[] => snapshot,
    /** Starts (or keeps) the session of `role`. */
    open: (role: RoleOption) => void open(role),
    /** Asks for credentials of another length; the ones in hand stay until those arrive. */
    changeLength: (role: RoleOption, seconds: number) => {
      const entry = open(role);
      const request = requestFor(role, seconds);
      if (entry.pending) forget(entry.pending);
      entry.pending = undefined;
      entry.refusedLength = undefined;
      if (request.durationSeconds !== entry.current.request.durationSeconds) {
        entry.pending = track(request, () => settle(role.arn));
      } else {
        void entry.current.observer.refetch();
      }
      publish();
    },
    /** Tries the failed requests of `role` again (the session, a new length, or both). */
    retry: (role: RoleOption) => {
      const entry = open(role);
      const failed = [entry.current, entry.pending].filter(
        (tracked) => tracked?.observer.getCurrentResult().isError,
      );
      for (const tracked of failed.length > 0 ? failed : [entry.current]) {
        void tracked?.observer.refetch();
      }
    },
    /** Forgets the session's credentials in this tab (AWS accepts them until they expire). */
    end,
    /**
     * Stops a session that is still opening: the STS call in flight is aborted and the session is
     * dropped, so nothing is retried or kept. Returns whether there was an opening to stop; a
     * session with credentials in hand is left alone (its refreshes are not cancelled here).
     */
    cancelOpening: (roleArn: string): boolean => {
      const entry = entries.get(roleArn);
      if (!entry || entry.current.observer.getCurrentResult().data) return false;
      // Aborts the query's signal; dropping the entry then means nothing retries or is kept.
      void client.cancelQueries({ queryKey: entry.current.observer.options.queryKey, exact: true });
      end(roleArn);
      return true;
    },
    /** A new ID token arrived: sessions that were waiting for the person try again now. */
    retryWaitingForSignIn: () => {
      for (const entry of entries.values()) {
        for (const tracked of [entry.current, entry.pending]) {
          if (isSignInFailure(tracked?.observer.getCurrentResult().error)) {
            void tracked.observer.refetch();
          }
        }
      }
    },
    /**
     * Stops every schedule and has the gateway let go of every credential set; the credentials
     * themselves are dropped with the query cache.
     */
    dispose: () => {
      for (const entry of entries.values()) {
        entry.current.stop();
        entry.pending?.stop();
      }
      entries.clear();
      base.sts.forgetAll();
      publishForgetting();
    },
  };
}

function stateOf(tracked: Tracked): SessionState {
  return {
    request: tracked.request,
    result: tracked.observer.getCurrentResult(),
    progress: tracked.progress(),
  };
}
