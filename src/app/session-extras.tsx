import { lazy, Suspense } from 'react';
import { usePresenterMode } from '../components/ui/presenter-mode';
import { useConfig } from '../config/config-context';
// Part of the signed-in view's chunk (itself lazy), not of the first page: their own chunks would
// split the modules they share with the first page into more, heavier requests.
import ConsolePanel from '../features/console/console-panel';
import SupportPanel from '../features/support/support-panel';
import type { RoleSession } from '../types/session';
import { useHasPassed } from '../hooks/use-now';
import { regionChoices } from '../utils/aws-regions';

// The exporters are not needed until a session is open: they stay out of the first page.
const ExportPanel = lazy(() => import('../features/export/export-panel'));

/** Further views of the selected session, loaded on demand. */
export function SessionExtras({ session }: { session: RoleSession }) {
  const config = useConfig();
  const presenter = usePresenterMode();
  const expired = useHasPassed(session.localExpiresAt);
  const regions = regionChoices(config.sts.partition, config.sts.region);
  return (
    <>
      {config.consoleBroker ? (
        <ConsolePanel
          session={session}
          brokerUrl={config.consoleBroker.url}
          regionChoices={regions}
        />
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
      <SupportPanel session={session} />
    </>
  );
}
