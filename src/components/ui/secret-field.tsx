import { useId } from 'react';
import { Button } from './button';
import { CopyButton } from './copy-button';
import { usePresenterMode } from './presenter-mode';
import { useRevealState } from './secrets-lock';

const MASK = '•'.repeat(16);

/** A credential value: masked until revealed (never in presenter mode), copyable without revealing it. */
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
  const presenter = usePresenterMode();
  const [revealedState, setRevealed] = useRevealState();
  const revealed = revealedState && !presenter;
  const valueId = useId();
  return (
    <div className="grid gap-1">
      <span
        id={`${valueId}-label`}
        className="text-xs font-medium tracking-wide text-slate-600 uppercase"
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
          disabled={presenter}
          title={presenter ? 'Presenter mode: secrets stay hidden' : undefined}
          onClick={() => setRevealed((shown) => !shown)}
        >
          {revealed ? 'Hide' : 'Reveal'}
        </Button>
        <CopyButton text={value} what={label} disabledReason={copyDisabledReason} secret />
      </div>
    </div>
  );
}
