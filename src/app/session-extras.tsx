import { lazy, Suspense } from 'react';
import { usePresenterMode } from '../components/ui/presenter-mode';
import { useConfig } from '../config/config-context';
import type { RoleSession } from '../types/session';
import { useHasPassed } from '../hooks/use-now';
import { regionChoices } from '../utils/aws-regions';

// The exporters are not needed until a session is open: they stay out of the first page.
const ExportPanel = lazy(() => import('../features/export/export-panel'));
// Only when the config names a console broker.
const ConsolePanel = lazy(() => import('../features/console/console-panel'));
const SupportPanel = lazy(() => import('../features/support/support-panel'));

/** Further views of the selected session, loaded on demand. */
export function SessionExtras({ session }: { session: RoleSession }) {
  const config = useConfig();
  const presenter = usePresenterMode();
  const expired = useHasPassed(session.localExpiresAt);
  const regions = regionChoices(config.sts.partition, config.sts.region);
  return (
    <>
      {config.consoleBroker ? (
        <Suspense fallback={<p role="status">Loading the console opener…</p>}>
          <ConsolePanel
            session={session}
            brokerUrl={config.consoleBroker.url}
            regionChoices={regions}
          />
        </Suspense>
      ) : null}
      <Suspense fallback={<p role="status">Loading export formats…</p>}>
        <ExportPanel
          credentials={session.credentials}
          region={config.sts.region}
          regionChoices={regions}
          accountId={session.role.accountId}
          accountName={session.role.accountName}
          roleName={session.role.name}
          expired={expired}
          presenter={presenter}
        />
      </Suspense>
      <Suspense fallback={<p role="status">Loading the support tools…</p>}>
        <SupportPanel session={session} />
      </Suspense>
    </>
  );
}
