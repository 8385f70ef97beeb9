import { ConfigProvider } from '../config/config-context';
import { AuthProvider } from '../lib/auth/auth-provider';
import { StsProvider } from '../lib/aws/sts-context';
import { ErrorBoundary } from './error-boundary';
import type { AppServices } from './services';
import { Shell } from './shell';

export function App({ services }: { services: AppServices }) {
  return (
    <ErrorBoundary>
      <ConfigProvider config={services.config}>
        <StsProvider gateway={services.sts}>
          <AuthProvider userManager={services.userManager}>
            <Shell services={services} />
          </AuthProvider>
        </StsProvider>
      </ConfigProvider>
    </ErrorBoundary>
  );
}
