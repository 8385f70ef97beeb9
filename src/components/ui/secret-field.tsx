import { useId, useState } from 'react';
import { useCopy } from '../../hooks/use-copy';
import { Button } from './button';

const MASK = '•'.repeat(16);

/** A credential value: masked until revealed, copyable without revealing it. */
export function SecretField({
  label,
  value,
  copyDisabledReason,
}: {
  label: string;
  value: string;
  /** When set, copying is refused and this explains why. */
  copyDisabledReason?: string;
}) {
  const [revealed, setRevealed] = useState(false);
  const { state, copy } = useCopy();
  const valueId = useId();
  return (
    <div className="grid gap-1">
      <span
        id={`${valueId}-label`}
        className="text-xs font-medium uppercase tracking-wide text-slate-600"
      >
        {label}
      </span>
      <div className="flex flex-wrap items-center gap-2">
        <code
          id={valueId}
          aria-labelledby={`${valueId}-label`}
          className="min-w-0 flex-1 rounded bg-slate-100 px-2 py-1 font-mono text-sm break-all"
        >
          {revealed ? value : MASK}
        </code>
        <Button
          aria-pressed={revealed}
          aria-label={`${revealed ? 'Hide' : 'Reveal'} ${label}`}
          onClick={() => setRevealed((shown) => !shown)}
        >
          {revealed ? 'Hide' : 'Reveal'}
        </Button>
        <Button
          aria-label={`Copy ${label}`}
          disabled={copyDisabledReason !== undefined}
          title={copyDisabledReason}
          onClick={() => void copy(value)}
        >
          {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
        </Button>
      </div>
      <span role="status" className="sr-only">
        {state === 'copied'
          ? `${label} copied`
          : state === 'failed'
            ? `Could not copy ${label}`
            : ''}
      </span>
    </div>
  );
}
