import { useEffect, useRef } from 'react';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { usePresenterText } from '../../components/ui/presenter-mode';
import { useNow } from '../../hooks/use-now';
import type { RoleOption } from '../../types/role';
import { openingSteps, type OpeningProgress, type OpeningStepName } from './open-session';

const STEP_TEXT: Record<OpeningStepName, string> = {
  hub: 'opening the role it chains from first',
  AssumeRoleWithWebIdentity: 'asking AWS STS for credentials (AssumeRoleWithWebIdentity)',
  AssumeRole: 'asking AWS STS for the chained role’s credentials (AssumeRole)',
  GetCallerIdentity: 'asking AWS who the credentials are (GetCallerIdentity)',
};

/** Seconds are shown once a step has taken this long: a quick call never flickers a number. */
const SHOW_ELAPSED_AFTER_MS = 1000;

/**
 * A session being opened: its steps in order, the running one marked in words and with an icon,
 * how long it has taken so far (from the shared clock), and a Cancel that stops it.
 */
export function OpeningSteps({
  role,
  progress,
  onCancel,
}: {
  role: RoleOption;
  progress?: OpeningProgress;
  onCancel: () => void;
}) {
  const shown = usePresenterText();
  const now = useNow();
  const steps = progress?.steps ?? openingSteps(role);
  const current = progress?.current ?? 0;
  const elapsedMs = progress ? now - progress.startedAt : 0;
  const seconds = elapsedMs >= SHOW_ELAPSED_AFTER_MS ? Math.floor(elapsedMs / 1000) : undefined;
  return (
    <div className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
      <p role="status">
        Assuming {shown(role.label)} in {shown(role.accountName)}… Step {current + 1} of{' '}
        {steps.length}: {STEP_TEXT[steps[current]]}…
      </p>
      <ol aria-label="Steps" className="grid gap-1">
        {steps.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'running' : 'waiting';
          return (
            <li
              key={step}
              className={`flex items-baseline gap-2 ${state === 'running' ? 'font-semibold text-slate-900' : ''}`}
            >
              <span aria-hidden="true" className="w-4 shrink-0 text-center">
                {state === 'done' ? '✓' : state === 'running' ? '▶' : '○'}
              </span>
              <span className="min-w-0 break-words">
                Step {index + 1} of {steps.length}: {STEP_TEXT[step]}
                {state === 'running' ? '…' : ''}{' '}
                <span className="font-normal text-slate-600">
                  ({state === 'done' ? 'done' : state === 'running' ? 'in progress' : 'waiting'}
                  {state === 'running' && seconds !== undefined ? `, ${seconds} s` : ''})
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      <div>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}

/** The person cancelled the opening: nothing was kept, and trying again is one click. */
export function CancelledOpening({ role, onRetry }: { role: RoleOption; onRetry: () => void }) {
  const shown = usePresenterText();
  const retry = useRef<HTMLButtonElement>(null);
  // Cancel has gone from the page: keyboard focus moves to the one thing left to do.
  useEffect(() => retry.current?.focus(), []);
  return (
    <Notice
      tone="info"
      title="Cancelled — nothing was opened"
      actions={
        <Button ref={retry} variant="primary" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      No credentials for {shown(role.label)} in {shown(role.accountName)} were kept. Try again, or
      choose another role.
    </Notice>
  );
}
