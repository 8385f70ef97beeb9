import { useClipboardState, useCopy } from '../../hooks/use-copy';
import { Button } from './button';

/** A copy button whose accessible name says what it copies, with visible and announced feedback. */
export function CopyButton({
  text,
  what,
  disabledReason,
  label = 'Copy',
  variant = 'secondary',
  secret = false,
}: {
  /** The text, or a function that makes it at the moment of copying. */
  text: string | (() => string);
  /** What is copied, for the accessible name ("Copy ARN") and the announcement. */
  what: string;
  disabledReason?: string;
  label?: string;
  variant?: 'primary' | 'secondary' | 'ghost';
  /** A secret is cleared from the clipboard again after a while, and at sign-out. */
  secret?: boolean;
}) {
  const { state, copy } = useCopy({ secret });
  const clipboard = useClipboardState();
  return (
    <>
      <Button
        variant={variant}
        aria-label={label === 'Copy' ? `Copy ${what}` : label}
        disabled={disabledReason !== undefined}
        title={disabledReason}
        onClick={() => void copy(typeof text === 'function' ? text() : text)}
      >
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      </Button>
      <span role="status" className="sr-only">
        {state === 'copied'
          ? `${what} copied${secret && clipboard.kind === 'armed' ? `; the clipboard is cleared at ${new Date(clipboard.clearsAt).toLocaleTimeString()}` : ''}`
          : state === 'failed'
            ? `Could not copy ${what}`
            : ''}
      </span>
    </>
  );
}
