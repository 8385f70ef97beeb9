import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { UserManager } from 'oidc-client-ts';
import { ConfigProvider } from '../config/config-context';
import type { AppConfig } from '../config/schema';
import { AuthProvider } from '../lib/auth/auth-provider';
import type { IdTokenSource } from '../lib/auth/id-token-source';
import { StsProvider } from '../lib/aws/sts-context';
import type { StsGateway } from '../lib/aws/sts-gateway';
import { ErrorBoundary } from './error-boundary';
import { Shell } from './shell';

export interface AppServices {
  config: AppConfig;
  queryClient: QueryClient;
  userManager: UserManager;
  sts: StsGateway;
  getIdToken: IdTokenSource;
}

export function App({ services }: { services: AppServices }) {
  return (
    <ErrorBoundary>
      <ConfigProvider config={services.config}>
        <QueryClientProvider client={services.queryClient}>
          <StsProvider gateway={services.sts}>
            <AuthProvider userManager={services.userManager}>
              <Shell getIdToken={services.getIdToken} />
            </AuthProvider>
          </StsProvider>
        </QueryClientProvider>
      </ConfigProvider>
    </ErrorBoundary>
  );
}
