import { useCopy } from '../../hooks/use-copy';
import { Button } from './button';

/** A copy button whose accessible name says what it copies, with visible and announced feedback. */
export function CopyButton({
  text,
  what,
  disabledReason,
  label = 'Copy',
  variant = 'secondary',
}: {
  /** The text, or a function that makes it at the moment of copying. */
  text: string | (() => string);
  /** What is copied, for the accessible name ("Copy ARN") and the announcement. */
  what: string;
  disabledReason?: string;
  label?: string;
  variant?: 'primary' | 'secondary' | 'ghost';
}) {
  const { state, copy } = useCopy();
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
        {state === 'copied' ? `${what} copied` : state === 'failed' ? `Could not copy ${what}` : ''}
      </span>
    </>
  );
}
