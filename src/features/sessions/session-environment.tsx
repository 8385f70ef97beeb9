import { createContext, useContext, type ReactNode } from 'react';
import type { SessionEnvironment } from './session-queries';

const SessionEnvironmentContext = createContext<SessionEnvironment | undefined>(undefined);

export function SessionEnvironmentProvider({
  environment,
  children,
}: {
  environment: SessionEnvironment;
  children: ReactNode;
}) {
  return <SessionEnvironmentContext value={environment}>{children}</SessionEnvironmentContext>;
}

export function useSessionEnvironment(): SessionEnvironment {
  const environment = useContext(SessionEnvironmentContext);
  if (!environment) {
    throw new Error('useSessionEnvironment must be used inside <SessionEnvironmentProvider>');
  }
  return environment;
}
