import type { ReactNode } from 'react';

type Tone = 'error' | 'warning' | 'info';

const TONES: Record<Tone, { box: string; label: string }> = {
  error: { box: 'border-red-300 bg-red-50 text-red-950', label: 'Error' },
  warning: { box: 'border-amber-300 bg-amber-50 text-amber-950', label: 'Warning' },
  info: { box: 'border-sky-300 bg-sky-50 text-sky-950', label: 'Note' },
};

/**
 * A titled message box. Errors are announced (role="alert"); the tone is also written out, not only
 * coloured. Long unbroken text (an ARN in an AWS message) wraps instead of widening the page.
 */
export function Notice({
  tone,
  title,
  children,
  actions,
}: {
  tone: Tone;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const { box, label } = TONES[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`min-w-0 rounded-lg border p-4 [overflow-wrap:anywhere] ${box}`}
    >
      <p className="font-semibold">
        <span className="sr-only">{label}: </span>
        {title}
      </p>
      {children ? <div className="mt-1 text-sm">{children}</div> : null}
      {actions ? <div className="mt-3 flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
