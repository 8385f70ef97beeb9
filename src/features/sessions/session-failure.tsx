import { ActionButton } from '../../components/ui/action-button';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { usePresenterText } from '../../components/ui/presenter-mode';
import { EXPLANATION_ANCHOR, requestExplanation } from '../../hooks/use-explanation-link';
import { SignInRequired } from '../../lib/auth/id-token-source';
import { ExplainedError, supportLine } from '../../utils/explained-error';

/** Why a session could not be opened or refreshed, and the one thing to do about it. */
export function SessionFailure({
  error,
  refreshing,
  expired,
  retry,
  busy,
  onSignInAgain,
}: {
  error: Error;
  /** Credentials are in hand: this was a refresh. */
  refreshing: boolean;
  /** The credentials in hand have run out. */
  expired: boolean;
  retry: () => void;
  busy: boolean;
  onSignInAgain: () => Promise<void>;
}) {
  const shown = usePresenterText();
  if (error instanceof SignInRequired) {
    return (
      <Notice
        tone="warning"
        title={
          refreshing
            ? 'These credentials cannot be refreshed: your sign-in has expired'
            : 'Your sign-in has expired'
        }
        actions={<ActionButton action={onSignInAgain}>Sign in again</ActionButton>}
      >
        {!refreshing
          ? 'Sign in again to assume this role; your other sessions stay.'
          : expired
            ? 'They have expired. Sign in again for fresh ones; your other sessions stay.'
            : 'They keep working until the countdown ends. Sign in again to keep refreshing them; your other sessions stay.'}
      </Notice>
    );
  }
  const problem = error instanceof ExplainedError ? error : undefined;
  const title = shown(problem?.title ?? 'Could not assume the role');
  return (
    <Notice
      tone={refreshing ? 'warning' : 'error'}
      title={refreshing ? `Refreshing failed: ${title}` : title}
      actions={
        <Button variant="primary" onClick={retry} disabled={busy}>
          Try again
        </Button>
      }
    >
      <p>{shown(problem?.hint ?? error.message)}</p>
      {refreshing ? (
        <p className="mt-1">
          {expired
            ? 'The credentials in hand have expired: Try again for fresh ones.'
            : problem && !problem.retryable
              ? 'Rolecall stopped refreshing them: trying the same request again would be refused too. The current credentials keep working until the countdown ends.'
              : 'The current credentials keep working until the countdown ends; Rolecall tries again every 30 seconds.'}
        </p>
      ) : null}
      {problem ? <p className="mt-2 font-mono text-xs">{supportLine(problem)}</p> : null}
      {problem?.source === 'sts' ? (
        <p className="mt-2">
          {/* Opens the (collapsed, lazy) training view and focuses its explanation. */}
          <a
            href={`#${EXPLANATION_ANCHOR}`}
            className="font-medium underline underline-offset-2"
            onClick={(event) => {
              event.preventDefault();
              requestExplanation();
            }}
          >
            Why it failed
          </a>{' '}
          (the training view explains it step by step)
        </p>
      ) : null}
    </Notice>
  );
}
