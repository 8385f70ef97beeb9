import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { usePresenterText } from '../../components/ui/presenter-mode';
import { ExplainedError, supportLine } from '../../utils/explained-error';
import { describeDuration } from '../../utils/format-duration';
import type { OpenSession } from './session-registry';

/**
 * A new session length, told apart from the credentials in hand: being asked for, failed (with
 * Try again), or refused by AWS for good, in which case the credentials in hand stay.
 */
export function LengthChangeStatus({
  session,
  inHandSeconds,
  onRetry,
}: {
  session: OpenSession;
  inHandSeconds: number;
  onRetry: () => void;
}) {
  const shown = usePresenterText();
  const inHand = describeDuration(inHandSeconds);
  const { pending, refusedLength } = session;

  if (pending?.result.error) {
    const asked = describeDuration(pending.request.durationSeconds);
    const error = pending.result.error;
    const explained = error instanceof ExplainedError ? error : undefined;
    return (
      <Notice
        tone="warning"
        title={`Could not get ${asked} credentials: ${shown(explained?.title ?? error.message)}`}
        actions={
          <Button variant="primary" onClick={onRetry} disabled={pending.result.isFetching}>
            Try again
          </Button>
        }
      >
        {explained ? <p>{shown(explained.hint)}</p> : null}
        <p className="mt-1">Your {inHand} credentials stay in use meanwhile.</p>
      </Notice>
    );
  }
  if (pending) {
    return (
      <p role="status" className="text-sm text-slate-700">
        Asking AWS for {describeDuration(pending.request.durationSeconds)} credentials; your{' '}
        {inHand} ones stay in use until they arrive.
      </p>
    );
  }
  if (refusedLength) {
    const asked = describeDuration(refusedLength.seconds);
    const tooLong = /duration/i.test(refusedLength.error.said ?? '');
    return (
      <Notice tone="warning" title={`AWS refused a ${asked} session for this role`}>
        <p>
          {tooLong
            ? `This role allows at most less than ${asked} (its maximum session duration, set in IAM). Choose a shorter length.`
            : shown(refusedLength.error.hint)}
        </p>
        <p className="mt-1">Your {inHand} credentials stay in use.</p>
        <p className="mt-2 font-mono text-xs">{supportLine(refusedLength.error)}</p>
      </Notice>
    );
  }
  return null;
}
