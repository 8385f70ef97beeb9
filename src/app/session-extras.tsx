import { lazy, Suspense } from 'react';
import { usePresenterMode } from '../components/ui/presenter-mode';
import { useConfig } from '../config/config-context';
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
  return (
    <Suspense fallback={<p role="status">Loading export formats…</p>}>
      <ExportPanel
        credentials={session.credentials}
        region={config.sts.region}
        regionChoices={regionChoices(config.sts.partition, config.sts.region)}
        accountId={session.role.accountId}
        accountName={session.role.accountName}
        roleName={session.role.name}
        expired={expired}
        presenter={presenter}
      />
    </Suspense>
  );
}
