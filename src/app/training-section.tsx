import { lazy, Suspense, useCallback, useId, useState, useSyncExternalStore } from 'react';
import { Button } from '../components/ui/button';
import { usePresenterMode } from '../components/ui/presenter-mode';
import { useExplanationRequests } from '../hooks/use-explanation-link';
import { sessionError, useRoleSession } from '../features/sessions/sessions-provider';
import type { RoleOption } from '../types/role';
import { ExplainedError } from '../utils/explained-error';
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
  // Following the error card's "Why it failed": open the view, then focus the explanation.
  const [focusExplanation, setFocusExplanation] = useState(false);
  useExplanationRequests(() => {
    setOpen(true);
    setFocusExplanation(true);
  });
  const explanationFocused = useCallback(() => setFocusExplanation(false), []);
  const contentId = useId();
  return (
    <div className="grid gap-3">
      {/* A disclosure: the name stays, aria-expanded says whether it is open. */}
      <Button
        aria-expanded={open}
        aria-controls={contentId}
        className="w-max"
        onClick={() => {
          setOpen((was) => !was);
          setFocusExplanation(false);
        }}
      >
        Training view: how this sign-in worked
      </Button>
      <div id={contentId}>
        {open ? (
          <Suspense fallback={<p role="status">Loading the training view…</p>}>
            <TrainingContent
              services={services}
              issuer={issuer}
              role={role}
              focusExplanation={focusExplanation}
              onExplanationFocused={explanationFocused}
            />
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
  focusExplanation,
  onExplanationFocused,
}: {
  services: AppServices;
  issuer: string;
  role?: RoleOption;
  focusExplanation: boolean;
  onExplanationFocused: () => void;
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
      focusExplanation={focusExplanation}
      onExplanationFocused={onExplanationFocused}
    />
  );
}

/** The selected role's last failure, read from its session without starting one. */
function useRoleProblem(role: RoleOption | undefined): ExplainedError | undefined {
  const error = sessionError(useRoleSession(role?.arn ?? ''));
  return error instanceof ExplainedError && error.source === 'sts' ? error : undefined;
}
