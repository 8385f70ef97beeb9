import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useConfig } from '../../config/config-context';
import type { RoleOption } from '../../types/role';
import type { SessionServices } from './open-session';
import {
  createSessionRegistry,
  type OpenSession,
  type SessionRegistry,
  type SessionSettings,
} from './session-registry';

const SessionsContext = createContext<SessionRegistry | undefined>(undefined);

/**
 * Owns the person's sessions for as long as they are signed in: their refresh schedules run here,
 * not in whichever component shows them. Give it `key={subject}`: another person gets a new one, and
 * the previous person's cache is cleared.
 */
export function SessionsProvider({
  services,
  person,
  findRole,
  children,
}: {
  services: Omit<SessionServices, 'hubSession'>;
  person: {
    subject: string;
    claims: Readonly<Record<string, unknown>>;
    /** A new value means a new ID token: sessions waiting for the person try again. */
    idTokenExpiresAt?: number;
  };
  findRole: (roleArn: string) => RoleOption | undefined;
  children: ReactNode;
}) {
  // The person's credentials live in this cache and nowhere else: it goes with the person. Made here,
  // not at start-up, so that the first (signed-out) page does not load TanStack Query.
  const [client] = useState(() => new QueryClient());
  const { session } = useConfig();
  const [registry] = useState(() => {
    const nameClaim = person.claims[session.sessionNameClaim];
    const settings: SessionSettings = {
      subject: person.subject,
      sessionNameSource: typeof nameClaim === 'string' ? nameClaim : person.subject,
      defaultSeconds: session.durationSeconds,
      refreshLeadSeconds: session.refreshLeadSeconds,
      findRole,
    };
    return createSessionRegistry(client, services, settings);
  });
  useEffect(
    () => () => {
      registry.dispose();
      client.clear();
    },
    [registry, client],
  );
  useEffect(() => registry.retryWaitingForSignIn(), [registry, person.idTokenExpiresAt]);
  return (
    <QueryClientProvider client={client}>
      <SessionsContext value={registry}>{children}</SessionsContext>
    </QueryClientProvider>
  );
}

/** Open, change, retry and end sessions. */
export function useSessions(): SessionRegistry {
  const registry = useContext(SessionsContext);
  if (!registry) throw new Error('useSessions must be used inside <SessionsProvider>');
  return registry;
}

/** Every open session, in the order they were opened. */
export function useOpenSessions(): readonly OpenSession[] {
  const registry = useSessions();
  return useSyncExternalStore(registry.subscribe, registry.getSnapshot);
}

/** The session of one role, opened when first asked for. */
export function useRoleSession(roleArn: string): OpenSession | undefined {
  return useOpenSessions().find((session) => session.role.arn === roleArn);
}

/** What went wrong last for this session (a pending length first), if anything. */
export function sessionError(session: OpenSession | undefined): Error | null {
  return session?.pending?.result.error ?? session?.current.result.error ?? null;
}
