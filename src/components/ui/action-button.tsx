import { useState, type ReactNode } from 'react';
import { ExplainedError } from '../../utils/explained-error';
import { Button } from './button';

/**
 * A button whose action may fail: it is disabled while the action runs, and a failure is told
 * beside it in the action's own words (an ExplainedError's title and hint).
 */
export function ActionButton({
  action,
  children,
  variant = 'primary',
}: {
  action: () => Promise<void>;
  children: ReactNode;
  variant?: 'primary' | 'secondary';
}) {
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setFailure(undefined);
    setBusy(true);
    action()
      .catch((error: unknown) =>
        setFailure(
          error instanceof ExplainedError
            ? `${error.title}. ${error.hint}`
            : 'It did not complete: try once more.',
        ),
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button variant={variant} disabled={busy} onClick={run}>
        {children}
      </Button>
      {failure ? <span role="alert">{failure}</span> : null}
    </>
  );
}
