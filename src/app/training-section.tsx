import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState, useSyncExternalStore } from 'react';
import { Button } from '../components/ui/button';
import { usePresenterMode } from '../components/ui/presenter-mode';
import type { RoleOption } from '../features/roles/role-catalog';
import { useSessionEnvironment } from '../features/sessions/session-environment';
import { sessionQueries } from '../features/sessions/session-queries';
import { StsProblem } from '../lib/aws/sts-problem';
import type { AppServices } from './services';

// For trainers and the curious: loaded only when someone opens it.
const TrainingView = lazy(() => import('../features/training/training-view'));

/** "How this sign-in worked": a disclosure that loads the step-by-step training view. */
export function TrainingSection({
  services,
  issuer,
  role,
}: {
  services: AppServices;
  issuer: string;
  role?: RoleOption;
}) {
  const [open, setOpen] = useState(false);
  const contentId = useId();
  return (
    <div className="grid gap-3">
      {/* A disclosure: the name stays, aria-expanded says whether it is open. */}
      <Button
        aria-expanded={open}
        aria-controls={contentId}
        className="w-max"
        onClick={() => setOpen((was) => !was)}
      >
        Training view: how this sign-in worked
      </Button>
      <div id={contentId}>
        {open ? (
          <Suspense fallback={<p role="status">Loading the training view…</p>}>
            <TrainingContent services={services} issuer={issuer} role={role} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}

function TrainingContent({
  services,
  issuer,
  role,
}: {
  services: AppServices;
  issuer: string;
  role?: RoleOption;
}) {
  const trace = useSyncExternalStore(services.signInTrace.subscribe, services.signInTrace.get);
  const exchanges = useSyncExternalStore(services.exchanges.subscribe, services.exchanges.get);
  const presenter = usePresenterMode();
  const problem = useRoleProblem(role);
  return (
    <TrainingView
      trace={trace}
      exchanges={exchanges}
      role={role}
      problem={problem}
      issuer={issuer}
      presenter={presenter}
    />
  );
}

/** The selected role's last failure, read from the session cache without starting a session. */
function useRoleProblem(role: RoleOption | undefined): StsProblem | undefined {
  const { subject } = useSessionEnvironment();
  const cache = useQueryClient().getQueryCache();
  return useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () => {
      if (!role) return undefined;
      const queryKey = sessionQueries.key(subject, role.arn);
      const error = cache.find({ queryKey, exact: true })?.state.error;
      return error instanceof StsProblem ? error : undefined;
    },
  );
}
